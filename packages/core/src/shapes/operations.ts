import { z } from "zod";
import { awsEnum, awsInteger, awsString } from "./constraints.js";
import {
  AliasNameType,
  CustomerMasterKeySpec,
  DescriptionType,
  GrantTokenList,
  KeyIdType,
  KeyListEntry,
  KeyMetadata,
  KeySpec,
  KeyUsageType,
  LimitType,
  MarkerType,
  OriginType,
  PolicyNameType,
  PolicyType,
  RegionType,
  Tag,
  TagList,
} from "./common.js";

/*
 * One zod schema per AWS input and output shape, named verbatim, members PascalCase as on the wire [DOC botocore
 * kms/2014-11-01/service-2.json]. Input schemas strip unknown members (AWS ignores them); output schemas describe
 * exactly what is emitted.
 */

/**
 * GetKeyPolicy input. `PolicyName` is optional since 2024-03-18 and means `default` when absent.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyPolicy.html
 */
export const GetKeyPolicyRequest = z.object({ KeyId: KeyIdType, PolicyName: PolicyNameType.optional() });
export type GetKeyPolicyRequest = z.infer<typeof GetKeyPolicyRequest>;
/** GetKeyPolicy output: the policy text (AWS's pretty format) and its name, always present. */
export const GetKeyPolicyResponse = z.object({ Policy: z.string(), PolicyName: z.string() });
export type GetKeyPolicyResponse = z.infer<typeof GetKeyPolicyResponse>;

/** @see https://docs.aws.amazon.com/kms/latest/APIReference/API_PutKeyPolicy.html */
export const PutKeyPolicyRequest = z.object({
  KeyId: KeyIdType,
  PolicyName: PolicyNameType.optional(),
  Policy: PolicyType,
  BypassPolicyLockoutSafetyCheck: z.boolean().optional(),
});
export type PutKeyPolicyRequest = z.infer<typeof PutKeyPolicyRequest>;

/** @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ListKeyPolicies.html */
export const ListKeyPoliciesRequest = z.object({
  KeyId: KeyIdType,
  Limit: LimitType.optional(),
  Marker: MarkerType.optional(),
});
export type ListKeyPoliciesRequest = z.infer<typeof ListKeyPoliciesRequest>;
export const ListKeyPoliciesResponse = z.object({
  PolicyNames: z.array(z.string()),
  NextMarker: z.string().optional(),
  Truncated: z.boolean(),
});
export type ListKeyPoliciesResponse = z.infer<typeof ListKeyPoliciesResponse>;

/** @see https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html */
export const CreateKeyRequest = z.object({
  Policy: PolicyType.optional(),
  Description: DescriptionType.optional(),
  KeyUsage: KeyUsageType.optional(),
  CustomerMasterKeySpec: CustomerMasterKeySpec.optional(),
  KeySpec: KeySpec.optional(),
  Origin: OriginType.optional(),
  CustomKeyStoreId: awsString({ min: 1, max: 64 }).optional(),
  BypassPolicyLockoutSafetyCheck: z.boolean().optional(),
  Tags: TagList.optional(),
  MultiRegion: z.boolean().optional(),
  XksKeyId: awsString({ min: 1, max: 128 }).optional(),
});
export type CreateKeyRequest = z.infer<typeof CreateKeyRequest>;
export const CreateKeyResponse = z.object({ KeyMetadata });
export type CreateKeyResponse = z.infer<typeof CreateKeyResponse>;

/** @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DescribeKey.html */
export const DescribeKeyRequest = z.object({ KeyId: KeyIdType, GrantTokens: GrantTokenList.optional() });
export type DescribeKeyRequest = z.infer<typeof DescribeKeyRequest>;
export const DescribeKeyResponse = z.object({ KeyMetadata });
export type DescribeKeyResponse = z.infer<typeof DescribeKeyResponse>;

/** @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ListKeys.html */
export const ListKeysRequest = z.object({ Limit: LimitType.optional(), Marker: MarkerType.optional() });
export type ListKeysRequest = z.infer<typeof ListKeysRequest>;
export const ListKeysResponse = z.object({
  Keys: z.array(KeyListEntry),
  NextMarker: z.string().optional(),
  Truncated: z.boolean(),
});
export type ListKeysResponse = z.infer<typeof ListKeysResponse>;

/** EnableKey / DisableKey / CancelKeyDeletion input: just the key. */
export const KeyOnlyRequest = z.object({ KeyId: KeyIdType });
export type KeyOnlyRequest = z.infer<typeof KeyOnlyRequest>;
/** @see https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKey.html */
export const EnableKeyRequest = KeyOnlyRequest;
export type EnableKeyRequest = KeyOnlyRequest;
/** @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DisableKey.html */
export const DisableKeyRequest = KeyOnlyRequest;
export type DisableKeyRequest = KeyOnlyRequest;
/** @see https://docs.aws.amazon.com/kms/latest/APIReference/API_CancelKeyDeletion.html */
export const CancelKeyDeletionRequest = KeyOnlyRequest;
export type CancelKeyDeletionRequest = KeyOnlyRequest;
export const CancelKeyDeletionResponse = z.object({ KeyId: z.string() });
export type CancelKeyDeletionResponse = z.infer<typeof CancelKeyDeletionResponse>;

/** @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html */
export const ScheduleKeyDeletionRequest = z.object({
  KeyId: KeyIdType,
  PendingWindowInDays: awsInteger({ min: 1, max: 365 }).optional(),
});
export type ScheduleKeyDeletionRequest = z.infer<typeof ScheduleKeyDeletionRequest>;
/**
 * ScheduleKeyDeletion output. `DeletionDate` is absent for a multi-Region primary key with replicas: its waiting
 * period starts when the last replica is deleted ([DOC] the member's documentation; KeyState `PendingReplicaDeletion`).
 */
export const ScheduleKeyDeletionResponse = z.object({
  KeyId: z.string(),
  DeletionDate: z.number().optional(),
  KeyState: z.string(),
  PendingWindowInDays: z.number(),
});
export type ScheduleKeyDeletionResponse = z.infer<typeof ScheduleKeyDeletionResponse>;

/** @see https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html */
export const CreateAliasRequest = z.object({ AliasName: AliasNameType, TargetKeyId: KeyIdType });
export type CreateAliasRequest = z.infer<typeof CreateAliasRequest>;
/** @see https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateAlias.html */
export const UpdateAliasRequest = CreateAliasRequest;
export type UpdateAliasRequest = CreateAliasRequest;
/** @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteAlias.html */
export const DeleteAliasRequest = z.object({ AliasName: AliasNameType });
export type DeleteAliasRequest = z.infer<typeof DeleteAliasRequest>;
/** @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ListAliases.html */
export const ListAliasesRequest = z.object({
  KeyId: KeyIdType.optional(),
  Limit: LimitType.optional(),
  Marker: MarkerType.optional(),
});
export type ListAliasesRequest = z.infer<typeof ListAliasesRequest>;
export const AliasListEntry = z.object({
  AliasName: z.string(),
  AliasArn: z.string(),
  TargetKeyId: z.string().optional(),
  CreationDate: z.number().optional(),
  LastUpdatedDate: z.number().optional(),
});
export type AliasListEntry = z.infer<typeof AliasListEntry>;
export const ListAliasesResponse = z.object({
  Aliases: z.array(AliasListEntry),
  NextMarker: z.string().optional(),
  Truncated: z.boolean(),
});
export type ListAliasesResponse = z.infer<typeof ListAliasesResponse>;

/** @see https://docs.aws.amazon.com/kms/latest/APIReference/API_TagResource.html */
export const TagResourceRequest = z.object({ KeyId: KeyIdType, Tags: TagList });
export type TagResourceRequest = z.infer<typeof TagResourceRequest>;
/** @see https://docs.aws.amazon.com/kms/latest/APIReference/API_UntagResource.html */
export const UntagResourceRequest = z.object({ KeyId: KeyIdType, TagKeys: z.array(awsString({ min: 1, max: 128 })) });
export type UntagResourceRequest = z.infer<typeof UntagResourceRequest>;
/** @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ListResourceTags.html */
export const ListResourceTagsRequest = z.object({
  KeyId: KeyIdType,
  Limit: awsInteger({ min: 1, max: 50 }).optional(),
  Marker: MarkerType.optional(),
});
export type ListResourceTagsRequest = z.infer<typeof ListResourceTagsRequest>;
export const ListResourceTagsResponse = z.object({
  Tags: z.array(Tag),
  NextMarker: z.string().optional(),
  Truncated: z.boolean(),
});
export type ListResourceTagsResponse = z.infer<typeof ListResourceTagsResponse>;

/** `RotationPeriodInDaysType`: 90..2560 days between automatic rotations. */
export const RotationPeriodInDaysType = awsInteger({ min: 90, max: 2560 });

/** `RotationType`, model order; printed in Coral's order. */
export const ROTATION_TYPES = ["AUTOMATIC", "ON_DEMAND"] as const;
export type RotationType = (typeof ROTATION_TYPES)[number];

/** `IncludeKeyMaterial`, model order; printed in Coral's order. Absent means `ROTATIONS_ONLY` [DOC]. */
export const IncludeKeyMaterial = awsEnum(["ALL_KEY_MATERIAL", "ROTATIONS_ONLY"]);
export type IncludeKeyMaterial = z.infer<typeof IncludeKeyMaterial>;

/** @see https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyRotationStatus.html */
export const GetKeyRotationStatusRequest = KeyOnlyRequest;
export type GetKeyRotationStatusRequest = KeyOnlyRequest;
/**
 * GetKeyRotationStatus output: `KeyId` is the key ARN; `RotationPeriodInDays` and `NextRotationDate` (epoch seconds)
 * only while automatic rotation is enabled; `OnDemandRotationStartDate` only while an on-demand rotation is in
 * progress.
 */
export const GetKeyRotationStatusResponse = z.object({
  KeyRotationEnabled: z.boolean(),
  KeyId: z.string(),
  RotationPeriodInDays: z.number().optional(),
  NextRotationDate: z.number().optional(),
  OnDemandRotationStartDate: z.number().optional(),
});
export type GetKeyRotationStatusResponse = z.infer<typeof GetKeyRotationStatusResponse>;

/** @see https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKeyRotation.html */
export const EnableKeyRotationRequest = z.object({
  KeyId: KeyIdType,
  RotationPeriodInDays: RotationPeriodInDaysType.optional(),
});
export type EnableKeyRotationRequest = z.infer<typeof EnableKeyRotationRequest>;

/** @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DisableKeyRotation.html */
export const DisableKeyRotationRequest = KeyOnlyRequest;
export type DisableKeyRotationRequest = KeyOnlyRequest;

/** @see https://docs.aws.amazon.com/kms/latest/APIReference/API_RotateKeyOnDemand.html */
export const RotateKeyOnDemandRequest = KeyOnlyRequest;
export type RotateKeyOnDemandRequest = KeyOnlyRequest;
/** RotateKeyOnDemand output: the key ARN, even when the request named the key by its ID ([REC] LocalStack snapshot). */
export const RotateKeyOnDemandResponse = z.object({ KeyId: z.string() });
export type RotateKeyOnDemandResponse = z.infer<typeof RotateKeyOnDemandResponse>;

/** @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ListKeyRotations.html */
export const ListKeyRotationsRequest = z.object({
  KeyId: KeyIdType,
  IncludeKeyMaterial: IncludeKeyMaterial.optional(),
  Limit: LimitType.optional(),
  Marker: MarkerType.optional(),
});
export type ListKeyRotationsRequest = z.infer<typeof ListKeyRotationsRequest>;
/**
 * `RotationsListEntry`: one key material of a key. `KeyMaterialId` is 64 lowercase hex characters;
 * `KeyMaterialState` is `CURRENT` or `NON_CURRENT` for KMS-made material; `RotationDate` (epoch seconds) and
 * `RotationType` are absent for the key's first material. The import members (`KeyMaterialDescription`,
 * `ImportState`, `ExpirationModel`, `ValidTo`) are for EXTERNAL keys only.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_RotationsListEntry.html
 */
export const RotationsListEntry = z.object({
  KeyId: z.string().optional(),
  KeyMaterialId: z.string().optional(),
  KeyMaterialDescription: z.string().optional(),
  ImportState: z.string().optional(),
  KeyMaterialState: z.string().optional(),
  ExpirationModel: z.string().optional(),
  ValidTo: z.number().optional(),
  RotationDate: z.number().optional(),
  RotationType: z.string().optional(),
});
export type RotationsListEntry = z.infer<typeof RotationsListEntry>;
export const ListKeyRotationsResponse = z.object({
  Rotations: z.array(RotationsListEntry),
  NextMarker: z.string().optional(),
  Truncated: z.boolean(),
});
export type ListKeyRotationsResponse = z.infer<typeof ListKeyRotationsResponse>;

/** @see https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateKeyDescription.html */
export const UpdateKeyDescriptionRequest = z.object({ KeyId: KeyIdType, Description: DescriptionType });
export type UpdateKeyDescriptionRequest = z.infer<typeof UpdateKeyDescriptionRequest>;

/**
 * ReplicateKey input: the multi-Region primary key (key ID or key ARN) and the Region of the new replica; the
 * replica's own policy, description and tags (not shared properties: [DOC] the members' documentation).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ReplicateKey.html
 */
export const ReplicateKeyRequest = z.object({
  KeyId: KeyIdType,
  ReplicaRegion: RegionType,
  Policy: PolicyType.optional(),
  BypassPolicyLockoutSafetyCheck: z.boolean().optional(),
  Description: DescriptionType.optional(),
  Tags: TagList.optional(),
});
export type ReplicateKeyRequest = z.infer<typeof ReplicateKeyRequest>;
/** ReplicateKey output: the replica's KeyMetadata, its key policy and its tags. */
export const ReplicateKeyResponse = z.object({
  ReplicaKeyMetadata: KeyMetadata,
  ReplicaPolicy: z.string(),
  ReplicaTags: TagList.optional(),
});
export type ReplicateKeyResponse = z.infer<typeof ReplicateKeyResponse>;

/**
 * UpdatePrimaryRegion input: the current primary key and the Region of the replica that becomes primary. No output.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdatePrimaryRegion.html
 */
export const UpdatePrimaryRegionRequest = z.object({ KeyId: KeyIdType, PrimaryRegion: RegionType });
export type UpdatePrimaryRegionRequest = z.infer<typeof UpdatePrimaryRegionRequest>;
