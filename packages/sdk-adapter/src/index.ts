export { createInProcessHandler, type FetchFunction } from "./in-process-handler.js";
export { getKeyPolicy, safeGetKeyPolicy, type KeyPolicyError, type KeyPolicyOutput, type WithKmsError } from "./get-key-policy.js";
