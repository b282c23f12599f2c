import {
  OPERATIONS,
  DEFAULT_POLICY_NAME,
  type ListKeyPoliciesRequest,
  type ListKeyPoliciesResponse,
  type Result,
  ok,
} from "@keypolicy/core";
import type { OperationContext } from "../deps.js";
import { checkKeyState, findKey } from "../keys.js";
import { policyKeyIdentifiers } from "../policy-key-identifiers.js";

const { action, keyIdentifiers, keyStates } = OPERATIONS.ListKeyPolicies;

/**
 * ListKeyPolicies: always `{"PolicyNames":["default"],"Truncated":false}`, no NextMarker, in every key state
 * ([REC] KMS-FIDELITY.md §6).
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ListKeyPolicies.html
 */
export async function listKeyPolicies(
  ctx: OperationContext,
  input: ListKeyPoliciesRequest,
): Promise<Result<ListKeyPoliciesResponse>> {
  const found = await findKey(ctx, input.KeyId, policyKeyIdentifiers(ctx, keyIdentifiers), action);
  if (!found.success) return found;
  const allowed = checkKeyState(found.data, keyStates);
  if (!allowed.success) return allowed;
  return ok({ PolicyNames: [DEFAULT_POLICY_NAME], Truncated: false });
}
