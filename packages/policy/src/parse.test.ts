import { describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH, parseJson } from "./parse.js";

describe("parseJson", () => {
  it("keeps member order, integer-like names included, and the raw text of numbers", () => {
    const result = parseJson('{"b":1.0,"2":-0,"a":1e2}');
    expect(result).toStrictEqual({
      success: true,
      data: {
        kind: "object",
        members: [
          { name: "b", value: { kind: "number", value: 1, raw: "1.0" } },
          { name: "2", value: { kind: "number", value: -0, raw: "-0" } },
          { name: "a", value: { kind: "number", value: 100, raw: "1e2" } },
        ],
      },
    });
  });

  it("keeps repeated member names as written", () => {
    const result = parseJson('{"a":1,"a":2}');
    expect(result.success && result.data.kind === "object" && result.data.members.map((m) => m.name)).toEqual([
      "a",
      "a",
    ]);
  });

  it.each([
    ["an empty text", ""],
    ["plain words", "not a real policy statement"],
    ["trailing content", "{} x"],
    ["a trailing comma", '{"a":1,}'],
    ["a comment", '{/* c */"a":1}'],
    ["single quotes", "{'a':1}"],
    ["a leading zero", "01"],
    ["a raw tab inside a string", '"a\tb"'],
    ["an invalid escape", '{"a":"\\x"}'],
    ["an unclosed object", '{"a":1'],
  ])("refuses %s", (_name, text) => {
    expect(parseJson(text).success).toBe(false);
  });

  it("accepts nesting up to the depth limit", () => {
    const text = "[".repeat(MAX_JSON_DEPTH + 1) + "]".repeat(MAX_JSON_DEPTH + 1);
    expect(parseJson(text).success).toBe(true);
  });

  it.each([
    ["one level over the limit", MAX_JSON_DEPTH + 2],
    ["deep enough to overflow a recursive parser", 40_000],
  ])("refuses nesting %s instead of throwing", (_name, depth) => {
    const result = parseJson("[".repeat(depth) + "]".repeat(depth));
    expect(result.success).toBe(false);
    expect(!result.success && result.error.message).toMatch(/^NestingTooDeep/);
  });

  it("does not count brackets inside strings as nesting", () => {
    const text = JSON.stringify({ a: `${"[".repeat(1000)}\\"{` });
    expect(parseJson(text).success).toBe(true);
  });
});
