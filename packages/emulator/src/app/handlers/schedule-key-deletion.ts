import {
  OPERATIONS,
  type Result,
  type ScheduleKeyDeletionRequest,
  type ScheduleKeyDeletionResponse,
  createKmsError,
  err,
  messages,
  ok,
} from "@keypolicy/core";
import type { OperationContext } from "../deps.js";
import { checkKeyState, findKey, isReplica, keyCopies } from "../keys.js";

const { action, keyIdentifiers, keyStates } = OPERATIONS.ScheduleKeyDeletion;

/** [DOC] The waiting period: 7 to 30 days, 30 when `PendingWindowInDays` is left out. */
export const MIN_PENDING_WINDOW_DAYS = 7;
export const MAX_PENDING_WINDOW_DAYS = 30;
export const DEFAULT_PENDING_WINDOW_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * ScheduleKeyDeletion: puts a key in `PendingDeletion` with a `DeletionDate` `PendingWindowInDays` (7..30, default 30)
 * days from now; KeyMetadata then shows `Enabled: false` and the `DeletionDate` ([REC] KMS-FIDELITY.md §5). The
 * emulator never deletes the key when the date passes [DEC]: it stays `PendingDeletion` until cancelled.
 *
 * Answers `{ KeyId: <key ARN>, DeletionDate: <epoch seconds>, KeyState: "PendingDeletion", PendingWindowInDays }`
 * ([DOC] the response's KeyId is the key ARN). Errors: the window outside 7..30 → ValidationException; a key already
 * pending deletion → KMSInvalidStateException `<key ARN> is pending deletion.` ([REC] vector
 * `schedule-key-deletion-twice`).
 *
 * A multi-Region primary key with replicas waits for them instead ([DOC] ScheduleKeyDeletionResponse,
 * KeyMetadata.PendingDeletionWindowInDays): it goes to `PendingReplicaDeletion`, keeps the window as
 * `PendingDeletionWindowInDays` and has no `DeletionDate`, and the answer has none. As the emulator never deletes a
 * key, its replicas are never gone and the primary stays there until CancelKeyDeletion [DEC]. A replica is
 * scheduled like any key.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html
 */
export async function scheduleKeyDeletion(
  ctx: OperationContext,
  input: ScheduleKeyDeletionRequest,
): Promise<Result<ScheduleKeyDeletionResponse>> {
  const days = input.PendingWindowInDays ?? DEFAULT_PENDING_WINDOW_DAYS;
  if (days < MIN_PENDING_WINDOW_DAYS || days > MAX_PENDING_WINDOW_DAYS) {
    return err(createKmsError("ValidationException", messages.pendingWindowOutOfRange(days)));
  }
  const found = await findKey(ctx, input.KeyId, keyIdentifiers, action);
  if (!found.success) return found;
  const allowed = checkKeyState(found.data, keyStates);
  if (!allowed.success) return allowed;
  const { key, arn } = found.data;
  if (key.multiRegion && !isReplica(key) && (await keyCopies(ctx, key)).length > 1) {
    await ctx.store.updateKey(key, key.keyId, {
      keyState: "PendingReplicaDeletion",
      pendingDeletionWindowInDays: days,
    });
    return ok({ KeyId: arn, KeyState: "PendingReplicaDeletion", PendingWindowInDays: days });
  }
  const deletionDate = ctx.clock.now() + days * DAY_MS;
  await ctx.store.updateKey(key, key.keyId, { keyState: "PendingDeletion", deletionDate });
  return ok({ KeyId: arn, DeletionDate: deletionDate / 1000, KeyState: "PendingDeletion", PendingWindowInDays: days });
}
