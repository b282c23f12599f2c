import {
  type KmsError,
  ListKeyPoliciesRequest,
  parseKeyIdentifier,
  PutKeyPolicyRequest,
  type Result,
  validateRequest,
} from "@keypolicy/core";

/**
 * Checks a PutKeyPolicy request as KMS does before looking anything up: the model constraints (Coral
 * `ValidationException` texts), then the key identifier's format (`NotFoundException` `Invalid keyId '…'`)
 * (KMS-FIDELITY.md §3, §4, §7 step 1). Policy content rules need the key and the caller: the service checks them.
 *
 * @returns the validated request, or the error KMS would send.
 */
export function validatePutKeyPolicy(input: unknown): Result<PutKeyPolicyRequest, KmsError> {
  const valid = validateRequest(PutKeyPolicyRequest, input);
  return valid.success ? withKeyIdChecked(valid.data) : valid;
}

/** Like {@link validatePutKeyPolicy}, for ListKeyPolicies. */
export function validateListKeyPolicies(input: unknown): Result<ListKeyPoliciesRequest, KmsError> {
  const valid = validateRequest(ListKeyPoliciesRequest, input);
  return valid.success ? withKeyIdChecked(valid.data) : valid;
}

function withKeyIdChecked<T extends { KeyId: string }>(request: T): Result<T, KmsError> {
  const id = parseKeyIdentifier(request.KeyId);
  return id.success ? { success: true, data: request } : id;
}
