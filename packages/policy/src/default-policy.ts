import type { Partition } from "@keypolicy/core";

/**
 * The key policy KMS gives a key created without one, byte for byte: `Id` `key-default-1`, one statement that lets
 * the account root (and so IAM) do `kms:*`, in AWS's pretty format with no trailing newline.
 *
 * @param accountId - the key's 12-digit account.
 * @param partition - the key's partition (`aws`, `aws-cn`, …); the principal is `arn:<partition>:iam::<account>:root`.
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html
 * @see KMS-FIDELITY.md §7 ([DOC] example, [REC] ReplicaPolicy)
 */
export function defaultKeyPolicy(accountId: string, partition: Partition = "aws"): string {
  return (
    "{\n" +
    '  "Version" : "2012-10-17",\n' +
    '  "Id" : "key-default-1",\n' +
    '  "Statement" : [ {\n' +
    '    "Sid" : "Enable IAM User Permissions",\n' +
    '    "Effect" : "Allow",\n' +
    '    "Principal" : {\n' +
    `      "AWS" : "arn:${partition}:iam::${accountId}:root"\n` +
    "    },\n" +
    '    "Action" : "kms:*",\n' +
    '    "Resource" : "*"\n' +
    "  } ]\n" +
    "}"
  );
}
