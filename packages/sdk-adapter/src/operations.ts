import type { KMSClient } from "@aws-sdk/client-kms";
import type { OperationName, Result } from "@keypolicy/core";
import type { OperationInput, OperationOutput } from "./commands.js";
import { type SafeSendError, safeSend } from "./safe-send.js";
import { send } from "./send.js";

/*
 * One typed pair per operation in core's OPERATIONS (GetKeyPolicy's pair, which also parses the document, is in
 * get-key-policy.ts): `safeXxx` answers a Result as `safeSend` does, `xxx` throws as `send` does. A test checks that
 * every operation has both.
 */

/** `safeSend` bound to one operation. */
export type SafeOperation<O extends OperationName> = (
  client: KMSClient,
  input: OperationInput<O>,
) => Promise<Result<OperationOutput<O>, SafeSendError>>;

/** `send` bound to one operation. */
export type ThrowingOperation<O extends OperationName> = (
  client: KMSClient,
  input: OperationInput<O>,
) => Promise<OperationOutput<O>>;

function safeOperation<O extends OperationName>(operation: O): SafeOperation<O> {
  return (client, input) => safeSend(client, operation, input);
}

function throwingOperation<O extends OperationName>(operation: O): ThrowingOperation<O> {
  return (client, input) => send(client, operation, input);
}

/**
 * PutKeyPolicy through `safeSend`: attaches a key policy to a KMS key. Output: none but `$metadata`.
 *
 * @returns the SDK's output, or a `SafeSendError` (ValidationException before sending; from KMS e.g.
 *   MalformedPolicyDocumentException, LimitExceededException, NotFoundException, KMSInvalidStateException).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_PutKeyPolicy.html
 */
export const safePutKeyPolicy: SafeOperation<"PutKeyPolicy"> = safeOperation("PutKeyPolicy");

/**
 * PutKeyPolicy through `send` (throws the SDK's exception): attaches a key policy to a KMS key. Output: none but
 * `$metadata`.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_PutKeyPolicy.html
 */
export const putKeyPolicy: ThrowingOperation<"PutKeyPolicy"> = throwingOperation("PutKeyPolicy");

/**
 * ListKeyPolicies through `safeSend`: lists the names of a key's policies (always `["default"]`), one page.
 *
 * @returns the SDK's output, or a `SafeSendError` (ValidationException before sending; from KMS e.g. NotFoundException,
 *   KMSInvalidStateException).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ListKeyPolicies.html
 */
export const safeListKeyPolicies: SafeOperation<"ListKeyPolicies"> = safeOperation("ListKeyPolicies");

/**
 * ListKeyPolicies through `send` (throws the SDK's exception): lists the names of a key's policies (always
 * `["default"]`), one page.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ListKeyPolicies.html
 */
export const listKeyPolicies: ThrowingOperation<"ListKeyPolicies"> = throwingOperation("ListKeyPolicies");

/**
 * CreateKey through `safeSend`: creates a KMS key; answers its `KeyMetadata`.
 *
 * @returns the SDK's output, or a `SafeSendError` (ValidationException before sending; from KMS e.g.
 *   MalformedPolicyDocumentException, LimitExceededException, TagException, UnsupportedOperationException).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html
 */
export const safeCreateKey: SafeOperation<"CreateKey"> = safeOperation("CreateKey");

/**
 * CreateKey through `send` (throws the SDK's exception): creates a KMS key; answers its `KeyMetadata`.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html
 */
export const createKey: ThrowingOperation<"CreateKey"> = throwingOperation("CreateKey");

/**
 * DescribeKey through `safeSend`: answers a key's `KeyMetadata`.
 *
 * @returns the SDK's output, or a `SafeSendError` (ValidationException before sending; from KMS e.g.
 *   NotFoundException).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DescribeKey.html
 */
export const safeDescribeKey: SafeOperation<"DescribeKey"> = safeOperation("DescribeKey");

/**
 * DescribeKey through `send` (throws the SDK's exception): answers a key's `KeyMetadata`.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DescribeKey.html
 */
export const describeKey: ThrowingOperation<"DescribeKey"> = throwingOperation("DescribeKey");

/**
 * ListKeys through `safeSend`: lists the caller's keys (`KeyId`, `KeyArn`), one page.
 *
 * @returns the SDK's output, or a `SafeSendError` (ValidationException before sending; from KMS e.g.
 *   InvalidMarkerException).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ListKeys.html
 */
export const safeListKeys: SafeOperation<"ListKeys"> = safeOperation("ListKeys");

/**
 * ListKeys through `send` (throws the SDK's exception): lists the caller's keys (`KeyId`, `KeyArn`), one page.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ListKeys.html
 */
export const listKeys: ThrowingOperation<"ListKeys"> = throwingOperation("ListKeys");

/**
 * EnableKey through `safeSend`: sets a key's state to `Enabled`.
 *
 * @returns the SDK's output, or a `SafeSendError` (ValidationException before sending; from KMS e.g. NotFoundException,
 *   KMSInvalidStateException).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKey.html
 */
export const safeEnableKey: SafeOperation<"EnableKey"> = safeOperation("EnableKey");

/**
 * EnableKey through `send` (throws the SDK's exception): sets a key's state to `Enabled`.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKey.html
 */
export const enableKey: ThrowingOperation<"EnableKey"> = throwingOperation("EnableKey");

/**
 * DisableKey through `safeSend`: sets a key's state to `Disabled`.
 *
 * @returns the SDK's output, or a `SafeSendError` (ValidationException before sending; from KMS e.g. NotFoundException,
 *   KMSInvalidStateException).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DisableKey.html
 */
export const safeDisableKey: SafeOperation<"DisableKey"> = safeOperation("DisableKey");

/**
 * DisableKey through `send` (throws the SDK's exception): sets a key's state to `Disabled`.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DisableKey.html
 */
export const disableKey: ThrowingOperation<"DisableKey"> = throwingOperation("DisableKey");

/**
 * ScheduleKeyDeletion through `safeSend`: schedules a key's deletion after `PendingWindowInDays` (7 to 30, default 30).
 *
 * @returns the SDK's output, or a `SafeSendError` (ValidationException before sending; from KMS e.g. NotFoundException,
 *   KMSInvalidStateException).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html
 */
export const safeScheduleKeyDeletion: SafeOperation<"ScheduleKeyDeletion"> = safeOperation("ScheduleKeyDeletion");

/**
 * ScheduleKeyDeletion through `send` (throws the SDK's exception): schedules a key's deletion after
 * `PendingWindowInDays` (7 to 30, default 30).
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html
 */
export const scheduleKeyDeletion: ThrowingOperation<"ScheduleKeyDeletion"> = throwingOperation("ScheduleKeyDeletion");

/**
 * CancelKeyDeletion through `safeSend`: cancels a scheduled deletion; the key is `Disabled` afterwards.
 *
 * @returns the SDK's output, or a `SafeSendError` (ValidationException before sending; from KMS e.g. NotFoundException,
 *   KMSInvalidStateException).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_CancelKeyDeletion.html
 */
export const safeCancelKeyDeletion: SafeOperation<"CancelKeyDeletion"> = safeOperation("CancelKeyDeletion");

/**
 * CancelKeyDeletion through `send` (throws the SDK's exception): cancels a scheduled deletion; the key is `Disabled`
 * afterwards.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_CancelKeyDeletion.html
 */
export const cancelKeyDeletion: ThrowingOperation<"CancelKeyDeletion"> = throwingOperation("CancelKeyDeletion");

/**
 * CreateAlias through `safeSend`: creates an alias (`alias/…`) for a key.
 *
 * @returns the SDK's output, or a `SafeSendError` (ValidationException before sending; from KMS e.g.
 *   AlreadyExistsException, InvalidAliasNameException, NotFoundException, LimitExceededException).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html
 */
export const safeCreateAlias: SafeOperation<"CreateAlias"> = safeOperation("CreateAlias");

/**
 * CreateAlias through `send` (throws the SDK's exception): creates an alias (`alias/…`) for a key.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html
 */
export const createAlias: ThrowingOperation<"CreateAlias"> = throwingOperation("CreateAlias");

/**
 * UpdateAlias through `safeSend`: points an existing alias at another key.
 *
 * @returns the SDK's output, or a `SafeSendError` (ValidationException before sending; from KMS e.g. NotFoundException,
 *   KMSInvalidStateException).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateAlias.html
 */
export const safeUpdateAlias: SafeOperation<"UpdateAlias"> = safeOperation("UpdateAlias");

/**
 * UpdateAlias through `send` (throws the SDK's exception): points an existing alias at another key.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateAlias.html
 */
export const updateAlias: ThrowingOperation<"UpdateAlias"> = throwingOperation("UpdateAlias");

/**
 * DeleteAlias through `safeSend`: deletes an alias.
 *
 * @returns the SDK's output, or a `SafeSendError` (ValidationException before sending; from KMS e.g.
 *   NotFoundException).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteAlias.html
 */
export const safeDeleteAlias: SafeOperation<"DeleteAlias"> = safeOperation("DeleteAlias");

/**
 * DeleteAlias through `send` (throws the SDK's exception): deletes an alias.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteAlias.html
 */
export const deleteAlias: ThrowingOperation<"DeleteAlias"> = throwingOperation("DeleteAlias");

/**
 * ListAliases through `safeSend`: lists the caller's aliases, or one key's, one page.
 *
 * @returns the SDK's output, or a `SafeSendError` (ValidationException before sending; from KMS e.g.
 *   InvalidMarkerException, NotFoundException).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ListAliases.html
 */
export const safeListAliases: SafeOperation<"ListAliases"> = safeOperation("ListAliases");

/**
 * ListAliases through `send` (throws the SDK's exception): lists the caller's aliases, or one key's, one page.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ListAliases.html
 */
export const listAliases: ThrowingOperation<"ListAliases"> = throwingOperation("ListAliases");

/**
 * TagResource through `safeSend`: adds or replaces tags on a key.
 *
 * @returns the SDK's output, or a `SafeSendError` (ValidationException before sending; from KMS e.g. TagException,
 *   NotFoundException, KMSInvalidStateException).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_TagResource.html
 */
export const safeTagResource: SafeOperation<"TagResource"> = safeOperation("TagResource");

/**
 * TagResource through `send` (throws the SDK's exception): adds or replaces tags on a key.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_TagResource.html
 */
export const tagResource: ThrowingOperation<"TagResource"> = throwingOperation("TagResource");

/**
 * UntagResource through `safeSend`: removes tags from a key.
 *
 * @returns the SDK's output, or a `SafeSendError` (ValidationException before sending; from KMS e.g. TagException,
 *   NotFoundException, KMSInvalidStateException).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_UntagResource.html
 */
export const safeUntagResource: SafeOperation<"UntagResource"> = safeOperation("UntagResource");

/**
 * UntagResource through `send` (throws the SDK's exception): removes tags from a key.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_UntagResource.html
 */
export const untagResource: ThrowingOperation<"UntagResource"> = throwingOperation("UntagResource");

/**
 * ListResourceTags through `safeSend`: lists a key's tags, one page.
 *
 * @returns the SDK's output, or a `SafeSendError` (ValidationException before sending; from KMS e.g.
 *   InvalidMarkerException, NotFoundException).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ListResourceTags.html
 */
export const safeListResourceTags: SafeOperation<"ListResourceTags"> = safeOperation("ListResourceTags");

/**
 * ListResourceTags through `send` (throws the SDK's exception): lists a key's tags, one page.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ListResourceTags.html
 */
export const listResourceTags: ThrowingOperation<"ListResourceTags"> = throwingOperation("ListResourceTags");

/**
 * GetKeyRotationStatus through `safeSend`: answers whether automatic rotation is enabled, its period and next date (the key ARN as `KeyId`).
 *
 * @returns the SDK's output, or a `SafeSendError` (ValidationException before sending; from KMS e.g. NotFoundException).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyRotationStatus.html
 */
export const safeGetKeyRotationStatus: SafeOperation<"GetKeyRotationStatus"> = safeOperation("GetKeyRotationStatus");

/**
 * GetKeyRotationStatus through `send` (throws the SDK's exception): answers whether automatic rotation is enabled, its period and next date (the key ARN as `KeyId`).
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyRotationStatus.html
 */
export const getKeyRotationStatus: ThrowingOperation<"GetKeyRotationStatus"> =
  throwingOperation("GetKeyRotationStatus");

/**
 * EnableKeyRotation through `safeSend`: turns on automatic rotation every `RotationPeriodInDays` (90 to 2560, default 365).
 *
 * @returns the SDK's output, or a `SafeSendError` (ValidationException before sending; from KMS e.g. UnsupportedOperationException, DisabledException).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKeyRotation.html
 */
export const safeEnableKeyRotation: SafeOperation<"EnableKeyRotation"> = safeOperation("EnableKeyRotation");

/**
 * EnableKeyRotation through `send` (throws the SDK's exception): turns on automatic rotation every `RotationPeriodInDays` (90 to 2560, default 365).
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKeyRotation.html
 */
export const enableKeyRotation: ThrowingOperation<"EnableKeyRotation"> = throwingOperation("EnableKeyRotation");

/**
 * DisableKeyRotation through `safeSend`: turns off automatic rotation.
 *
 * @returns the SDK's output, or a `SafeSendError` (ValidationException before sending; from KMS e.g. UnsupportedOperationException, DisabledException).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DisableKeyRotation.html
 */
export const safeDisableKeyRotation: SafeOperation<"DisableKeyRotation"> = safeOperation("DisableKeyRotation");

/**
 * DisableKeyRotation through `send` (throws the SDK's exception): turns off automatic rotation.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DisableKeyRotation.html
 */
export const disableKeyRotation: ThrowingOperation<"DisableKeyRotation"> = throwingOperation("DisableKeyRotation");

/**
 * RotateKeyOnDemand through `safeSend`: rotates a symmetric key's material now; answers the key ARN.
 *
 * @returns the SDK's output, or a `SafeSendError` (ValidationException before sending; from KMS e.g. UnsupportedOperationException, LimitExceededException).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_RotateKeyOnDemand.html
 */
export const safeRotateKeyOnDemand: SafeOperation<"RotateKeyOnDemand"> = safeOperation("RotateKeyOnDemand");

/**
 * RotateKeyOnDemand through `send` (throws the SDK's exception): rotates a symmetric key's material now; answers the key ARN.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_RotateKeyOnDemand.html
 */
export const rotateKeyOnDemand: ThrowingOperation<"RotateKeyOnDemand"> = throwingOperation("RotateKeyOnDemand");

/**
 * ListKeyRotations through `safeSend`: lists a key's completed rotations (with `IncludeKeyMaterial: ALL_KEY_MATERIAL` its first material too), one page.
 *
 * @returns the SDK's output, or a `SafeSendError` (ValidationException before sending; from KMS e.g. UnsupportedOperationException, InvalidMarkerException).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ListKeyRotations.html
 */
export const safeListKeyRotations: SafeOperation<"ListKeyRotations"> = safeOperation("ListKeyRotations");

/**
 * ListKeyRotations through `send` (throws the SDK's exception): lists a key's completed rotations (with `IncludeKeyMaterial: ALL_KEY_MATERIAL` its first material too), one page.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ListKeyRotations.html
 */
export const listKeyRotations: ThrowingOperation<"ListKeyRotations"> = throwingOperation("ListKeyRotations");

/**
 * UpdateKeyDescription through `safeSend`: replaces a key's description (0 to 8192 characters).
 *
 * @returns the SDK's output, or a `SafeSendError` (ValidationException before sending; from KMS e.g. NotFoundException, KMSInvalidStateException).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateKeyDescription.html
 */
export const safeUpdateKeyDescription: SafeOperation<"UpdateKeyDescription"> = safeOperation("UpdateKeyDescription");

/**
 * UpdateKeyDescription through `send` (throws the SDK's exception): replaces a key's description (0 to 8192 characters).
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateKeyDescription.html
 */
export const updateKeyDescription: ThrowingOperation<"UpdateKeyDescription"> =
  throwingOperation("UpdateKeyDescription");

/**
 * ReplicateKey through `safeSend`: a replica of a multi-Region primary key in another Region of the same account, with
 * its own key policy, description and tags.
 *
 * @returns the SDK's output (`ReplicaKeyMetadata`, `ReplicaPolicy`, `ReplicaTags`), or a `SafeSendError`
 *   (ValidationException before sending; from KMS e.g. UnsupportedOperationException, AlreadyExistsException).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ReplicateKey.html
 */
export const safeReplicateKey: SafeOperation<"ReplicateKey"> = safeOperation("ReplicateKey");

/**
 * ReplicateKey through `send` (throws the SDK's exception): a replica of a multi-Region primary key in another Region.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ReplicateKey.html
 */
export const replicateKey: ThrowingOperation<"ReplicateKey"> = throwingOperation("ReplicateKey");

/**
 * UpdatePrimaryRegion through `safeSend`: the replica in `PrimaryRegion` becomes the primary key, the primary a
 * replica.
 *
 * @returns the SDK's (empty) output, or a `SafeSendError` (ValidationException before sending; from KMS e.g.
 *   UnsupportedOperationException, NotFoundException).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdatePrimaryRegion.html
 */
export const safeUpdatePrimaryRegion: SafeOperation<"UpdatePrimaryRegion"> = safeOperation("UpdatePrimaryRegion");

/**
 * UpdatePrimaryRegion through `send` (throws the SDK's exception): moves a multi-Region key's primary to another
 * Region that holds a replica.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdatePrimaryRegion.html
 */
export const updatePrimaryRegion: ThrowingOperation<"UpdatePrimaryRegion"> = throwingOperation("UpdatePrimaryRegion");

/**
 * CreateGrant through `safeSend`: a grant on a key for a grantee principal.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateGrant.html
 */
export const safeCreateGrant: SafeOperation<"CreateGrant"> = safeOperation("CreateGrant");

/**
 * CreateGrant through `send` (throws the SDK's exception): a grant on a key for a grantee principal.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateGrant.html
 */
export const createGrant: ThrowingOperation<"CreateGrant"> = throwingOperation("CreateGrant");

/**
 * ListGrants through `safeSend`: the grants of a key.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ListGrants.html
 */
export const safeListGrants: SafeOperation<"ListGrants"> = safeOperation("ListGrants");

/**
 * ListGrants through `send` (throws the SDK's exception): the grants of a key.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ListGrants.html
 */
export const listGrants: ThrowingOperation<"ListGrants"> = throwingOperation("ListGrants");

/**
 * ListRetirableGrants through `safeSend`: the grants a principal can retire.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ListRetirableGrants.html
 */
export const safeListRetirableGrants: SafeOperation<"ListRetirableGrants"> = safeOperation("ListRetirableGrants");

/**
 * ListRetirableGrants through `send` (throws the SDK's exception): the grants a principal can retire.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ListRetirableGrants.html
 */
export const listRetirableGrants: ThrowingOperation<"ListRetirableGrants"> = throwingOperation("ListRetirableGrants");

/**
 * RetireGrant through `safeSend`: deletes a grant by its token, or by key and grant ID.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_RetireGrant.html
 */
export const safeRetireGrant: SafeOperation<"RetireGrant"> = safeOperation("RetireGrant");

/**
 * RetireGrant through `send` (throws the SDK's exception): deletes a grant by its token, or by key and grant ID.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_RetireGrant.html
 */
export const retireGrant: ThrowingOperation<"RetireGrant"> = throwingOperation("RetireGrant");

/**
 * RevokeGrant through `safeSend`: deletes a grant of a key.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_RevokeGrant.html
 */
export const safeRevokeGrant: SafeOperation<"RevokeGrant"> = safeOperation("RevokeGrant");

/**
 * RevokeGrant through `send` (throws the SDK's exception): deletes a grant of a key.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_RevokeGrant.html
 */
export const revokeGrant: ThrowingOperation<"RevokeGrant"> = throwingOperation("RevokeGrant");

/**
 * Encrypt through `safeSend`: encrypts up to 4096 bytes under a symmetric key; answers the ciphertext blob, the key ARN and the algorithm. Blobs are `Uint8Array`s, as the SDK takes and answers them.
 *
 * @returns the SDK's output, or a `SafeSendError` (ValidationException before sending; from KMS e.g. DisabledException, InvalidKeyUsageException, NotFoundException, AccessDeniedException).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_Encrypt.html
 */
export const safeEncrypt: SafeOperation<"Encrypt"> = safeOperation("Encrypt");

/**
 * Encrypt through `send` (throws the SDK's exception): encrypts up to 4096 bytes under a symmetric key; answers the ciphertext blob, the key ARN and the algorithm.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_Encrypt.html
 */
export const encrypt: ThrowingOperation<"Encrypt"> = throwingOperation("Encrypt");

/**
 * Decrypt through `safeSend`: decrypts a ciphertext blob (the key is found from the blob; `KeyId`, when given, must name it); answers the plaintext, the key ARN, the algorithm and the key material ID. Blobs are `Uint8Array`s, as the SDK takes and answers them.
 *
 * @returns the SDK's output, or a `SafeSendError` (ValidationException before sending; from KMS e.g. InvalidCiphertextException, IncorrectKeyException, DisabledException).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html
 */
export const safeDecrypt: SafeOperation<"Decrypt"> = safeOperation("Decrypt");

/**
 * Decrypt through `send` (throws the SDK's exception): decrypts a ciphertext blob (the key is found from the blob; `KeyId`, when given, must name it); answers the plaintext, the key ARN, the algorithm and the key material ID.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html
 */
export const decrypt: ThrowingOperation<"Decrypt"> = throwingOperation("Decrypt");

/**
 * ReEncrypt through `safeSend`: decrypts a ciphertext blob and encrypts the plaintext under `DestinationKeyId` without exposing it. Blobs are `Uint8Array`s, as the SDK takes and answers them.
 *
 * @returns the SDK's output, or a `SafeSendError` (ValidationException before sending; from KMS e.g. InvalidCiphertextException, IncorrectKeyException, DisabledException).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ReEncrypt.html
 */
export const safeReEncrypt: SafeOperation<"ReEncrypt"> = safeOperation("ReEncrypt");

/**
 * ReEncrypt through `send` (throws the SDK's exception): decrypts a ciphertext blob and encrypts the plaintext under `DestinationKeyId` without exposing it.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ReEncrypt.html
 */
export const reEncrypt: ThrowingOperation<"ReEncrypt"> = throwingOperation("ReEncrypt");

/**
 * GenerateDataKey through `safeSend`: a data key (`KeySpec` AES_128/AES_256 or `NumberOfBytes` 1–1024) in plaintext and encrypted under the key. Blobs are `Uint8Array`s, as the SDK takes and answers them.
 *
 * @returns the SDK's output, or a `SafeSendError` (ValidationException before sending; from KMS e.g. ValidationException, DisabledException, InvalidKeyUsageException).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateDataKey.html
 */
export const safeGenerateDataKey: SafeOperation<"GenerateDataKey"> = safeOperation("GenerateDataKey");

/**
 * GenerateDataKey through `send` (throws the SDK's exception): a data key (`KeySpec` AES_128/AES_256 or `NumberOfBytes` 1–1024) in plaintext and encrypted under the key.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateDataKey.html
 */
export const generateDataKey: ThrowingOperation<"GenerateDataKey"> = throwingOperation("GenerateDataKey");

/**
 * GenerateDataKeyWithoutPlaintext through `safeSend`: a data key encrypted under the key, without its plaintext. Blobs are `Uint8Array`s, as the SDK takes and answers them.
 *
 * @returns the SDK's output, or a `SafeSendError` (ValidationException before sending; from KMS e.g. ValidationException, DisabledException, InvalidKeyUsageException).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateDataKeyWithoutPlaintext.html
 */
export const safeGenerateDataKeyWithoutPlaintext: SafeOperation<"GenerateDataKeyWithoutPlaintext"> = safeOperation(
  "GenerateDataKeyWithoutPlaintext",
);

/**
 * GenerateDataKeyWithoutPlaintext through `send` (throws the SDK's exception): a data key encrypted under the key, without its plaintext.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateDataKeyWithoutPlaintext.html
 */
export const generateDataKeyWithoutPlaintext: ThrowingOperation<"GenerateDataKeyWithoutPlaintext"> = throwingOperation(
  "GenerateDataKeyWithoutPlaintext",
);

/**
 * GenerateRandom through `safeSend`: `NumberOfBytes` (1–1024) random bytes. Blobs are `Uint8Array`s, as the SDK takes and answers them.
 *
 * @returns the SDK's output, or a `SafeSendError` (ValidationException before sending; from KMS e.g. ValidationException).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateRandom.html
 */
export const safeGenerateRandom: SafeOperation<"GenerateRandom"> = safeOperation("GenerateRandom");

/**
 * GenerateRandom through `send` (throws the SDK's exception): `NumberOfBytes` (1–1024) random bytes.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateRandom.html
 */
export const generateRandom: ThrowingOperation<"GenerateRandom"> = throwingOperation("GenerateRandom");
