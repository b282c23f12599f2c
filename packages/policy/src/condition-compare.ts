import type { ConditionOperator } from "./condition-operator.js";
import { parseDateValue } from "./date-value.js";
import { isIpv4InCidr, parseIpv4 } from "./ip-address.js";
import { matchesWildcard } from "./wildcard.js";

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Whether one request value matches one policy value under the operator's positive comparison (negation and
 * multi-valued keys are the caller's business, see {@link evaluateCondition}).
 *
 * - strings: exact, case-insensitive, or IAM wildcards (`*`, `?`) for `StringLike`;
 * - `Arn...`: each of the six colon-separated parts is wildcard-matched; a pattern with fewer parts lets its last
 *   part match the rest of the ARN (`arn:aws:*`) [DEC]; `ArnEquals` behaves as `ArnLike` [DOC];
 * - `Bool`: `true`/`false`, case-insensitive; `Numeric...`: decimal numbers; `Date...`: see {@link parseDateValue};
 * - `IpAddress`: IPv4 in CIDR; `BinaryEquals`: the base64 text compared exactly.
 *
 * @returns `false` when either value cannot be read in the operator's type.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
export function compareConditionValue(operator: ConditionOperator, requestValue: string, policyValue: string): boolean {
  switch (operator.family) {
    case "string":
    case "binary":
      return requestValue === policyValue;
    case "string-ignore-case":
      return requestValue.toLowerCase() === policyValue.toLowerCase();
    case "string-like":
      return matchesWildcard(policyValue, requestValue);
    case "arn":
      return matchesArnPattern(policyValue, requestValue);
    case "bool":
      return isBoolean(requestValue) && requestValue.toLowerCase() === policyValue.toLowerCase();
    case "numeric":
      return compareOrdered(operator, parseNumber(requestValue), parseNumber(policyValue));
    case "date":
      return compareOrdered(operator, parseDateValue(requestValue), parseDateValue(policyValue));
    case "ip-address":
      return isIpv4InCidr(requestValue, policyValue);
    case "null":
      return false;
  }
}

/**
 * Whether a request value can be read in the operator's type at all. A negated operator (`NumericNotEquals`) does
 * not match a value it cannot read, rather than matching because nothing compared equal [DEC].
 */
export function isComparableValue(operator: ConditionOperator, requestValue: string): boolean {
  switch (operator.family) {
    case "numeric":
      return parseNumber(requestValue) !== undefined;
    case "date":
      return parseDateValue(requestValue) !== undefined;
    case "bool":
      return isBoolean(requestValue);
    case "ip-address":
      return parseIpv4(requestValue) !== undefined;
    case "arn":
      return splitArn(requestValue, 6).length === 6;
    default:
      return true;
  }
}

function compareOrdered(operator: ConditionOperator, a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  switch (operator.comparison) {
    case "equals":
      return a === b;
    case "less-than":
      return a < b;
    case "less-than-equals":
      return a <= b;
    case "greater-than":
      return a > b;
    case "greater-than-equals":
      return a >= b;
  }
}

function parseNumber(text: string): number | undefined {
  return NUMBER.test(text) ? Number(text) : undefined;
}

function isBoolean(text: string): boolean {
  const lower = text.toLowerCase();
  return lower === "true" || lower === "false";
}

function matchesArnPattern(pattern: string, arn: string): boolean {
  if (splitArn(arn, 6).length !== 6) return false;
  const patternParts = splitArn(pattern, 6);
  const arnParts = splitArn(arn, patternParts.length);
  return patternParts.every((part, i) => matchesWildcard(part, arnParts[i] ?? ""));
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
