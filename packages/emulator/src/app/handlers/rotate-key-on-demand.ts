import {
  OPERATIONS,
  type Result,
  type RotateKeyOnDemandRequest,
  type RotateKeyOnDemandResponse,
  createKmsError,
  err,
  messages,
  ok,
} from "@keypolicy/core";
import type { OperationContext } from "../deps.js";
import { checkKeyState, findKey } from "../keys.js";
import { checkRotatable, ON_DEMAND_ROTATION_LIMIT, onDemandRotationsOf, rotationPatch } from "../rotation.js";

const { action, keyIdentifiers, keyStates } = OPERATIONS.RotateKeyOnDemand;

/**
 * RotateKeyOnDemand: gives the key new key material at once, whether or not automatic rotation is enabled, without
 * moving the automatic schedule [DOC]. DescribeKey's `CurrentKeyMaterialId` becomes the new material's ID ([REC]
 * LocalStack snapshot `test_key_rotation_updates_current_key_material_id_for_aws_symmetric_keys`) and
 * ListKeyRotations lists the rotation as `ON_DEMAND`. [DEC] AWS rotates in the background, showing
 * `OnDemandRotationStartDate` in GetKeyRotationStatus meanwhile; the emulator completes the rotation before it
 * answers, so that date never shows and no ConflictException (a rotation in progress) arises.
 *
 * Answers `{ KeyId: <key ARN> }` ([REC] `test_rotate_on_demand_returns_arn_for_key_id`). Errors, in order: the key;
 * its state (Disabled → DisabledException, pending import → KMSInvalidStateException `… is pending import.` [REC]);
 * `checkRotatable`; then after {@link ON_DEMAND_ROTATION_LIMIT} on-demand rotations LimitExceededException [REC text].
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_RotateKeyOnDemand.html
 */
export async function rotateKeyOnDemand(
  ctx: OperationContext,
  input: RotateKeyOnDemandRequest,
): Promise<Result<RotateKeyOnDemandResponse>> {
  const found = await findKey(ctx, input.KeyId, keyIdentifiers, action);
  if (!found.success) return found;
  const allowed = checkKeyState(found.data, keyStates);
  if (!allowed.success) return allowed;
  const rotatable = checkRotatable(found.data, "on-demand");
  if (!rotatable.success) return rotatable;
  const { key, arn } = found.data;
  if (onDemandRotationsOf(key) >= ON_DEMAND_ROTATION_LIMIT) {
    return err(createKmsError("LimitExceededException", messages.onDemandRotationLimit(arn)));
  }
  await ctx.store.updateKey(key, key.keyId, rotationPatch(key, ctx.ids, ctx.clock.now(), "ON_DEMAND"));
  return ok({ KeyId: arn });
}
