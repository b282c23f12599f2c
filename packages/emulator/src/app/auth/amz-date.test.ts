import { describe, expect, it } from "vitest";
import { formatAmzDate, parseAmzDate } from "./amz-date.js";

describe("X-Amz-Date values", () => {
  it.each(["20150830T123600Z", "20000229T000000Z", "20261231T235959Z"])("%s round-trips", (text) => {
    const parsed = parseAmzDate(text);
    expect(parsed.success && formatAmzDate(parsed.data)).toBe(text);
  });

  it.each([
    "",
    "2015-08-30T12:36:00Z",
    "20150830T123600",
    "20150230T000000Z",
    "20150830T246000Z",
    "20150830t123600z",
    " 20150830T123600Z",
  ])("%j is not one", (text) => {
    expect(parseAmzDate(text).success).toBe(false);
  });
});
