import { type Result, err, ok } from "@keypolicy/core";

const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/**
 * Parses an `X-Amz-Date` value, ISO 8601 basic format in UTC (`20150830T123600Z`), into epoch milliseconds.
 *
 * @returns the time, or `false` when the text is not a real date in that exact form (`20150230T000000Z` is not).
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
 */
export function parseAmzDate(value: string): Result<number, false> {
  const m = AMZ_DATE.exec(value);
  if (!m) return err(false);
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const time = Date.UTC(y, mo - 1, d, h, mi, s);
  return formatAmzDate(time) === value ? ok(time) : err(false);
}

/** Formats epoch milliseconds as an `X-Amz-Date` value (`20150830T123600Z`), dropping milliseconds. Inverse of {@link parseAmzDate}. */
export function formatAmzDate(time: number): string {
  return new Date(time)
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
}
