import { type DisableKeyRotationRequest, OPERATIONS, type Result, ok } from "@keypolicy/core";
import type { OperationContext } from "../deps.js";
import { checkKeyState, findKey } from "../keys.js";
import { checkRotatable } from "../rotation.js";

const { action, keyIdentifiers, keyStates } = OPERATIONS.DisableKeyRotation;

/**
 * DisableKeyRotation: turns off automatic rotation (idempotent); the period is forgotten, so enabling again without
 * `RotationPeriodInDays` means 365 days [DOC]. Past rotations stay listed. Answers no output members. Errors as
 * EnableKeyRotation's: the key, its state (Disabled → DisabledException), then `checkRotatable`.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DisableKeyRotation.html
 */
export async function disableKeyRotation(
  ctx: OperationContext,
  input: DisableKeyRotationRequest,
): Promise<Result<undefined>> {
  const found = await findKey(ctx, input.KeyId, keyIdentifiers, action);
  if (!found.success) return found;
  const allowed = checkKeyState(found.data, keyStates);
  if (!allowed.success) return allowed;
  const rotatable = checkRotatable(found.data, "configure");
  if (!rotatable.success) return rotatable;
  const { key } = found.data;
  if (key.rotationPeriodInDays !== undefined || key.nextRotationDate !== undefined) {
    await ctx.store.updateKey(key, key.keyId, { rotationPeriodInDays: null, nextRotationDate: null });
  }
  return ok(undefined);
}
