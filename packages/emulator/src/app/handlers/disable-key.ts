import { type DisableKeyRequest, OPERATIONS, type Result, ok } from "@keypolicy/core";
import type { OperationContext } from "../deps.js";
import { checkKeyState, findKey } from "../keys.js";

const { action, keyIdentifiers, keyStates } = OPERATIONS.DisableKey;

/**
 * DisableKey: sets an `Enabled` or `Disabled` key to `Disabled` (idempotent). A key pending deletion or pending import
 * is refused with KMSInvalidStateException ([DOC] key-state table, KMS-FIDELITY.md §5). Answers no output members.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DisableKey.html
 */
export async function disableKey(ctx: OperationContext, input: DisableKeyRequest): Promise<Result<undefined>> {
  const found = await findKey(ctx, input.KeyId, keyIdentifiers, action);
  if (!found.success) return found;
  const allowed = checkKeyState(found.data, keyStates);
  if (!allowed.success) return allowed;
  const { key } = found.data;
  await ctx.store.updateKey(key, key.keyId, { keyState: "Disabled" });
  return ok(undefined);
}
