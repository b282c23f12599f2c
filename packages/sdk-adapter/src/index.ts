export { createInProcessHandler, type FetchFunction } from "./in-process-handler.js";
export { getKeyPolicy, safeGetKeyPolicy, type KeyPolicyError, type KeyPolicyOutput, type WithKmsError } from "./get-key-policy.js";
export { fromSdkError, SDK_NO_MESSAGE, type AwsErrorName, type SdkError, type SdkServiceError, type SdkTransportError } from "./from-sdk-error.js";
