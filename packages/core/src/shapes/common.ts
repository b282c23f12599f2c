import { z } from "zod";
import { awsEnum, awsInteger, awsString } from "./constraints.js";

/**
 * Shapes shared by several KMS operations, named as in the AWS model (botocore `kms/2014-11-01/service-2.json`).
 * Constraints are the model's [DOC]. Enum constants list the model's order; the schemas print them in the order
 * Coral does (`coralEnumOrder`, KMS-FIDELITY.md §3).
 */

/** `KeyIdType`: a key ID, key ARN, alias name or alias ARN; 1..2048 characters. */
export const KeyIdType = awsString({ min: 1, max: 2048 });

/** `PolicyNameType`: 1..128 characters of `[\w]+`. Only `default` exists. */
export const PolicyNameType = awsString({ min: 1, max: 128, pattern: "[\\w]+" });

/** `PolicyType`: a key policy document, 1..131072 characters of tab, LF, CR and U+0020..U+00FF. */
export const PolicyType = awsString({ min: 1, max: 131072, pattern: "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+" });

/** `DescriptionType`: 0..8192 characters. */
export const DescriptionType = awsString({ min: 0, max: 8192 });

/** `LimitType`: 1..1000. */
export const LimitType = awsInteger({ min: 1, max: 1000 });

/** `MarkerType`: 1..1024 characters of U+0020..U+00FF. */
export const MarkerType = awsString({ min: 1, max: 1024, pattern: "[\\u0020-\\u00FF]*" });

/** `GrantTokenList`: 0..10 grant tokens of 1..8192 characters. */
export const GrantTokenList = z
  .array(awsString({ min: 1, max: 8192 }))
  .min(0)
  .max(10);

/**
 * `AliasNameType`: 1..256 characters of the model's pattern `^[a-zA-Z0-9:/_-]+$`, quoted as is in the Coral message.
 * The pattern lets `:` through; KMS then refuses it as `<name> contains invalid characters for an alias` (an
 * operation check, not a model constraint: KMS-FIDELITY.md §4a).
 */
export const AliasNameType = awsString({ min: 1, max: 256, pattern: "^[a-zA-Z0-9:/_-]+$" });

/** `ArnType`: 20..2048 characters. */
export const ArnType = awsString({ min: 20, max: 2048 });

/** `KeySpec`, model order; printed in Coral's order (`coralEnumOrder`, [REC] vector `validation-enum`). */
export const KEY_SPECS = [
  "RSA_2048",
  "RSA_3072",
  "RSA_4096",
  "ECC_NIST_P256",
  "ECC_NIST_P384",
  "ECC_NIST_P521",
  "ECC_SECG_P256K1",
  "SYMMETRIC_DEFAULT",
  "HMAC_224",
  "HMAC_256",
  "HMAC_384",
  "HMAC_512",
  "SM2",
  "ML_DSA_44",
  "ML_DSA_65",
  "ML_DSA_87",
  "ECC_NIST_EDWARDS25519",
] as const;
export const KeySpec = awsEnum(KEY_SPECS);
export type KeySpec = z.infer<typeof KeySpec>;

/** `CustomerMasterKeySpec` (deprecated alias of KeySpec), model order; printed in Coral's order. */
export const CUSTOMER_MASTER_KEY_SPECS = [
  "RSA_2048",
  "RSA_3072",
  "RSA_4096",
  "ECC_NIST_P256",
  "ECC_NIST_P384",
  "ECC_NIST_P521",
  "ECC_SECG_P256K1",
  "SYMMETRIC_DEFAULT",
  "HMAC_224",
  "HMAC_256",
  "HMAC_384",
  "HMAC_512",
  "SM2",
] as const;
export const CustomerMasterKeySpec = awsEnum(CUSTOMER_MASTER_KEY_SPECS);

/** `KeyUsageType`, model order. */
export const KEY_USAGES = ["SIGN_VERIFY", "ENCRYPT_DECRYPT", "GENERATE_VERIFY_MAC", "KEY_AGREEMENT"] as const;
/**
 * The order AWS prints `keyUsage`'s values in: [REC] `[ENCRYPT_DECRYPT, SIGN_VERIFY, GENERATE_VERIFY_MAC]` (LocalStack
 * snapshot `test_hmac_create_key_invalid_operations`, 2023), the one recorded KMS enum message that is not Coral's
 * hash order but the order the usages were introduced; `KEY_AGREEMENT` (2024) appended [DEC].
 */
export const KEY_USAGES_PRINTED = ["ENCRYPT_DECRYPT", "SIGN_VERIFY", "GENERATE_VERIFY_MAC", "KEY_AGREEMENT"] as const;
export const KeyUsageType = awsEnum(KEY_USAGES, KEY_USAGES_PRINTED);
export type KeyUsageType = z.infer<typeof KeyUsageType>;

/**
 * `OriginType`, model order; printed in Coral's order (the rule gives `[EXTERNAL, AWS_CLOUDHSM, AWS_KMS]` for the
 * three origins of 2019, as local-kms quotes it [RPT]).
 */
export const ORIGINS = ["AWS_KMS", "EXTERNAL", "AWS_CLOUDHSM", "EXTERNAL_KEY_STORE"] as const;
export const OriginType = awsEnum(ORIGINS);
export type OriginType = z.infer<typeof OriginType>;

/** `KeyState`, model order; printed in Coral's order. */
export const KEY_STATES = [
  "Creating",
  "Enabled",
  "Disabled",
  "PendingDeletion",
  "PendingImport",
  "PendingReplicaDeletion",
  "Unavailable",
  "Updating",
] as const;
export const KeyState = awsEnum(KEY_STATES);
export type KeyState = z.infer<typeof KeyState>;

/** `Tag`: `TagKey` 1..128, `TagValue` 0..256. */
export const Tag = z.object({
  TagKey: awsString({ min: 1, max: 128 }),
  TagValue: awsString({ min: 0, max: 256 }),
});
export type Tag = z.infer<typeof Tag>;

/** `TagList`. */
export const TagList = z.array(Tag);

/** `KeyListEntry`: one key in a ListKeys answer. */
export const KeyListEntry = z.object({ KeyId: z.string(), KeyArn: z.string() });
export type KeyListEntry = z.infer<typeof KeyListEntry>;

/** `RegionType`: a Region ID such as `us-east-1` [DOC model: 1..32, pattern `^([a-z]+-){2,3}\d+$`]. */
export const RegionType = awsString({ min: 1, max: 32, pattern: "^([a-z]+-){2,3}\\d+$" });

/** `MultiRegionKey`. */
export const MultiRegionKey = z.object({ Arn: z.string(), Region: z.string() });

/** `MultiRegionConfiguration`. */
export const MultiRegionConfiguration = z.object({
  MultiRegionKeyType: awsEnum(["PRIMARY", "REPLICA"]),
  PrimaryKey: MultiRegionKey,
  ReplicaKeys: z.array(MultiRegionKey),
});

/**
 * `KeyMetadata`, as DescribeKey and CreateKey return it. Members in the model's order; absent members are left out,
 * never `null` ([REC] vectors `describe-key-after-create-symmetric`, `create-key-hmac-256`). `CreationDate` and
 * `DeletionDate` are epoch seconds (JSON numbers).
 */
export const KeyMetadata = z.object({
  AWSAccountId: z.string().optional(),
  KeyId: z.string(),
  Arn: z.string().optional(),
  CreationDate: z.number().optional(),
  Enabled: z.boolean().optional(),
  Description: z.string().optional(),
  KeyUsage: z.string().optional(),
  KeyState: z.string().optional(),
  DeletionDate: z.number().optional(),
  ValidTo: z.number().optional(),
  Origin: z.string().optional(),
  CustomKeyStoreId: z.string().optional(),
  CloudHsmClusterId: z.string().optional(),
  ExpirationModel: z.string().optional(),
  KeyManager: z.string().optional(),
  CustomerMasterKeySpec: z.string().optional(),
  KeySpec: z.string().optional(),
  EncryptionAlgorithms: z.array(z.string()).optional(),
  SigningAlgorithms: z.array(z.string()).optional(),
  KeyAgreementAlgorithms: z.array(z.string()).optional(),
  MultiRegion: z.boolean().optional(),
  MultiRegionConfiguration: MultiRegionConfiguration.optional(),
  PendingDeletionWindowInDays: z.number().optional(),
  MacAlgorithms: z.array(z.string()).optional(),
  CurrentKeyMaterialId: z.string().optional(),
});
export type KeyMetadata = z.infer<typeof KeyMetadata>;
