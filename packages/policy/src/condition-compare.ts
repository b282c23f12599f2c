import { isArn, matchesArnPattern } from "./arn-pattern.js";
import type { ConditionOperator } from "./condition-operator.js";
import { parseDateValue } from "./date-value.js";
import { isIpAddressInBlock, parseIpAddress, parseIpAddressBlock } from "./ip-address.js";
import { type WildcardPattern, matchesWildcardPattern, patternText } from "./wildcard.js";

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A policy value of a condition: its text, or the pieces it became after policy variables were substituted
 * (`${*}` and substituted values are literal text even for `StringLike`).
 */
export type ConditionPolicyValue = string | WildcardPattern;

/**
 * Whether one request value matches one policy value under the operator's positive comparison (negation and
 * multi-valued keys are the caller's business, see {@link evaluateCondition}).
 *
 * - strings: exact, case-insensitive, or IAM wildcards (`*`, `?`) for `StringLike`;
 * - `Arn...`: {@link matchesArnPattern}; `ArnEquals` behaves as `ArnLike` [DOC];
 * - `Bool`: `true`/`false`, case-insensitive; `Numeric...`: decimal numbers; `Date...`: see {@link parseDateValue};
 * - `IpAddress`: the address in the IPv4 or IPv6 block ({@link isIpAddressInBlock}); `BinaryEquals`: the base64 text compared exactly.
 *
 * @returns `false` when either value cannot be read in the operator's type ({@link isComparableValue},
 *   {@link isComparablePolicyValue}).
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
export function compareConditionValue(
  operator: ConditionOperator,
  requestValue: string,
  policyValue: ConditionPolicyValue,
): boolean {
  const text = typeof policyValue === "string" ? policyValue : patternText(policyValue);
  switch (operator.family) {
    case "string":
    case "binary":
      return requestValue === text;
    case "string-ignore-case":
      return requestValue.toLowerCase() === text.toLowerCase();
    case "string-like":
      return matchesWildcardPattern(pieces(policyValue), requestValue);
    case "arn":
      return isArn(requestValue) && matchesArnPattern(policyValue, requestValue);
    case "bool":
      return isBoolean(requestValue) && isBoolean(text) && requestValue.toLowerCase() === text.toLowerCase();
    case "numeric":
      return compareOrdered(operator, parseNumber(requestValue), parseNumber(text));
    case "date":
      return compareOrdered(operator, parseDateValue(requestValue), parseDateValue(text));
    case "ip-address":
      return isIpAddressInBlock(requestValue, text);
    case "null":
      return false;
  }
}

/**
 * Whether a request value can be read in the operator's type at all: a number for `Numeric...`, a date for
 * `Date...`, `true`/`false` for `Bool`, an IPv4 or IPv6 address for `IpAddress`, an ARN of six parts for `Arn...`; any text
 * for the string and binary operators. What follows from an unreadable value is {@link evaluateCondition}'s rule.
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
      return parseIpAddress(requestValue) !== undefined;
    case "arn":
      return isArn(requestValue);
    default:
      return true;
  }
}

/**
 * Whether a policy value can be read in the operator's type: a number for `Numeric...`, a date for `Date...`,
 * `true`/`false` for `Bool`, an IPv4 or IPv6 address or block for `IpAddress`; any text (or pattern) for the string, ARN and
 * binary operators. IAM Access Analyzer reports other values as errors [DOC "Invalid condition data
 * type"]; a key policy may still hold them, and {@link evaluateCondition} says what they mean.
 */
export function isComparablePolicyValue(operator: ConditionOperator, policyValue: ConditionPolicyValue): boolean {
  const text = typeof policyValue === "string" ? policyValue : patternText(policyValue);
  switch (operator.family) {
    case "numeric":
      return parseNumber(text) !== undefined;
    case "date":
      return parseDateValue(text) !== undefined;
    case "bool":
      return isBoolean(text);
    case "ip-address":
      return parseIpAddressBlock(text) !== undefined;
    default:
      return true;
  }
}

function pieces(value: ConditionPolicyValue): WildcardPattern {
  return typeof value === "string" ? [{ text: value, literal: false }] : value;
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
