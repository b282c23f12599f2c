import { z } from "zod";
import { awsEnum, awsString } from "./constraints.js";
import { GrantTokenList, KeyIdType, LimitType, MarkerType } from "./common.js";

/*
 * The grant operations' shapes, named and constrained as in the AWS model [DOC botocore kms/2014-11-01/service-2.json].
 */

/** `GrantOperation`, model order; printed in Coral's order. */
export const GRANT_OPERATIONS = [
  "Decrypt",
  "Encrypt",
  "GenerateDataKey",
  "GenerateDataKeyWithoutPlaintext",
  "ReEncryptFrom",
  "ReEncryptTo",
  "Sign",
  "Verify",
  "GetPublicKey",
  "CreateGrant",
  "RetireGrant",
  "DescribeKey",
  "GenerateDataKeyPair",
  "GenerateDataKeyPairWithoutPlaintext",
  "GenerateMac",
  "VerifyMac",
  "DeriveSharedSecret",
] as const;
export const GrantOperation = awsEnum(GRANT_OPERATIONS);
export type GrantOperation = z.infer<typeof GrantOperation>;

/** `PrincipalIdType`: 1..256 characters of `^[\w+=,.@:/-]+$`. */
export const PrincipalIdType = awsString({ min: 1, max: 256, pattern: "^[\\w+=,.@:/-]+$" });
/** `GrantIdType`: 1..128 characters. */
export const GrantIdType = awsString({ min: 1, max: 128 });
/** `GrantTokenType`: 1..8192 characters. */
export const GrantTokenType = awsString({ min: 1, max: 8192 });
/** `GrantNameType`: 1..256 characters of `^[a-zA-Z0-9:/_-]+$`. */
export const GrantNameType = awsString({ min: 1, max: 256, pattern: "^[a-zA-Z0-9:/_-]+$" });
/** `EncryptionContextType`: a map of strings to strings. */
export const EncryptionContextType = z.record(z.string(), z.string());

/** `GrantConstraints`. */
export const GrantConstraints = z.object({
  EncryptionContextSubset: EncryptionContextType.optional(),
  EncryptionContextEquals: EncryptionContextType.optional(),
});
export type GrantConstraints = z.infer<typeof GrantConstraints>;

/** @see https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateGrant.html */
export const CreateGrantRequest = z.object({
  KeyId: KeyIdType,
  GranteePrincipal: PrincipalIdType,
  RetiringPrincipal: PrincipalIdType.optional(),
  Operations: z.array(GrantOperation),
  Constraints: GrantConstraints.optional(),
  GrantTokens: GrantTokenList.optional(),
  Name: GrantNameType.optional(),
  DryRun: z.boolean().optional(),
});
export type CreateGrantRequest = z.infer<typeof CreateGrantRequest>;
export const CreateGrantResponse = z.object({ GrantToken: z.string(), GrantId: z.string() });
export type CreateGrantResponse = z.infer<typeof CreateGrantResponse>;

/** `GrantListEntry`, members in the model's order; `CreationDate` in epoch seconds. */
export const GrantListEntry = z.object({
  KeyId: z.string().optional(),
  GrantId: z.string().optional(),
  Name: z.string().optional(),
  CreationDate: z.number().optional(),
  GranteePrincipal: z.string().optional(),
  RetiringPrincipal: z.string().optional(),
  IssuingAccount: z.string().optional(),
  Operations: z.array(z.string()).optional(),
  Constraints: GrantConstraints.optional(),
});
export type GrantListEntry = z.infer<typeof GrantListEntry>;

/** @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ListGrants.html */
export const ListGrantsRequest = z.object({
  Limit: LimitType.optional(),
  Marker: MarkerType.optional(),
  KeyId: KeyIdType,
  GrantId: GrantIdType.optional(),
  GranteePrincipal: PrincipalIdType.optional(),
});
export type ListGrantsRequest = z.infer<typeof ListGrantsRequest>;
export const ListGrantsResponse = z.object({
  Grants: z.array(GrantListEntry),
  NextMarker: z.string().optional(),
  Truncated: z.boolean(),
});
export type ListGrantsResponse = z.infer<typeof ListGrantsResponse>;

/** @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ListRetirableGrants.html */
export const ListRetirableGrantsRequest = z.object({
  Limit: LimitType.optional(),
  Marker: MarkerType.optional(),
  RetiringPrincipal: PrincipalIdType,
});
export type ListRetirableGrantsRequest = z.infer<typeof ListRetirableGrantsRequest>;

/** @see https://docs.aws.amazon.com/kms/latest/APIReference/API_RetireGrant.html */
export const RetireGrantRequest = z.object({
  GrantToken: GrantTokenType.optional(),
  KeyId: KeyIdType.optional(),
  GrantId: GrantIdType.optional(),
  DryRun: z.boolean().optional(),
});
export type RetireGrantRequest = z.infer<typeof RetireGrantRequest>;

/** @see https://docs.aws.amazon.com/kms/latest/APIReference/API_RevokeGrant.html */
export const RevokeGrantRequest = z.object({ KeyId: KeyIdType, GrantId: GrantIdType, DryRun: z.boolean().optional() });
export type RevokeGrantRequest = z.infer<typeof RevokeGrantRequest>;
