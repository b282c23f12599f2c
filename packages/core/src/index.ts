// The public API of @keypolicy/core, as an explicit list: a new export is a deliberate change (test/public-api.test.ts
// pins the runtime names). Helpers used only inside the package (zod constraint builders, member shapes) stay out.

// Results: fallible functions answer `{ success, data | error }` instead of throwing.
export { err, ok, type Result } from "./result.js";

// Errors as data, keyed by their AWS names, and every error text the KMS surface sends.
export {
  createKmsError,
  errorStatus,
  isKmsError,
  isKmsErrorName,
  KMS_ERRORS,
  type KmsError,
  type KmsErrorName,
} from "./errors.js";
export { messages } from "./messages.js";

// The awsJson1_1 protocol rules: headers, the X-Amz-Target header, request and error bodies.
export {
  CONTENT_TYPE,
  decodeErrorBody,
  decodeRequestBody,
  encodeErrorBody,
  formatTarget,
  isJsonContentType,
  parseTarget,
  REQUEST_ID_HEADER,
  SIGNING_NAME,
  TARGET_HEADER,
} from "./protocol.js";
export { type EncodedResponse, encodeErrorResponse, encodeResponse } from "./response.js";

// Operations: the table of every supported KMS operation and request validation against its shapes.
export { isOperationName, OPERATIONS, type OperationName, type OperationSpec } from "./operations.js";
export { validateRequest } from "./validation.js";

// Key identifiers: key IDs, key and alias ARNs, alias names, partitions, and resolution against the caller.
export {
  type AliasArn,
  type CallerScope,
  formatAliasArn,
  formatKeyArn,
  formatKeyIdentifier,
  isAccountId,
  isAliasName,
  isKeyId,
  isMultiRegionKeyId,
  isRegion,
  type KeyArn,
  type KeyIdentifier,
  type KeyIdentifierRules,
  type KeyReference,
  parseKeyIdentifier,
  partitionOfRegion,
  type Partition,
  PARTITIONS,
  resolveKeyIdentifier,
} from "./key-identifier.js";

// Policy names: the only name KMS accepts.
export { DEFAULT_POLICY_NAME, resolvePolicyName } from "./policy-name.js";

// Shapes shared by several operations: key metadata, list entries, tags and the enums, as zod schemas.
export {
  KEY_STATES,
  KeyListEntry,
  KeyMetadata,
  KeySpec,
  KeyState,
  KeyUsageType,
  OriginType,
  Tag,
} from "./shapes/common.js";

// The request and response shape of each operation, as zod schemas named as in the KMS API reference.
export {
  AliasListEntry,
  CancelKeyDeletionRequest,
  CancelKeyDeletionResponse,
  CreateAliasRequest,
  CreateKeyRequest,
  CreateKeyResponse,
  DeleteAliasRequest,
  DescribeKeyRequest,
  DescribeKeyResponse,
  DisableKeyRequest,
  DisableKeyRotationRequest,
  EnableKeyRequest,
  EnableKeyRotationRequest,
  GetKeyPolicyRequest,
  GetKeyPolicyResponse,
  GetKeyRotationStatusRequest,
  GetKeyRotationStatusResponse,
  IncludeKeyMaterial,
  ListAliasesRequest,
  ListAliasesResponse,
  ListKeyPoliciesRequest,
  ListKeyPoliciesResponse,
  ListKeyRotationsRequest,
  ListKeyRotationsResponse,
  ListKeysRequest,
  ListKeysResponse,
  ListResourceTagsRequest,
  ListResourceTagsResponse,
  PutKeyPolicyRequest,
  ReplicateKeyRequest,
  ReplicateKeyResponse,
  RotateKeyOnDemandRequest,
  RotateKeyOnDemandResponse,
  RotationPeriodInDaysType,
  RotationsListEntry,
  type RotationType,
  ScheduleKeyDeletionRequest,
  ScheduleKeyDeletionResponse,
  TagResourceRequest,
  UntagResourceRequest,
  UpdateAliasRequest,
  UpdateKeyDescriptionRequest,
  UpdatePrimaryRegionRequest,
} from "./shapes/operations.js";

// The grant operations' shapes.
export {
  CreateGrantRequest,
  CreateGrantResponse,
  GRANT_OPERATIONS,
  GrantConstraints,
  GrantListEntry,
  GrantOperation,
  ListGrantsRequest,
  ListGrantsResponse,
  ListRetirableGrantsRequest,
  RetireGrantRequest,
  RevokeGrantRequest,
} from "./shapes/grants.js";
// The symmetric data plane's shapes, and base64 as awsJson1_1 carries blobs.
export { base64ToBytes, bytesToBase64 } from "./base64.js";
export {
  awsBlob,
  CiphertextType,
  DATA_KEY_SPECS,
  DataKeySpec,
  DecryptRequest,
  DecryptResponse,
  ENCRYPTION_ALGORITHMS,
  EncryptionAlgorithmSpec,
  EncryptionContextType,
  EncryptRequest,
  EncryptResponse,
  GenerateDataKeyRequest,
  GenerateDataKeyResponse,
  GenerateDataKeyWithoutPlaintextRequest,
  GenerateDataKeyWithoutPlaintextResponse,
  GenerateRandomRequest,
  GenerateRandomResponse,
  PlaintextType,
  ReEncryptRequest,
  ReEncryptResponse,
  RecipientInfo,
} from "./shapes/crypto.js";

// Key specs: the algorithms each key spec offers for a key usage.
export { type KeyAlgorithms, keyAlgorithms } from "./key-specs.js";
