import { OPERATIONS, type PutKeyPolicyRequest, type Result, ok, resolvePolicyName } from "@keypolicy/core";
import type { OperationContext } from "../deps.js";
import { checkKeyState, findKey } from "../keys.js";
import { policyKeyIdentifiers } from "../policy-key-identifiers.js";
import { preparePolicy } from "../policy-text.js";

const { action, keyIdentifiers, keyStates } = OPERATIONS.PutKeyPolicy;

/**
 * PutKeyPolicy: replaces the key's policy, stored in AWS's pretty format. Works in every key state. Checks in the
 * order of KMS-FIDELITY.md §7: model constraints (before any handler), key resolution, the policy name, then size,
 * JSON, statements and the lockout safety check for the caller ({@link preparePolicy}). Answers no output members.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_PutKeyPolicy.html
 */
export async function putKeyPolicy(ctx: OperationContext, input: PutKeyPolicyRequest): Promise<Result<undefined>> {
  const found = await findKey(ctx, input.KeyId, policyKeyIdentifiers(ctx, keyIdentifiers), action, {
    parameters: input,
  });
  if (!found.success) return found;
  const allowed = checkKeyState(found.data, keyStates);
  if (!allowed.success) return allowed;
  const name = resolvePolicyName(input.PolicyName);
  if (!name.success) return name;
  const { key, arn } = found.data;
  const policy = preparePolicy(ctx, input.Policy, arn, input.BypassPolicyLockoutSafetyCheck);
  if (!policy.success) return policy;
  await ctx.store.updateKey(key, key.keyId, { policy: policy.data });
  return ok(undefined);
}
