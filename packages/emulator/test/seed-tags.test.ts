import { describe, expect, it } from "vitest";
import { parseSeed } from "../src/index.js";

const KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
const seedWithTags = (Tags: { TagKey: string; TagValue: string }[]) =>
  parseSeed({ keys: [{ KeyId: KEY_ID }, { KeyId: KEY_ID, Region: "eu-west-1", Tags }] });

describe("seed tags follow CreateKey's tag rules", () => {
  it.each([
    ["an aws: tag key", [{ TagKey: "aws:createdBy", TagValue: "seed" }], "Tags beginning with aws: are reserved"],
    ["an AWS: tag key", [{ TagKey: "AWS:x", TagValue: "seed" }], "Tags beginning with aws: are reserved"],
    [
      "a tag key given twice",
      [
        { TagKey: "team", TagValue: "a" },
        { TagKey: "team", TagValue: "b" },
      ],
      "Duplicate tag keys",
    ],
    ["51 tags", Array.from({ length: 51 }, (_, i) => ({ TagKey: `k${i}`, TagValue: "v" })), "Too many tags"],
  ])("refuses %s at keys[i].Tags with CreateKey's text", (_, tags, message) => {
    expect(seedWithTags(tags)).toEqual({
      success: false,
      error: [{ path: "keys[1].Tags", message: `${message} (CreateKey would answer TagException)` }],
    });
  });

  it("accepts 50 distinct tags, keys differing only in case included", () => {
    const tags = [
      { TagKey: "Team", TagValue: "a" },
      { TagKey: "team", TagValue: "b" },
    ];
    for (let i = 0; i < 48; i++) tags.push({ TagKey: `k${i}`, TagValue: "v" });
    expect(seedWithTags(tags).success).toBe(true);
  });
});
