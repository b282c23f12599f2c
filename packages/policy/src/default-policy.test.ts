import { describe, expect, it } from "vitest";
import fixture from "../test/fixtures/aws-policy-texts.json" with { type: "json" };
import { defaultKeyPolicy } from "./default-policy.js";
import { formatPolicy } from "./format.js";
import { parseJson } from "./parse.js";

describe("defaultKeyPolicy", () => {
  it("is byte-identical to the default policy of the GetKeyPolicy example", () => {
    const example = fixture.cases.find((c) => c.name === "get-key-policy-default-doc-example");
    expect(defaultKeyPolicy("111122223333", "aws")).toBe(example?.policy);
  });

  it.each([
    ["aws", "arn:aws:iam::444455556666:root"],
    ["aws-cn", "arn:aws-cn:iam::444455556666:root"],
    ["aws-us-gov", "arn:aws-us-gov:iam::444455556666:root"],
  ] as const)("names the root of the key's account in the %s partition", (partition, root) => {
    const text = defaultKeyPolicy("444455556666", partition);
    expect(JSON.parse(text).Statement[0].Principal.AWS).toBe(root);
  });

  it("is already in the format AWS returns, so formatting it changes nothing", () => {
    const text = defaultKeyPolicy("111122223333");
    const result = parseJson(text);
    expect(result.success && formatPolicy(result.data)).toBe(text);
  });
});
