import { OPERATIONS, type Result, type UpdateKeyDescriptionRequest, ok } from "@keypolicy/core";
import type { OperationContext } from "../deps.js";
import { checkKeyState, findKey } from "../keys.js";

const { action, keyIdentifiers, keyStates } = OPERATIONS.UpdateKeyDescription;

/**
 * UpdateKeyDescription: replaces the key's description (0..8192 characters; `""` clears it), as DescribeKey then
 * shows it, in any state but pending deletion ([DOC] key-state table: KMSInvalidStateException). Answers no output
 * members.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateKeyDescription.html
 */
export async function updateKeyDescription(
  ctx: OperationContext,
  input: UpdateKeyDescriptionRequest,
): Promise<Result<undefined>> {
  const found = await findKey(ctx, input.KeyId, keyIdentifiers, action);
  if (!found.success) return found;
  const allowed = checkKeyState(found.data, keyStates);
  if (!allowed.success) return allowed;
  const { key } = found.data;
  await ctx.store.updateKey(key, key.keyId, { description: input.Description });
  return ok(undefined);
}
