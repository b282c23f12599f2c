import {
  type GetKeyRotationStatusRequest,
  type GetKeyRotationStatusResponse,
  OPERATIONS,
  type Result,
  ok,
} from "@keypolicy/core";
import type { OperationContext } from "../deps.js";
import { checkKeyState, findKey } from "../keys.js";
import { isAutomaticRotationEnabled } from "../rotation.js";

const { action, keyIdentifiers, keyStates } = OPERATIONS.GetKeyRotationStatus;

/**
 * GetKeyRotationStatus: whether automatic rotation is enabled, in every key state and also across accounts (by key
 * ARN). `KeyId` is the key ARN. While rotation is enabled: `RotationPeriodInDays` and `NextRotationDate` (epoch
 * seconds) too ([REC] LocalStack snapshot `test_key_enable_rotation_status`); otherwise only `KeyRotationEnabled:
 * false` ([REC] `test_rotate_key_on_demand_with_symmetric_key_and_automatic_rotation_disabled`).
 *
 * Asymmetric and HMAC keys, and keys with imported material, answer `false` rather than an error (AWS's current
 * behaviour [RPT floci-io/floci#618, 2026], as the API reference of 2022 put it: "The key rotation status for these
 * KMS keys is always false"); a key pending deletion answers `false`, and its status returns when the deletion is
 * cancelled [DOC]. `OnDemandRotationStartDate` never shows: on-demand rotations complete at once [DEC].
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyRotationStatus.html
 */
export async function getKeyRotationStatus(
  ctx: OperationContext,
  input: GetKeyRotationStatusRequest,
): Promise<Result<GetKeyRotationStatusResponse>> {
  const found = await findKey(ctx, input.KeyId, keyIdentifiers, action);
  if (!found.success) return found;
  const allowed = checkKeyState(found.data, keyStates);
  if (!allowed.success) return allowed;
  const { key, arn } = found.data;
  const { rotationPeriodInDays, nextRotationDate } = key;
  if (!isAutomaticRotationEnabled(key) || rotationPeriodInDays === undefined || nextRotationDate === undefined) {
    return ok({ KeyRotationEnabled: false, KeyId: arn });
  }
  return ok({
    KeyRotationEnabled: true,
    KeyId: arn,
    RotationPeriodInDays: rotationPeriodInDays,
    NextRotationDate: nextRotationDate / 1000,
  });
}
