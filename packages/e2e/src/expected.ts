/**
 * The default key policy exactly as AWS returns it (KMS-FIDELITY.md §7, [DOC] GetKeyPolicy example, [REC]): written
 * out here by hand rather than taken from @keypolicy/policy, so the suites check the emulator against the AWS text.
 */
export function defaultPolicyText(accountId: string, partition = "aws"): string {
  return [
    "{",
    '  "Version" : "2012-10-17",',
    '  "Id" : "key-default-1",',
    '  "Statement" : [ {',
    '    "Sid" : "Enable IAM User Permissions",',
    '    "Effect" : "Allow",',
    '    "Principal" : {',
    `      "AWS" : "arn:${partition}:iam::${accountId}:root"`,
    "    },",
    '    "Action" : "kms:*",',
    '    "Resource" : "*"',
    "  } ]",
    "}",
  ].join("\n");
}

/** A one-line policy that keeps the account root in control (accepted by the lockout check). */
export function singleLinePolicy(accountId: string, sid = "Single line"): string {
  return `{"Version":"2012-10-17","Statement":[{"Sid":"${sid}","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::${accountId}:root"},"Action":"kms:*","Resource":"*"}]}`;
}

/** The same policy as AWS stores it: Jackson's pretty printer, member order kept (§7). */
export function singleLinePolicyPretty(accountId: string, sid = "Single line"): string {
  return [
    "{",
    '  "Version" : "2012-10-17",',
    '  "Statement" : [ {',
    `    "Sid" : "${sid}",`,
    '    "Effect" : "Allow",',
    '    "Principal" : {',
    `      "AWS" : "arn:aws:iam::${accountId}:root"`,
    "    },",
    '    "Action" : "kms:*",',
    '    "Resource" : "*"',
    "  } ]",
    "}",
  ].join("\n");
}

/**
 * The predefined AWS managed aliases the emulator lists in every account and region, in name order, without
 * TargetKeyId until first use (the emulator's app/managed-keys.ts: [DOC] API_ListAliases, the names [RPT] moto and
 * LocalStack).
 */
export const AWS_MANAGED_ALIASES: readonly string[] = [
  "alias/aws/acm",
  "alias/aws/dynamodb",
  "alias/aws/ebs",
  "alias/aws/elasticfilesystem",
  "alias/aws/es",
  "alias/aws/glue",
  "alias/aws/kinesisvideo",
  "alias/aws/lambda",
  "alias/aws/rds",
  "alias/aws/redshift",
  "alias/aws/s3",
  "alias/aws/secretsmanager",
  "alias/aws/ssm",
  "alias/aws/xray",
];
