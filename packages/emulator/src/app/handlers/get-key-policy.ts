import {
  OPERATIONS,
  type GetKeyPolicyRequest,
  type GetKeyPolicyResponse,
  type Result,
  ok,
  resolvePolicyName,
} from "@keypolicy/core";
import type { OperationContext } from "../deps.js";
import { checkKeyState, findKey } from "../keys.js";
import { policyKeyIdentifiers } from "../policy-key-identifiers.js";

const { action, keyIdentifiers, keyStates } = OPERATIONS.GetKeyPolicy;

/**
 * GetKeyPolicy: the key's policy in AWS's pretty format, and `PolicyName` `default` (always present, also when the
 * request left it out). Works in every key state (KMS-FIDELITY.md §5).
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyPolicy.html
 */
export async function getKeyPolicy(
  ctx: OperationContext,
  input: GetKeyPolicyRequest,
): Promise<Result<GetKeyPolicyResponse>> {
  const found = await findKey(ctx, input.KeyId, policyKeyIdentifiers(ctx, keyIdentifiers), action);
  if (!found.success) return found;
  const allowed = checkKeyState(found.data, keyStates);
  if (!allowed.success) return allowed;
  const name = resolvePolicyName(input.PolicyName);
  if (!name.success) return name;
  return ok({ Policy: found.data.key.policy, PolicyName: name.data });
}
