import type { z } from "zod";
import type { KeyIdentifierRules } from "./key-identifier.js";
import { KEY_STATES, type KeyState } from "./shapes/common.js";
import * as grantShapes from "./shapes/grants.js";
import * as crypto from "./shapes/crypto.js";
import * as shapes from "./shapes/operations.js";

/**
 * The KMS operations keypolicy implements: input shape, the IAM action that authorizes them, how they treat key
 * identifiers (KMS-FIDELITY.md §2, §4) and the key states they accept (§5).
 */
export interface OperationSpec {
  /** The input shape, validated with Coral's texts by `validateRequest`. */
  readonly input: z.ZodType;
  /** The IAM action, e.g. `kms:GetKeyPolicy`. */
  readonly action: `kms:${string}`;
  /** How `KeyId` (or `TargetKeyId`) is resolved; absent for operations on no key. */
  readonly keyIdentifiers?: KeyIdentifierRules;
  /**
   * The states of the key the operation acts on in which it proceeds, from AWS's key-state table [DOC
   * https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html]; in any other state it is refused
   * (KMSInvalidStateException, DisabledException for a disabled key; texts in `messages`, KMS-FIDELITY.md §5).
   * Absent for operations on no key (CreateKey, ListKeys).
   */
  readonly keyStates?: readonly KeyState[];
}

// [DEC] KMS-FIDELITY.md §4b: aliases resolved by default; the emulator's config.policyOperationAliases can refuse them.
const POLICY_OPERATION: KeyIdentifierRules = { aliases: true, crossAccount: false };
const KEY_OPERATION_ANY_ACCOUNT: KeyIdentifierRules = { aliases: true, crossAccount: true };
const KEY_MANAGEMENT: KeyIdentifierRules = { aliases: true, crossAccount: false };

// Key states, [DOC] key-state table (link above). Every state: reading or replacing the key policy, DescribeKey,
// ListResourceTags, ListAliases and DeleteAlias (the alias's key).
const ANY_STATE: readonly KeyState[] = KEY_STATES;
// Aliases and tags: any state but PendingDeletion and PendingReplicaDeletion.
const NOT_PENDING_DELETION: readonly KeyState[] = [
  "Creating",
  "Enabled",
  "Disabled",
  "PendingImport",
  "Unavailable",
  "Updating",
];
// EnableKey, DisableKey: the key must be Enabled or Disabled (idempotent in its own state).
const ENABLED_OR_DISABLED: readonly KeyState[] = ["Enabled", "Disabled"];
// ScheduleKeyDeletion: not while Creating, Updating, or already pending deletion.
const DELETABLE: readonly KeyState[] = ["Enabled", "Disabled", "PendingImport", "Unavailable"];
// CancelKeyDeletion: only a key pending deletion.
// CancelKeyDeletion: only a key pending deletion, or a multi-Region primary waiting for its replicas' deletion
// (PendingReplicaDeletion) [DOC key-state table].
const PENDING_DELETION: readonly KeyState[] = ["PendingDeletion", "PendingReplicaDeletion"];
// EnableKeyRotation, DisableKeyRotation: an Enabled key; a key with imported material (PendingImport) gets on to the
// UnsupportedOperationException of its EXTERNAL origin (the table's "?" for imported material). Disabled →
// DisabledException.
const ROTATION_CONFIGURABLE: readonly KeyState[] = ["Enabled", "PendingImport"];
// RotateKeyOnDemand: an Enabled key only ([REC] LocalStack snapshots: Disabled → DisabledException, PendingImport →
// KMSInvalidStateException `… is pending import.`).
const ENABLED: readonly KeyState[] = ["Enabled"];
// ReplicateKey, UpdatePrimaryRegion: the multi-Region rows of the key-state table [DOC]: an Enabled or Disabled key,
// one with imported material waiting for it (PendingImport: the replica is made without material [DOC
// API_ReplicateKey]); not while Creating or Updating, nor pending deletion (of itself or of its replicas).
const MULTI_REGION_MANAGEABLE: readonly KeyState[] = ["Enabled", "Disabled", "PendingImport"];

// Grants: key ID or key ARN [DOC API_CreateGrant etc. "Specify the key ID or key ARN"], another account's key by its
// key ARN ("Cross-account use: Yes").
const GRANT_KEY: KeyIdentifierRules = { aliases: false, crossAccount: true };
// CreateGrant: [DOC key-state table] Enabled and Disabled keys take grants, a key pending deletion does not; [DEC] a key
// pending import too (as Disabled), not while Creating, Updating or Unavailable.
const GRANTABLE: readonly KeyState[] = ["Enabled", "Disabled", "PendingImport"];

/** Every implemented operation, by its AWS name. */
export const OPERATIONS = {
  GetKeyPolicy: {
    input: shapes.GetKeyPolicyRequest,
    action: "kms:GetKeyPolicy",
    keyIdentifiers: POLICY_OPERATION,
    keyStates: ANY_STATE,
  },
  PutKeyPolicy: {
    input: shapes.PutKeyPolicyRequest,
    action: "kms:PutKeyPolicy",
    keyIdentifiers: POLICY_OPERATION,
    keyStates: ANY_STATE,
  },
  ListKeyPolicies: {
    input: shapes.ListKeyPoliciesRequest,
    action: "kms:ListKeyPolicies",
    keyIdentifiers: POLICY_OPERATION,
    keyStates: ANY_STATE,
  },
  CreateKey: { input: shapes.CreateKeyRequest, action: "kms:CreateKey" },
  DescribeKey: {
    input: shapes.DescribeKeyRequest,
    action: "kms:DescribeKey",
    keyIdentifiers: KEY_OPERATION_ANY_ACCOUNT,
    keyStates: ANY_STATE,
  },
  ListKeys: { input: shapes.ListKeysRequest, action: "kms:ListKeys" },
  EnableKey: {
    input: shapes.EnableKeyRequest,
    action: "kms:EnableKey",
    keyIdentifiers: KEY_MANAGEMENT,
    keyStates: ENABLED_OR_DISABLED,
  },
  DisableKey: {
    input: shapes.DisableKeyRequest,
    action: "kms:DisableKey",
    keyIdentifiers: KEY_MANAGEMENT,
    keyStates: ENABLED_OR_DISABLED,
  },
  ScheduleKeyDeletion: {
    input: shapes.ScheduleKeyDeletionRequest,
    action: "kms:ScheduleKeyDeletion",
    keyIdentifiers: KEY_MANAGEMENT,
    keyStates: DELETABLE,
  },
  CancelKeyDeletion: {
    input: shapes.CancelKeyDeletionRequest,
    action: "kms:CancelKeyDeletion",
    keyIdentifiers: KEY_MANAGEMENT,
    keyStates: PENDING_DELETION,
  },
  CreateAlias: {
    input: shapes.CreateAliasRequest,
    action: "kms:CreateAlias",
    keyIdentifiers: { aliases: false, crossAccount: false },
    keyStates: NOT_PENDING_DELETION,
  },
  UpdateAlias: {
    input: shapes.UpdateAliasRequest,
    action: "kms:UpdateAlias",
    keyIdentifiers: { aliases: false, crossAccount: false },
    keyStates: NOT_PENDING_DELETION,
  },
  DeleteAlias: {
    input: shapes.DeleteAliasRequest,
    action: "kms:DeleteAlias",
    keyStates: ANY_STATE,
  },
  ListAliases: {
    input: shapes.ListAliasesRequest,
    action: "kms:ListAliases",
    keyIdentifiers: { aliases: false, crossAccount: false },
    keyStates: ANY_STATE,
  },
  TagResource: {
    input: shapes.TagResourceRequest,
    action: "kms:TagResource",
    keyIdentifiers: KEY_MANAGEMENT,
    keyStates: NOT_PENDING_DELETION,
  },
  UntagResource: {
    input: shapes.UntagResourceRequest,
    action: "kms:UntagResource",
    keyIdentifiers: KEY_MANAGEMENT,
    keyStates: NOT_PENDING_DELETION,
  },
  ListResourceTags: {
    input: shapes.ListResourceTagsRequest,
    action: "kms:ListResourceTags",
    keyIdentifiers: KEY_MANAGEMENT,
    keyStates: ANY_STATE,
  },
  GetKeyRotationStatus: {
    input: shapes.GetKeyRotationStatusRequest,
    action: "kms:GetKeyRotationStatus",
    // [DOC] API_GetKeyRotationStatus "Cross-account use: Yes"; every state (a key pending deletion answers `false`).
    keyIdentifiers: KEY_OPERATION_ANY_ACCOUNT,
    keyStates: ANY_STATE,
  },
  EnableKeyRotation: {
    input: shapes.EnableKeyRotationRequest,
    action: "kms:EnableKeyRotation",
    keyIdentifiers: KEY_MANAGEMENT,
    keyStates: ROTATION_CONFIGURABLE,
  },
  DisableKeyRotation: {
    input: shapes.DisableKeyRotationRequest,
    action: "kms:DisableKeyRotation",
    keyIdentifiers: KEY_MANAGEMENT,
    keyStates: ROTATION_CONFIGURABLE,
  },
  RotateKeyOnDemand: {
    input: shapes.RotateKeyOnDemandRequest,
    action: "kms:RotateKeyOnDemand",
    keyIdentifiers: KEY_MANAGEMENT,
    keyStates: ENABLED,
  },
  ListKeyRotations: {
    input: shapes.ListKeyRotationsRequest,
    action: "kms:ListKeyRotations",
    keyIdentifiers: KEY_MANAGEMENT,
    // [DEC] a read, as ListResourceTags: every state (the table's row is not recorded against AWS).
    keyStates: ANY_STATE,
  },
  UpdateKeyDescription: {
    input: shapes.UpdateKeyDescriptionRequest,
    action: "kms:UpdateKeyDescription",
    keyIdentifiers: KEY_MANAGEMENT,
    keyStates: NOT_PENDING_DELETION,
  },
  ReplicateKey: {
    input: shapes.ReplicateKeyRequest,
    action: "kms:ReplicateKey",
    // [DOC] API_ReplicateKey "Cross-account use: No"; the KeyId is the primary key in the caller's Region.
    keyIdentifiers: KEY_MANAGEMENT,
    keyStates: MULTI_REGION_MANAGEABLE,
  },
  UpdatePrimaryRegion: {
    input: shapes.UpdatePrimaryRegionRequest,
    action: "kms:UpdatePrimaryRegion",
    // [DOC] API_UpdatePrimaryRegion "Cross-account use: No"; both the primary and the replica must be in one of these.
    keyIdentifiers: KEY_MANAGEMENT,
    keyStates: MULTI_REGION_MANAGEABLE,
  },
  CreateGrant: {
    input: grantShapes.CreateGrantRequest,
    action: "kms:CreateGrant",
    keyIdentifiers: GRANT_KEY,
    keyStates: GRANTABLE,
  },
  // [DOC key-state table] listing, retiring and revoking grants work in every key state.
  ListGrants: {
    input: grantShapes.ListGrantsRequest,
    action: "kms:ListGrants",
    keyIdentifiers: GRANT_KEY,
    keyStates: ANY_STATE,
  },
  ListRetirableGrants: { input: grantShapes.ListRetirableGrantsRequest, action: "kms:ListRetirableGrants" },
  RetireGrant: {
    input: grantShapes.RetireGrantRequest,
    action: "kms:RetireGrant",
    keyIdentifiers: GRANT_KEY,
    keyStates: ANY_STATE,
  },
  RevokeGrant: {
    input: grantShapes.RevokeGrantRequest,
    action: "kms:RevokeGrant",
    keyIdentifiers: GRANT_KEY,
    keyStates: ANY_STATE,
  },
  // The symmetric data plane: [DOC] "Cross-account use: Yes" for each; an Enabled key only (the key-state table:
  // Disabled → DisabledException, pending deletion or import → KMSInvalidStateException).
  Encrypt: {
    input: crypto.EncryptRequest,
    action: "kms:Encrypt",
    keyIdentifiers: KEY_OPERATION_ANY_ACCOUNT,
    keyStates: ENABLED,
  },
  Decrypt: {
    input: crypto.DecryptRequest,
    action: "kms:Decrypt",
    keyIdentifiers: KEY_OPERATION_ANY_ACCOUNT,
    keyStates: ENABLED,
  },
  ReEncrypt: {
    input: crypto.ReEncryptRequest,
    // [DOC] ReEncrypt needs kms:ReEncryptFrom on the source key and kms:ReEncryptTo on the destination key.
    action: "kms:ReEncryptFrom",
    keyIdentifiers: KEY_OPERATION_ANY_ACCOUNT,
    keyStates: ENABLED,
  },
  GenerateDataKey: {
    input: crypto.GenerateDataKeyRequest,
    action: "kms:GenerateDataKey",
    keyIdentifiers: KEY_OPERATION_ANY_ACCOUNT,
    keyStates: ENABLED,
  },
  GenerateDataKeyWithoutPlaintext: {
    input: crypto.GenerateDataKeyWithoutPlaintextRequest,
    action: "kms:GenerateDataKeyWithoutPlaintext",
    keyIdentifiers: KEY_OPERATION_ANY_ACCOUNT,
    keyStates: ENABLED,
  },
  GenerateRandom: { input: crypto.GenerateRandomRequest, action: "kms:GenerateRandom" },
} as const satisfies Record<string, OperationSpec>;

/** The name of an implemented operation. */
export type OperationName = keyof typeof OPERATIONS;

/** Whether `name` is an implemented operation. */
export function isOperationName(name: string): name is OperationName {
  return Object.hasOwn(OPERATIONS, name);
}
