import { type EnableKeyRotationRequest, OPERATIONS, type Result, ok } from "@keypolicy/core";
import type { OperationContext } from "../deps.js";
import { checkKeyState, findKey } from "../keys.js";
import { checkRotatable, DEFAULT_ROTATION_PERIOD_DAYS, scheduleRotation } from "../rotation.js";

const { action, keyIdentifiers, keyStates } = OPERATIONS.EnableKeyRotation;

/**
 * EnableKeyRotation: turns on automatic rotation every `RotationPeriodInDays` (90..2560, default 365 [DOC]) days; the
 * first rotation is a period from now. Called again with another period, the schedule restarts from now with the new
 * period; with the same period it changes nothing [DEC]. Answers no output members.
 *
 * Errors, in order: the key (NotFoundException …); its state: Disabled → DisabledException, pending deletion →
 * KMSInvalidStateException ([DOC] key-state table); then an asymmetric or HMAC key → UnsupportedOperationException
 * with an empty message, an EXTERNAL key → UnsupportedOperationException `<key ARN> origin is EXTERNAL which is not
 * valid for this operation.` (`checkRotatable`).
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKeyRotation.html
 */
export async function enableKeyRotation(
  ctx: OperationContext,
  input: EnableKeyRotationRequest,
): Promise<Result<undefined>> {
  const found = await findKey(ctx, input.KeyId, keyIdentifiers, action, { parameters: input });
  if (!found.success) return found;
  const allowed = checkKeyState(found.data, keyStates);
  if (!allowed.success) return allowed;
  const rotatable = checkRotatable(found.data, "configure");
  if (!rotatable.success) return rotatable;
  const { key } = found.data;
  const days = input.RotationPeriodInDays ?? DEFAULT_ROTATION_PERIOD_DAYS;
  if (key.rotationPeriodInDays !== days || key.nextRotationDate === undefined) {
    await ctx.store.updateKey(key, key.keyId, scheduleRotation(ctx.clock.now(), days));
  }
  return ok(undefined);
}
