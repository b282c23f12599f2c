import { type KmsError, type OperationName, ok, parseKeyIdentifier, type Result } from "@keypolicy/core";

/**
 * Whether an operation's `KeyId` format is checked before sending, besides the model constraints. KMS checks a key
 * identifier right after the model constraints and before anything else on the policy operations (KMS-FIDELITY.md
 * §7 step 2, §4: a malformed one is NotFoundException `Invalid keyId '…'` [REC]), so refusing it here answers what
 * KMS would. [DEC] Every other operation leaves identifiers to the service: some check other members first
 * (ScheduleKeyDeletion its window, CreateAlias and UpdateAlias the alias name), and for the rest the order is not
 * recorded. The map is total: an operation added to core needs a decision here to compile.
 */
const KEY_ID_CHECKED_BEFORE_SENDING = {
  GetKeyPolicy: true,
  PutKeyPolicy: true,
  ListKeyPolicies: true,
  CreateKey: false,
  DescribeKey: false,
  ListKeys: false,
  EnableKey: false,
  DisableKey: false,
  ScheduleKeyDeletion: false,
  CancelKeyDeletion: false,
  CreateAlias: false,
  UpdateAlias: false,
  DeleteAlias: false,
  ListAliases: false,
  TagResource: false,
  UntagResource: false,
  ListResourceTags: false,
  GetKeyRotationStatus: false,
  EnableKeyRotation: false,
  DisableKeyRotation: false,
  RotateKeyOnDemand: false,
  ListKeyRotations: false,
  UpdateKeyDescription: false,
  ReplicateKey: false,
  UpdatePrimaryRegion: false,
  CreateGrant: false,
  ListGrants: false,
  ListRetirableGrants: false,
  RetireGrant: false,
  RevokeGrant: false,
  Encrypt: false,
  Decrypt: false,
  ReEncrypt: false,
  GenerateDataKey: false,
  GenerateDataKeyWithoutPlaintext: false,
  GenerateRandom: false,
} as const satisfies { readonly [O in OperationName]: boolean };

/**
 * The checks KMS makes on a request that already meets the model constraints, which need no stored state: for the
 * policy operations, the key identifier's format.
 *
 * @returns the request unchanged, or NotFoundException `Invalid keyId '<KeyId>'`.
 */
export function checkBeforeSending<T>(operation: OperationName, request: T): Result<T, KmsError> {
  if (!KEY_ID_CHECKED_BEFORE_SENDING[operation]) return ok(request);
  const keyId = (request as { KeyId?: unknown }).KeyId;
  if (typeof keyId !== "string") return ok(request);
  const id = parseKeyIdentifier(keyId);
  return id.success ? ok(request) : id;
}
