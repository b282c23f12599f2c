import { describe, expect, it } from "vitest";
import { matchesWildcard, matchesWildcardPattern } from "./wildcard.js";

describe("matchesWildcard", () => {
  it.each([
    ["*", "kms:PutKeyPolicy", false, true],
    ["kms:*", "kms:PutKeyPolicy", false, true],
    ["kms:Put*", "kms:PutKeyPolicy", false, true],
    ["kms:*Policy", "kms:PutKeyPolicy", false, true],
    ["kms:?utKeyPolicy", "kms:PutKeyPolicy", false, true],
    ["kms:Get*", "kms:PutKeyPolicy", false, false],
    ["kms:put*", "kms:PutKeyPolicy", false, false],
    ["kms:put*", "kms:PutKeyPolicy", true, true],
    ["KMS:PUTKEYPOLICY", "kms:PutKeyPolicy", true, true],
    ["a?c", "ac", false, false],
    ["a*b*c", "aXbYbZc", false, true],
    ["a*b*c", "aXbYbZ", false, false],
    ["", "", false, true],
    ["*", "", false, true],
    ["abc", "abcd", false, false],
  ])("matches pattern %j against %j (ignoreCase %s): %s", (pattern, value, ignoreCase, expected) => {
    expect(matchesWildcard(pattern, value, ignoreCase)).toBe(expected);
  });

  it("stays fast on patterns that make regular expressions backtrack", () => {
    const pattern = `${"*a".repeat(2000)}b`;
    expect(matchesWildcard(pattern, "a".repeat(5000))).toBe(false);
  });
});

describe("matchesWildcardPattern", () => {
  const wild = (text: string) => ({ text, literal: false });
  const literal = (text: string) => ({ text, literal: true });
  it.each([
    [[wild("home/"), literal("alice"), wild("/*")], "home/alice/notes", true],
    [[wild("home/"), literal("alice"), wild("/*")], "home/bob/notes", false],
    [[wild("a"), literal("*")], "a*", true],
    [[wild("a"), literal("*")], "abc", false],
    [[wild("a"), literal("?")], "ab", false],
    [[literal("*"), wild("*")], "*anything", true],
    [[literal("*"), wild("*")], "anything", false],
    [[], "", true],
  ])("matches %j against %j: %s", (pattern, value, expected) => {
    expect(matchesWildcardPattern(pattern, value)).toBe(expected);
  });
});

describe("matchesWildcardPattern with ignoreCase", () => {
  it("keeps literal pieces literal while ignoring case", () => {
    const pattern = [
      { text: "Alias/", literal: false },
      { text: "*", literal: true },
      { text: "*", literal: false },
    ];
    expect(matchesWildcardPattern(pattern, "alias/*-x", true)).toBe(true);
    expect(matchesWildcardPattern(pattern, "alias/x", true)).toBe(false);
  });
});
