import { describe, expect, it } from "vitest";
import { isArn, matchesArnPattern } from "./arn-pattern.js";

const KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const ALIAS = "arn:aws:kms:us-east-1:111122223333:alias/app/prod";

describe("matchesArnPattern", () => {
  it.each([
    ["*", KEY, true],
    [KEY, KEY, true],
    ["arn:aws:kms:*:111122223333:key/*", KEY, true],
    ["arn:aws:kms:us-east-?:111122223333:key/*", KEY, true],
    ["arn:aws:kms:us-east-1:111122223333:alias/*", ALIAS, true],
    ["arn:aws:kms:us-east-1:111122223333:alias/*", KEY, false],
    ["arn:aws:kms:*:444455556666:key/*", KEY, false],
    ["arn:aws:KMS:us-east-1:111122223333:key/*", KEY, false],
    ["arn:aws:kms:us-east-1:111122223333:key/1234ABCD-12ab-34cd-56ef-1234567890ab", KEY, false],
    // `*` stays inside its part: it does not swallow the colons between region and account.
    ["arn:aws:kms:*:key/*", KEY, false],
    ["arn:aws:*", KEY, true],
    ["arn:aws:kms:us-east-1:111122223333:*", "arn:aws:kms:us-east-1:111122223333:key/a:b", true],
    ["arn:aws:kms:*:*:*", "not-an-arn", false],
  ])("matches %s against %s: %s", (pattern, arn, expected) => {
    expect(matchesArnPattern(pattern, arn)).toBe(expected);
  });

  it("splits a pattern in pieces on every colon and keeps literal pieces literal", () => {
    const pattern = [
      { text: "arn:aws:kms:us-east-1:111122223333:alias/", literal: false },
      { text: "*", literal: true },
    ];
    expect(matchesArnPattern(pattern, "arn:aws:kms:us-east-1:111122223333:alias/*")).toBe(true);
    expect(matchesArnPattern(pattern, ALIAS)).toBe(false);
  });
});

describe("isArn", () => {
  it.each([
    [KEY, true],
    ["arn:aws:s3:::bucket", true],
    ["arn:aws:kms:us-east-1", false],
    ["", false],
  ])("%s is an ARN: %s", (value, expected) => {
    expect(isArn(value)).toBe(expected);
  });
});
