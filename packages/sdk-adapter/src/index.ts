export { COMMANDS, type OperationInput, type OperationOutput } from "./commands.js";
export { fromSdkError, SDK_NO_MESSAGE, type AwsErrorName, type SdkError, type SdkServiceError, type SdkTransportError } from "./from-sdk-error.js";
export { getKeyPolicy, safeGetKeyPolicy, type KeyPolicyError, type KeyPolicyOutput } from "./get-key-policy.js";
export { createInProcessHandler, type FetchFunction } from "./in-process-handler.js";
export * from "./operations.js";
export { localError, safeSend, type LocalKmsError, type SafeSendError } from "./safe-send.js";
export { send, type WithKmsError } from "./send.js";
