import { expect, it } from "vitest";

it("exports exactly the public runtime names, so that a new export is a deliberate change", async () => {
  expect(Object.keys(await import("../src/index.js")).sort()).toEqual([
    "AliasListEntry", "CONTENT_TYPE", "CancelKeyDeletionRequest", "CancelKeyDeletionResponse", "CreateAliasRequest", "CreateKeyRequest", "CreateKeyResponse", "DEFAULT_POLICY_NAME",
    "DeleteAliasRequest", "DescribeKeyRequest", "DescribeKeyResponse", "DisableKeyRequest", "EnableKeyRequest", "GetKeyPolicyRequest", "GetKeyPolicyResponse", "KEY_STATES",
    "KMS_ERRORS", "KeyListEntry", "KeyMetadata", "KeySpec", "KeyState", "KeyUsageType", "ListAliasesRequest", "ListAliasesResponse",
    "ListKeyPoliciesRequest", "ListKeyPoliciesResponse", "ListKeysRequest", "ListKeysResponse", "ListResourceTagsRequest", "ListResourceTagsResponse", "OPERATIONS", "OriginType",
    "PARTITIONS", "PutKeyPolicyRequest", "REQUEST_ID_HEADER", "SIGNING_NAME", "ScheduleKeyDeletionRequest", "ScheduleKeyDeletionResponse", "TARGET_HEADER", "Tag",
    "TagResourceRequest", "UntagResourceRequest", "UpdateAliasRequest", "createKmsError", "decodeErrorBody", "decodeRequestBody", "encodeErrorBody", "encodeErrorResponse",
    "encodeResponse", "err", "errorStatus", "formatAliasArn", "formatKeyArn", "formatKeyIdentifier", "formatTarget", "isAccountId",
    "isAliasName", "isJsonContentType", "isKeyId", "isKmsError", "isKmsErrorName", "isMultiRegionKeyId", "isOperationName", "isRegion",
    "keyAlgorithms", "messages", "ok", "parseKeyIdentifier", "parseTarget", "partitionOfRegion", "resolveKeyIdentifier", "resolvePolicyName",
    "validateRequest",
  ]);
});
