import { describe, expect, it } from "vitest";
import { parseDateValue } from "./date-value.js";

const NEW_YEAR_2025 = 1_735_689_600_000;

describe("parseDateValue", () => {
  it.each([
    ["epoch seconds", "1735689600", NEW_YEAR_2025],
    ["fractional epoch seconds", "1735689600.5", NEW_YEAR_2025 + 500],
    ["a date", "2025-01-01", NEW_YEAR_2025],
    ["a UTC date-time", "2025-01-01T00:00:00Z", NEW_YEAR_2025],
    ["a date-time without seconds", "2025-01-01T00:00Z", NEW_YEAR_2025],
    ["a date-time without a zone, as UTC", "2025-01-01T00:00:00", NEW_YEAR_2025],
    ["milliseconds", "2025-01-01T00:00:00.250Z", NEW_YEAR_2025 + 250],
    ["a positive offset", "2025-01-01T01:00:00+01:00", NEW_YEAR_2025],
    ["an offset without a colon", "2024-12-31T19:00:00-0500", NEW_YEAR_2025],
    ["a leap day", "2024-02-29", Date.UTC(2024, 1, 29)],
    ["a year before 100", "0050-01-01", -60_589_296_000_000],
  ])("reads %s", (_name, text, millis) => {
    expect(parseDateValue(text)).toBe(millis);
  });

  it.each([
    ["words", "tomorrow"],
    ["a day that does not exist", "2025-02-29"],
    ["month 13", "2025-13-01"],
    ["hour 24", "2025-01-01T24:00:00Z"],
    ["a slash date", "01/01/2025"],
    ["an empty string", ""],
  ])("refuses %s", (_name, text) => {
    expect(parseDateValue(text)).toBeUndefined();
  });
});
