import type { Tag } from "@keypolicy/core";
import { describe, expect, it } from "vitest";
import { checkTags, mergeTags } from "./tags.js";

const tag = (TagKey: string, TagValue = "v"): Tag => ({ TagKey, TagValue });
const many = (n: number, prefix = "k") => Array.from({ length: n }, (_, i) => tag(`${prefix}${i}`));
const tagException = (message: string) => ({ success: false, error: { name: "TagException", message } });

describe("checkTags", () => {
  it.each([
    ["no tags", []],
    ["50 tags", many(50)],
    ["keys differing only in case", [tag("a"), tag("A")]],
    ["aws in the middle of a key", [tag("x-aws:y")]],
  ])("accepts %s", (_, tags) => {
    expect(checkTags(tags)).toEqual({ success: true, data: tags });
  });

  it.each([
    ["a tag key given twice", [tag("tag1", "value1"), tag("tag1", "another-value1")], "Duplicate tag keys"],
    ["51 tags", many(51), "Too many tags"],
    ["an aws: key", [tag("aws:key1")], "Tags beginning with aws: are reserved"],
    ["an AWS: key", [tag("AWS:key1")], "Tags beginning with aws: are reserved"],
    // The order [DEC]: duplicates, then the count, then the reserved prefix.
    ["51 tags with a duplicate", [...many(50), tag("k0")], "Duplicate tag keys"],
    ["a duplicated aws: key", [tag("aws:x"), tag("aws:x")], "Duplicate tag keys"],
    ["51 tags with an aws: key", [...many(50), tag("aws:x")], "Too many tags"],
  ])("refuses %s", (_, tags, message) => {
    expect(checkTags(tags)).toEqual(tagException(message));
  });
});

describe("mergeTags", () => {
  it("replaces the value of a key in its place and appends new keys in request order", () => {
    expect(mergeTags([tag("a", "1"), tag("b", "2")], [tag("c", "3"), tag("a", "9")])).toEqual({
      success: true,
      data: [tag("a", "9"), tag("b", "2"), tag("c", "3")],
    });
  });

  it("refuses what checkTags refuses in the added tags, whatever the key holds", () => {
    expect(mergeTags([tag("a")], [tag("b"), tag("b")])).toEqual(tagException("Duplicate tag keys"));
    expect(mergeTags([], many(51))).toEqual(tagException("Too many tags"));
  });

  it("refuses tags that would leave the key more than 50, and allows editing a key that has 50", () => {
    expect(mergeTags(many(50), [tag("one-more")])).toEqual(tagException("Too many tags"));
    expect(mergeTags(many(50), [tag("k0", "changed")]).success).toBe(true);
  });
});
