import type { Result } from "@keypolicy/core";
import { validateKeyPolicy } from "@keypolicy/policy";
import { callerConditionKeys } from "./auth/authorize.js";
import type { OperationContext } from "./deps.js";

/**
 * Checks a key policy submitted to CreateKey or PutKeyPolicy, for the calling principal, and returns it in AWS's
 * pretty format, the form GetKeyPolicy answers with (KMS-FIDELITY.md §7: stored policies are re-serialised).
 *
 * The handlers have already done steps 1 and 2 of §7 (model constraints, key resolution); this runs steps 3 to 6 in
 * order: over 32 KiB → LimitExceededException; not a JSON object → MalformedPolicyDocumentException with an empty
 * message; statement rules; unless `bypassPolicyLockoutSafetyCheck`, the lockout safety check against
 * `ctx.caller.principalArn`, its conditions evaluated with the caller's request context (`aws:PrincipalArn` the role
 * ARN for a role session) — all as `validateKeyPolicy` of `@keypolicy/policy` answers them.
 *
 * @param keyArn - the key the policy is for (the resource of the lockout check).
 */
export function preparePolicy(
  ctx: OperationContext,
  text: string,
  keyArn: string,
  bypassPolicyLockoutSafetyCheck: boolean | undefined,
): Result<string> {
  const validated = validateKeyPolicy(text, {
    principalArn: ctx.caller.principalArn,
    accountId: ctx.caller.accountId,
    keyArn,
    conditionKeys: callerConditionKeys(ctx, "PutKeyPolicy", {
      BypassPolicyLockoutSafetyCheck: bypassPolicyLockoutSafetyCheck,
    }),
    ...(bypassPolicyLockoutSafetyCheck === undefined ? {} : { bypassPolicyLockoutSafetyCheck }),
  });
  if (!validated.success) return validated;
  return { success: true, data: validated.data.formatted };
}
