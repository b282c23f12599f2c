import { type EnableKeyRequest, OPERATIONS, type Result, ok } from "@keypolicy/core";
import type { OperationContext } from "../deps.js";
import { checkKeyState, findKey } from "../keys.js";

const { action, keyIdentifiers, keyStates } = OPERATIONS.EnableKey;

/**
 * EnableKey: sets an `Enabled` or `Disabled` key to `Enabled` (idempotent). A key pending deletion or pending import
 * is refused with KMSInvalidStateException ([DOC] key-state table, KMS-FIDELITY.md §5). Answers no output members.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_EnableKey.html
 */
export async function enableKey(ctx: OperationContext, input: EnableKeyRequest): Promise<Result<undefined>> {
  const found = await findKey(ctx, input.KeyId, keyIdentifiers, action);
  if (!found.success) return found;
  const allowed = checkKeyState(found.data, keyStates);
  if (!allowed.success) return allowed;
  const { key } = found.data;
  await ctx.store.updateKey(key, key.keyId, { keyState: "Enabled" });
  return ok(undefined);
}
