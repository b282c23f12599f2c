import {
  type CancelKeyDeletionRequest,
  type CancelKeyDeletionResponse,
  OPERATIONS,
  type Result,
  createKmsError,
  err,
  messages,
  ok,
} from "@keypolicy/core";
import type { OperationContext } from "../deps.js";
import { findKey } from "../keys.js";

const { action, keyIdentifiers, keyStates } = OPERATIONS.CancelKeyDeletion;

/**
 * CancelKeyDeletion: takes a key out of `PendingDeletion`; it becomes `Disabled` and loses its `DeletionDate` ([REC]
 * KMS-FIDELITY.md §5). An EXTERNAL key that never received key material returns to `PendingImport` [DOC key-state
 * table]. Answers `{ KeyId: <key ARN> }` ([DOC]). Any other state: KMSInvalidStateException
 * `<key ARN> is not pending deletion.`
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_CancelKeyDeletion.html
 */
export async function cancelKeyDeletion(
  ctx: OperationContext,
  input: CancelKeyDeletionRequest,
): Promise<Result<CancelKeyDeletionResponse>> {
  const found = await findKey(ctx, input.KeyId, keyIdentifiers, action);
  if (!found.success) return found;
  const { key, arn } = found.data;
  // Refused with its own text rather than checkKeyState's: a disabled key is not DisabledException here.
  if (!keyStates.includes(key.keyState)) {
    return err(createKmsError("KMSInvalidStateException", messages.keyNotPendingDeletion(arn)));
  }
  const keyState = key.origin === "EXTERNAL" && key.currentKeyMaterialId === undefined ? "PendingImport" : "Disabled";
  await ctx.store.updateKey(key, key.keyId, { keyState, deletionDate: null, pendingDeletionWindowInDays: null });
  return ok({ KeyId: arn });
}
