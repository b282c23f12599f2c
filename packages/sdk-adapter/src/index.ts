// The public API of @keypolicy/sdk-adapter, as an explicit list: a new export is a deliberate change
// (test/public-api.test.ts pins the runtime names). The checks made before sending stay inside the package.

// Sending any supported operation on your KMSClient: as a result (`safeSend`) or throwing the SDK's exception.
export { COMMANDS, type OperationInput, type OperationOutput } from "./commands.js";
export { localError, safeSend, type LocalKmsError, type SafeSendError } from "./safe-send.js";
export { send, type WithKmsError } from "./send.js";

// SDK errors as data, identified by their AWS name.
export {
  type AwsErrorName,
  fromSdkError,
  SDK_NO_MESSAGE,
  type SdkError,
  type SdkServiceError,
  type SdkTransportError,
} from "./from-sdk-error.js";

// GetKeyPolicy with the policy parsed as AWS wrote it.
export { getKeyPolicy, type KeyPolicyError, type KeyPolicyOutput, safeGetKeyPolicy } from "./get-key-policy.js";

// One typed wrapper per operation: `safeX` answers a result, `x` throws the SDK's exception.
export {
  cancelKeyDeletion,
  createAlias,
  createKey,
  deleteAlias,
  describeKey,
  disableKey,
  disableKeyRotation,
  enableKey,
  enableKeyRotation,
  getKeyRotationStatus,
  listAliases,
  listKeyPolicies,
  listKeyRotations,
  listKeys,
  listResourceTags,
  putKeyPolicy,
  replicateKey,
  rotateKeyOnDemand,
  safeCancelKeyDeletion,
  safeCreateAlias,
  safeCreateKey,
  safeDeleteAlias,
  safeDescribeKey,
  safeDisableKey,
  safeDisableKeyRotation,
  safeEnableKey,
  safeEnableKeyRotation,
  safeGetKeyRotationStatus,
  safeListAliases,
  safeListKeyPolicies,
  safeListKeyRotations,
  safeListKeys,
  safeListResourceTags,
  type SafeOperation,
  safePutKeyPolicy,
  safeReplicateKey,
  safeRotateKeyOnDemand,
  safeScheduleKeyDeletion,
  safeTagResource,
  safeUntagResource,
  safeUpdateAlias,
  safeUpdateKeyDescription,
  safeUpdatePrimaryRegion,
  scheduleKeyDeletion,
  tagResource,
  type ThrowingOperation,
  untagResource,
  updateAlias,
  updateKeyDescription,
  updatePrimaryRegion,
  safeCreateGrant,
  createGrant,
  safeListGrants,
  listGrants,
  safeListRetirableGrants,
  listRetirableGrants,
  safeRetireGrant,
  retireGrant,
  safeRevokeGrant,
  revokeGrant,
  decrypt,
  encrypt,
  generateDataKey,
  generateDataKeyWithoutPlaintext,
  generateRandom,
  reEncrypt,
  safeDecrypt,
  safeEncrypt,
  safeGenerateDataKey,
  safeGenerateDataKeyWithoutPlaintext,
  safeGenerateRandom,
  safeReEncrypt,
} from "./operations.js";

// The test seam: the SDK's requestHandler answered in-process by a fetch function (e.g. the emulator's app.fetch).
export { createInProcessHandler, type FetchFunction } from "./in-process-handler.js";
