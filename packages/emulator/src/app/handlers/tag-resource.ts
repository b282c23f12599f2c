import { OPERATIONS, type Result, type TagResourceRequest, ok } from "@keypolicy/core";
import type { OperationContext } from "../deps.js";
import { checkKeyState, findKey } from "../keys.js";
import { mergeTags } from "../tags.js";

const { action, keyIdentifiers, keyStates } = OPERATIONS.TagResource;

/**
 * TagResource: adds tags to a key, replacing the value of a tag key it already has. Refused for a key pending deletion
 * ([DOC] key-state table). Duplicate tag keys, more than 50 tags and reserved `aws:` keys: TagException (see
 * `checkTags`). Answers no output members.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_TagResource.html
 */
export async function tagResource(ctx: OperationContext, input: TagResourceRequest): Promise<Result<undefined>> {
  const found = await findKey(ctx, input.KeyId, keyIdentifiers, action, { parameters: input });
  if (!found.success) return found;
  const allowed = checkKeyState(found.data, keyStates);
  if (!allowed.success) return allowed;
  const { key } = found.data;
  const tags = mergeTags(key.tags, input.Tags);
  if (!tags.success) return tags;
  await ctx.store.updateKey(key, key.keyId, { tags: tags.data });
  return ok(undefined);
}
