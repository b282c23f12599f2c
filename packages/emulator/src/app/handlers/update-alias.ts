import { OPERATIONS, type Result, type UpdateAliasRequest, createKmsError, err, messages, ok } from "@keypolicy/core";
import { findExistingAlias } from "../existing-alias.js";
import type { OperationContext } from "../deps.js";
import { authorizeResource } from "../auth/authorize.js";
import { checkKeyState, findKey, keyArnOf } from "../keys.js";
import type { StoredKey } from "../../store/types.js";

const { action, keyIdentifiers, keyStates } = OPERATIONS.UpdateAlias;

/**
 * UpdateAlias: points an existing alias at another key of the caller's account and region (`TargetKeyId` a key ID or
 * key ARN). The new key must not be pending deletion, and must have the same key usage and kind of key spec as the
 * current one ([DOC]); the current key may be in any state. An unknown alias: NotFoundException
 * `Alias <alias ARN> is not found.` [RPT]. With key policies enforced, `kms:UpdateAlias` must be allowed on the alias
 * (identity policies), on the current key and on the new key (key policies) [DOC "Required permissions"]. Answers no
 * output members.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateAlias.html
 */
export async function updateAlias(ctx: OperationContext, input: UpdateAliasRequest): Promise<Result<undefined>> {
  const existing = await findExistingAlias(ctx, "UpdateAlias", input.AliasName);
  if (!existing.success) return existing;
  const { alias } = existing.data;
  const current = await ctx.store.getKey(ctx.caller, alias.targetKeyId);
  if (current) {
    const onCurrent = await authorizeResource(ctx, "UpdateAlias", {
      resource: "current-key",
      key: { key: current, arn: keyArnOf(current) },
    });
    if (!onCurrent.success) return onCurrent;
  }
  const found = await findKey(ctx, input.TargetKeyId, keyIdentifiers, action);
  if (!found.success) return found;
  const target = checkKeyState(found.data, keyStates);
  if (!target.success) return target;
  if (current && !sameKind(current, found.data.key)) {
    return err(createKmsError("ValidationException", messages.aliasTargetMismatch(input.AliasName)));
  }
  await ctx.store.updateAlias(ctx.caller, input.AliasName, found.data.key.keyId, ctx.clock.now());
  return ok(undefined);
}

/** [DOC] Symmetric, asymmetric and HMAC keys are different kinds; the key usage must match too. */
function sameKind(a: StoredKey, b: StoredKey): boolean {
  return a.keyUsage === b.keyUsage && kindOf(a) === kindOf(b);
}

function kindOf(key: StoredKey): "symmetric" | "hmac" | "asymmetric" {
  if (key.keySpec === "SYMMETRIC_DEFAULT") return "symmetric";
  return key.keySpec.startsWith("HMAC_") ? "hmac" : "asymmetric";
}
