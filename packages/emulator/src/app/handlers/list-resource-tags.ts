import {
  type ListResourceTagsRequest,
  type ListResourceTagsResponse,
  OPERATIONS,
  type Result,
  createKmsError,
  err,
  messages,
  ok,
} from "@keypolicy/core";
import type { OperationContext } from "../deps.js";
import { checkKeyState, findKey } from "../keys.js";

const { action, keyIdentifiers, keyStates } = OPERATIONS.ListResourceTags;
/** [DOC] 50 tags per page when `Limit` is left out (also the most a key can have). */
const DEFAULT_LIMIT = 50;

/**
 * ListResourceTags: a key's tags in the order they were added, in every key state. Paginated with `Limit` (1..50) and
 * `Marker` (the tag key a page ended with); `NextMarker` only when `Truncated` is true. A marker that names no tag of
 * the key is InvalidMarkerException [DEC].
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ListResourceTags.html
 */
export async function listResourceTags(
  ctx: OperationContext,
  input: ListResourceTagsRequest,
): Promise<Result<ListResourceTagsResponse>> {
  const found = await findKey(ctx, input.KeyId, keyIdentifiers, action);
  if (!found.success) return found;
  const allowed = checkKeyState(found.data, keyStates);
  if (!allowed.success) return allowed;
  const { tags } = found.data.key;
  let start = 0;
  if (input.Marker !== undefined) {
    const at = tags.findIndex((tag) => tag.TagKey === input.Marker);
    if (at === -1) return err(createKmsError("InvalidMarkerException", messages.invalidMarker()));
    start = at + 1;
  }
  const limit = input.Limit ?? DEFAULT_LIMIT;
  const Tags = tags.slice(start, start + limit).map((tag) => ({ TagKey: tag.TagKey, TagValue: tag.TagValue }));
  const last = Tags.at(-1);
  return ok(
    start + limit < tags.length && last
      ? { Tags, NextMarker: last.TagKey, Truncated: true }
      : { Tags, Truncated: false },
  );
}
