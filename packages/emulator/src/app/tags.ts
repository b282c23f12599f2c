import { type KmsError, type Tag, createKmsError, messages } from "@keypolicy/core";

/** [DOC] Quota: at most 50 tags on one KMS key. */
export const MAX_TAGS_PER_KEY = 50;
/** [DOC] Tag keys with this prefix (any case) are reserved for AWS. */
const RESERVED_TAG_PREFIX = "aws:";

/**
 * Merges `added` into `current` as TagResource and CreateKey do: a tag key already present gets the new value in its
 * old place, new keys are appended in request order.
 *
 * @returns the merged tags, or TagException for a reserved `aws:` key [DEC text], or LimitExceededException past 50
 *   tags [DEC text].
 */
export function mergeTags(
  current: readonly Tag[],
  added: readonly Tag[],
  keyArn: string,
): { success: true; data: Tag[] } | { success: false; error: KmsError } {
  if (added.some((tag) => tag.TagKey.toLowerCase().startsWith(RESERVED_TAG_PREFIX))) {
    return { success: false, error: createKmsError("TagException", messages.tagReserved()) };
  }
  const merged = new Map(current.map((tag) => [tag.TagKey, tag.TagValue]));
  for (const tag of added) merged.set(tag.TagKey, tag.TagValue);
  if (merged.size > MAX_TAGS_PER_KEY) {
    return { success: false, error: createKmsError("LimitExceededException", messages.tagLimit(keyArn)) };
  }
  return { success: true, data: [...merged].map(([TagKey, TagValue]) => ({ TagKey, TagValue })) };
}
