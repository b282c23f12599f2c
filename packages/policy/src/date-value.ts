const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const EPOCH_SECONDS = /^-?\d+(?:\.\d+)?$/;

/**
 * Parses a value of a `Date...` condition: epoch seconds (`1735689600`, fractions allowed) or ISO 8601
 * (`2025-01-01`, `2025-01-01T00:00:00Z`, `2025-01-01T01:00:00+01:00`, fractions of seconds allowed).
 *
 * A date-time without a zone is read as UTC [DEC], never as the local zone (`Date.parse` would), so the result does
 * not depend on where the code runs.
 *
 * @returns milliseconds since 1970-01-01T00:00:00Z, or `undefined` for text that is neither form or a date that
 *   does not exist (`2025-02-30`).
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date
 */
export function parseDateValue(text: string): number | undefined {
  if (EPOCH_SECONDS.test(text)) return Number(text) * 1000;
  const m = ISO_8601.exec(text);
  if (!m) return undefined;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = m
    .slice(1, 7)
    .map((part) => Number(part ?? 0));
  const offset = parseOffsetMinutes(m[8]);
  if (offset === undefined || !inRanges(year, month, day, hour, minute, second)) return undefined;
  const fraction = Number(`0.${m[7] ?? "0"}`);
  return utcMillis(year, month, day, hour, minute, second) + fraction * 1000 - offset * 60_000;
}

function inRanges(year: number, month: number, day: number, hour: number, minute: number, second: number): boolean {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return false;
  // Day 0 of the next month is the last day of this one.
  const lastDay = new Date(utcMillis(year, month + 1, 0, 0, 0, 0)).getUTCDate();
  return day <= lastDay;
}

/** `Date.UTC` without its quirk of reading years 0..99 as 1900..1999. */
function utcMillis(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

function parseOffsetMinutes(zone: string | undefined): number | undefined {
  if (zone === undefined || zone === "Z") return 0;
  const digits = zone.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || "0");
  if (hours > 23 || minutes > 59) return undefined;
  return (zone.startsWith("-") ? -1 : 1) * (hours * 60 + minutes);
}
