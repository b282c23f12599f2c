import { OPERATIONS, type Result, type UntagResourceRequest, ok } from "@keypolicy/core";
import type { OperationContext } from "../deps.js";
import { checkKeyState, findKey } from "../keys.js";

const { action, keyIdentifiers, keyStates } = OPERATIONS.UntagResource;

/**
 * UntagResource: removes tags by key; tag keys the key does not have are ignored. Refused for a key pending deletion
 * ([DOC] key-state table). Answers no output members.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_UntagResource.html
 */
export async function untagResource(ctx: OperationContext, input: UntagResourceRequest): Promise<Result<undefined>> {
  const found = await findKey(ctx, input.KeyId, keyIdentifiers, action, { parameters: input });
  if (!found.success) return found;
  const allowed = checkKeyState(found.data, keyStates);
  if (!allowed.success) return allowed;
  const { key } = found.data;
  const removed = new Set(input.TagKeys);
  await ctx.store.updateKey(key, key.keyId, { tags: key.tags.filter((tag) => !removed.has(tag.TagKey)) });
  return ok(undefined);
}
