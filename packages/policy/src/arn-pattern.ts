import { type WildcardPattern, matchesWildcardPattern } from "./wildcard.js";

/**
 * Whether an ARN matches an ARN pattern as IAM matches `Resource` elements and the `ArnLike` operators: each of the
 * six colon-separated parts is wildcard-matched on its own, case-sensitively [DOC]; the sixth part (the resource)
 * keeps any further colons. A pattern with fewer parts lets its last part match the rest of the ARN (`arn:aws:*`),
 * and a pattern without a colon (`*`) is matched against the whole value [DEC].
 *
 * @returns `false` when the value is not an ARN of six parts (unless the pattern has no colon).
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 */
export function matchesArnPattern(pattern: string | WildcardPattern, arn: string): boolean {
  const pieces: WildcardPattern = typeof pattern === "string" ? [{ text: pattern, literal: false }] : pattern;
  const patternParts = splitPattern(pieces, 6);
  if (patternParts.length === 1) return matchesWildcardPattern(pieces, arn);
  if (!isArn(arn)) return false;
  const arnParts = splitArn(arn, patternParts.length);
  return patternParts.every((part, i) => matchesWildcardPattern(part, arnParts[i] ?? ""));
}

/** Whether a value has the six colon-separated parts of an ARN, (`arn:partition:service:region:account:resource`). */
export function isArn(value: string): boolean {
  return splitArn(value, 6).length === 6;
}

/** Splits on the first `limit - 1` colons; the last part keeps the rest. */
function splitArn(text: string, limit: number): string[] {
  const parts: string[] = [];
  let start = 0;
  while (parts.length < limit - 1) {
    const colon = text.indexOf(":", start);
    if (colon < 0) break;
    parts.push(text.slice(start, colon));
    start = colon + 1;
  }
  parts.push(text.slice(start));
  return parts;
}

/** {@link splitArn} for a pattern in pieces: colons split whichever piece they are in. */
function splitPattern(pattern: WildcardPattern, limit: number): WildcardPattern[] {
  const parts: { text: string; literal: boolean }[][] = [[]];
  for (const piece of pattern) {
    let rest = piece.text;
    let colon = rest.indexOf(":");
    while (colon >= 0 && parts.length < limit) {
      parts[parts.length - 1]?.push({ text: rest.slice(0, colon), literal: piece.literal });
      parts.push([]);
      rest = rest.slice(colon + 1);
      colon = rest.indexOf(":");
    }
    parts[parts.length - 1]?.push({ text: rest, literal: piece.literal });
  }
  return parts;
}
