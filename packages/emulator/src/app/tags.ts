import { type KmsError, type Result, type Tag, createKmsError, messages } from "@keypolicy/core";

/** [DOC] Quota: at most 50 tags on one KMS key. */
export const MAX_TAGS_PER_KEY = 50;
/** [DOC] Tag keys with this prefix (any case) are reserved for AWS. */
const RESERVED_TAG_PREFIX = "aws:";

function tagError(message: string): { success: false; error: KmsError } {
  return { success: false, error: createKmsError("TagException", message) };
}

/**
 * The tag rules of KMS for one list of tags as a request gives it (CreateKey's or TagResource's `Tags`, a seed key's
 * `Tags`): the one check every path that sets tags goes through. Lengths are the shape's (ValidationException,
 * checked before any of this).
 *
 * Order [DEC]: duplicates, then the count, then reserved keys. AWS's order is not recorded (each recorded case breaks
 * one rule); this is the order LocalStack, whose texts are recorded against AWS, checks them in.
 *
 * @returns the tags, or TagException: `Duplicate tag keys` when a tag key (case-sensitive) is given twice [REC];
 *   `Too many tags` past 50 [REC, CreateKey]; `Tags beginning with aws: are reserved` [REC].
 */
export function checkTags(tags: readonly Tag[]): Result<readonly Tag[]> {
  if (new Set(tags.map((tag) => tag.TagKey)).size < tags.length) return tagError(messages.tagDuplicate());
  if (tags.length > MAX_TAGS_PER_KEY) return tagError(messages.tagTooMany());
  if (tags.some((tag) => tag.TagKey.toLowerCase().startsWith(RESERVED_TAG_PREFIX)))
    return tagError(messages.tagReserved());
  return { success: true, data: tags };
}

/**
 * Merges `added` into `current` as TagResource and CreateKey do, after {@link checkTags} of `added`: a tag key already
 * present gets the new value in its old place, new keys are appended in request order.
 *
 * @returns the merged tags, or the TagException of {@link checkTags}, or TagException `Too many tags` when the key
 *   would hold more than 50 [DEC: AWS's answer to TagResource past 50 in total is not recorded; this is its recorded
 *   answer to 51 tags in one CreateKey, and the quota is the same].
 */
export function mergeTags(current: readonly Tag[], added: readonly Tag[]): Result<Tag[]> {
  const checked = checkTags(added);
  if (!checked.success) return checked;
  const merged = new Map(current.map((tag) => [tag.TagKey, tag.TagValue]));
  for (const tag of added) merged.set(tag.TagKey, tag.TagValue);
  if (merged.size > MAX_TAGS_PER_KEY) return tagError(messages.tagTooMany());
  return { success: true, data: [...merged].map(([TagKey, TagValue]) => ({ TagKey, TagValue })) };
}
