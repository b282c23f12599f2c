// The identity and texts the Worker's security tests expect, as data of this app's own tests.

/** The IAM user the identities secret configures. */
export const alice: { readonly accessKeyId: string; readonly secretAccessKey: string; readonly principalArn: string } =
  {
    accessKeyId: "AKIAALICE000000000001",
    secretAccessKey: "alice-secret-0000000000000000000000000000",
    principalArn: "arn:aws:iam::111122223333:user/alice",
  };

/** [RPT] KMS-FIDELITY.md §9: InvalidSignatureException for a wrong signature. */
export const MISMATCH =
  "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

/** [DOC/REC] KMS-FIDELITY.md §7: the default key policy of account 111122223333, byte for byte. */
export const DEFAULT_POLICY = `{
  "Version" : "2012-10-17",
  "Id" : "key-default-1",
  "Statement" : [ {
    "Sid" : "Enable IAM User Permissions",
    "Effect" : "Allow",
    "Principal" : {
      "AWS" : "arn:aws:iam::111122223333:root"
    },
    "Action" : "kms:*",
    "Resource" : "*"
  } ]
}`;
