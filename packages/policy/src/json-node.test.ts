import { describe, expect, it } from "vitest";
import { fromJsonValue, getMember, toJsonValue } from "./json-node.js";
import { parseJson } from "./parse.js";

describe("toJsonValue", () => {
  it("turns a __proto__ member into an own property without touching any prototype", () => {
    const result = parseJson('{"__proto__":{"polluted":true},"a":1}');
    const value = result.success ? toJsonValue(result.data) : undefined;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.hasOwn(value as object, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("keeps the last value of a repeated member, as Jackson does", () => {
    const result = parseJson('{"a":1,"a":2}');
    expect(result.success && toJsonValue(result.data)).toEqual({ a: 2 });
  });
});

describe("fromJsonValue", () => {
  it.each([
    ["NaN", Number.NaN, { kind: "null" }],
    ["Infinity", Number.POSITIVE_INFINITY, { kind: "null" }],
    ["negative zero", -0, { kind: "number", value: 0, raw: "0" }],
    ["a large number", 1e21, { kind: "number", value: 1e21, raw: "1e+21" }],
    ["undefined", undefined, { kind: "null" }],
  ])("converts %s as JSON.stringify would", (_name, value, expected) => {
    expect(fromJsonValue(value)).toStrictEqual(expected);
  });

  it("keeps an own __proto__ key as a member", () => {
    const value = JSON.parse('{"__proto__":1}') as unknown;
    expect(fromJsonValue(value)).toStrictEqual({
      kind: "object",
      members: [{ name: "__proto__", value: { kind: "number", value: 1, raw: "1" } }],
    });
  });
});

describe("getMember", () => {
  it.each([
    ["the value of a member", '{"a":1}', "a", 1],
    ["the last value of a repeated member", '{"a":1,"a":2}', "a", 2],
    ["nothing for a missing member", '{"a":1}', "b", undefined],
    ["nothing for an inherited name", "{}", "__proto__", undefined],
    ["nothing for a non-object", "[1]", "0", undefined],
  ])("gives %s", (_name, text, name, expected) => {
    const result = parseJson(text);
    const member = result.success ? getMember(result.data, name) : undefined;
    expect(member && toJsonValue(member)).toBe(expected);
  });
});
