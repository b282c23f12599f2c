import { describe, expect, it } from "vitest";
import { parseConditionOperator } from "./condition-operator.js";
import { createConditionKeyLookup, evaluateCondition, evaluateConditions } from "./evaluate-condition.js";

type Values = string | readonly string[] | undefined;

function holds(operator: string, policyValues: string | string[], request: Values): boolean {
  const parsed = parseConditionOperator(operator);
  if (!parsed) throw new Error(`unknown operator ${operator}`);
  const values = typeof policyValues === "string" ? [policyValues] : policyValues;
  const lookup = createConditionKeyLookup(request === undefined ? {} : { "test:Key": request });
  return evaluateCondition(parsed, values, lookup("test:key"));
}

describe("evaluateCondition", () => {
  it.each<[string, string | string[], Values, boolean]>([
    // Strings
    ["StringEquals", "abc", "abc", true],
    ["StringEquals", "abc", "ABC", false],
    ["StringEquals", ["x", "abc"], "abc", true],
    ["StringNotEquals", ["x", "abc"], "abc", false],
    ["StringNotEquals", ["x", "y"], "abc", true],
    ["StringEqualsIgnoreCase", "abc", "ABC", true],
    ["StringNotEqualsIgnoreCase", "abc", "ABC", false],
    ["StringLike", "a*c", "abbbc", true],
    ["StringLike", "a?c", "abbc", false],
    ["StringNotLike", "a*", "abc", false],
    ["StringNotLike", "b*", "abc", true],
    // ARNs
    ["ArnEquals", "arn:aws:iam::111122223333:role/*", "arn:aws:iam::111122223333:role/Admin", true],
    ["ArnLike", "arn:aws:iam::*:role/Admin", "arn:aws:iam::444455556666:role/Admin", true],
    ["ArnLike", "arn:aws:*", "arn:aws:s3:::bucket/key", true],
    ["ArnLike", "arn:aws:iam::111122223333:role/*", "arn:aws:iam::111122223333:user/Admin", false],
    ["ArnLike", "arn:aws:iam::111122223333:*", "not-an-arn", false],
    ["ArnNotLike", "arn:aws:iam::111122223333:role/*", "arn:aws:iam::111122223333:user/Admin", true],
    ["ArnNotEquals", "arn:aws:iam::111122223333:role/*", "not-an-arn", false],
    // Booleans
    ["Bool", "true", "true", true],
    ["Bool", "true", "TRUE", true],
    ["Bool", "false", "true", false],
    ["Bool", "true", "yes", false],
    // Numbers
    ["NumericEquals", "10", "10.0", true],
    ["NumericNotEquals", "10", "11", true],
    ["NumericNotEquals", "10", "ten", false],
    ["NumericLessThan", "3600", "60", true],
    ["NumericLessThan", "3600", "3600", false],
    ["NumericLessThanEquals", "3600", "3600", true],
    ["NumericGreaterThan", "5", "6", true],
    ["NumericGreaterThanEquals", "5", "4", false],
    ["NumericEquals", "abc", "0", false],
    // Dates
    ["DateLessThan", "2026-01-01T00:00:00Z", "2025-06-01T12:00:00Z", true],
    ["DateLessThan", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", false],
    ["DateLessThanEquals", "2026-01-01T00:00:00Z", "1767225600", true],
    ["DateGreaterThan", "2026-01-01", "2026-01-01T00:00:01Z", true],
    ["DateGreaterThanEquals", "1767225600", "2025-12-31T23:59:59Z", false],
    ["DateEquals", "2026-01-01T01:00:00+01:00", "2026-01-01T00:00:00Z", true],
    ["DateNotEquals", "2026-01-01", "2026-01-02", true],
    ["DateEquals", "2026-01-01", "soon", false],
    // IP addresses
    ["IpAddress", "203.0.113.0/24", "203.0.113.9", true],
    ["IpAddress", ["10.0.0.0/8", "203.0.113.0/24"], "10.9.9.9", true],
    ["IpAddress", "203.0.113.0/24", "198.51.100.1", false],
    ["NotIpAddress", "203.0.113.0/24", "198.51.100.1", true],
    ["NotIpAddress", "203.0.113.0/24", "203.0.113.1", false],
    ["IpAddress", "2001:db8::/32", "2001:DB8:0:0:1::7", true],
    ["IpAddress", ["203.0.113.0/24", "2001:db8::/32"], "2001:db8::7", true],
    ["IpAddress", "2001:db8::/32", "2001:db9::7", false],
    ["IpAddress", "::1/128", "::1", true],
    ["IpAddress", "203.0.113.0/24", "::ffff:203.0.113.9", true],
    ["NotIpAddress", "2001:db8::/32", "2001:db9::7", true],
    ["NotIpAddress", "2001:db8::/32", "2001:db8::7", false],
    // Another family is a known non-match, so the negation holds.
    ["NotIpAddress", "2001:db8::/32", "203.0.113.1", true],
    ["IpAddress", "::/0", "203.0.113.1", false],
    // Binary
    ["BinaryEquals", "QmluYXJ5", "QmluYXJ5", true],
  ])("%s with policy values %j and request value %j is %s", (operator, policy, request, expected) => {
    expect(holds(operator, policy, request)).toBe(expected);
  });

  it.each<[string, string | string[], Values, boolean]>([
    ["StringEquals", "abc", undefined, false],
    ["StringNotEquals", "abc", undefined, true],
    ["StringNotLike", "abc", undefined, true],
    ["ArnNotLike", "arn:*", undefined, true],
    ["NotIpAddress", "10.0.0.0/8", undefined, true],
    ["NumericLessThan", "5", undefined, false],
    ["Bool", "false", undefined, false],
    ["StringEqualsIfExists", "abc", undefined, true],
    ["StringEqualsIfExists", "abc", "xyz", false],
    ["BoolIfExists", "true", undefined, true],
    ["ForAllValues:StringEquals", "abc", undefined, true],
    ["ForAnyValue:StringEquals", "abc", undefined, false],
    ["ForAnyValue:StringNotEquals", "abc", undefined, false],
    ["ForAnyValue:StringEqualsIfExists", "abc", undefined, true],
    ["ForAnyValue:StringEqualsIfExists", "abc", [], true],
    ["ForAnyValue:StringNotEqualsIfExists", "abc", undefined, true],
    ["ForAnyValue:NumericLessThanIfExists", "5", undefined, true],
    ["ForAllValues:StringEqualsIfExists", "abc", undefined, true],
    ["ForAllValues:StringNotLikeIfExists", "a*", [], true],
    ["ForAnyValue:StringEqualsIfExists", "abc", ["xyz"], false],
    ["StringEquals", "abc", [], false],
    ["Null", "true", undefined, true],
    ["Null", "true", [], true],
    ["Null", "true", "x", false],
    ["Null", "false", "x", true],
    ["Null", "false", undefined, false],
    ["Null", "maybe", undefined, false],
  ])("%s with policy values %j and a missing or empty key (%j) is %s", (operator, policy, request, expected) => {
    expect(holds(operator, policy, request)).toBe(expected);
  });

  it.each<[string, string | string[], Values, boolean]>([
    // A policy value the operator cannot read is unknown: it satisfies neither the operator nor its negation.
    ["NumericNotEquals", "ten", "10", false],
    ["NumericNotEquals", ["ten", "11"], "10", false],
    ["NumericEquals", ["ten", "10"], "10", true],
    ["NumericLessThan", "ten", "1", false],
    ["DateNotEquals", "soon", "2026-01-01T00:00:00Z", false],
    ["DateNotEquals", ["soon", "2026-01-02"], "2026-01-01", false],
    ["DateNotEqualsIfExists", "soon", "2026-01-01", false],
    ["ForAllValues:DateNotEquals", "soon", ["2026-01-01"], false],
    ["ForAnyValue:NumericNotEquals", "ten", ["1", "2"], false],
    ["NotIpAddress", "not-an-address", "203.0.113.1", false],
    ["NotIpAddress", "203.0.113.0/33", "198.51.100.1", false],
    ["NotIpAddress", "2001:db8::/129", "2001:db9::1", false],
    ["NotIpAddress", "2001:db8::/32", "2001:db8::zz", false],
    ["NotIpAddress", "2001:db8::/32", "fe80::1%eth0", false],
    ["Bool", "maybe", "true", false],
    // The same for a request value the operator cannot read, whatever the policy values.
    ["NumericNotEqualsIfExists", "10", "ten", false],
    ["DateNotEquals", "2026-01-01", "soon", false],
    ["ForAnyValue:NumericNotEquals", "10", ["ten", "11"], true],
    ["ForAllValues:NumericNotEquals", "10", ["ten", "11"], false],
  ])(
    "%s with policy values %j and request values %j follows the unknown-value rule: %s",
    (operator, policy, request, expected) => {
      expect(holds(operator, policy, request)).toBe(expected);
    },
  );

  it.each<[string, string | string[], Values, boolean]>([
    ["ForAnyValue:StringEquals", ["a", "b"], ["x", "b"], true],
    ["ForAnyValue:StringEquals", ["a", "b"], ["x", "y"], false],
    ["ForAllValues:StringEquals", ["a", "b"], ["a", "b"], true],
    ["ForAllValues:StringEquals", ["a", "b"], ["a", "c"], false],
    ["ForAllValues:StringLike", ["tag-*"], ["tag-a", "tag-b"], true],
    ["ForAnyValue:StringNotEquals", ["a"], ["a", "b"], true],
    ["ForAllValues:StringNotEquals", ["a"], ["a", "b"], false],
    ["ForAllValues:StringNotEquals", ["a"], ["b", "c"], true],
    ["StringEquals", ["a"], ["x", "a"], true],
    ["StringNotEquals", ["a"], ["x", "a"], false],
    ["StringNotEquals", ["a"], ["x", "y"], true],
  ])("%s with policy values %j and request values %j is %s", (operator, policy, request, expected) => {
    expect(holds(operator, policy, request)).toBe(expected);
  });
});

describe("createConditionKeyLookup", () => {
  it("finds keys whatever their case", () => {
    const lookup = createConditionKeyLookup({ "aws:PrincipalTag/Team": "keys" });
    expect(lookup("AWS:principaltag/team")).toEqual(["keys"]);
  });

  it.each(["__proto__", "constructor", "toString", "hasOwnProperty"])(
    "finds nothing for the inherited name %s",
    (name) => {
      expect(createConditionKeyLookup({})(name)).toBeUndefined();
    },
  );

  it("finds an own __proto__ key passed by the caller", () => {
    const keys = JSON.parse('{"__proto__":"x"}') as Record<string, string>;
    expect(createConditionKeyLookup(keys)("__proto__")).toEqual(["x"]);
  });
});

describe("evaluateConditions", () => {
  it("requires every condition to hold", () => {
    const equals = parseConditionOperator("StringEquals");
    const bool = parseConditionOperator("Bool");
    if (!equals || !bool) throw new Error("operators");
    const lookup = createConditionKeyLookup({ "kms:CallerAccount": "111122223333", "aws:SecureTransport": "false" });
    const account = { operator: equals, key: "kms:CallerAccount", values: ["111122223333"] };
    const secure = { operator: bool, key: "aws:SecureTransport", values: ["true"] };
    expect(evaluateConditions([account], lookup)).toBe(true);
    expect(evaluateConditions([account, secure], lookup)).toBe(false);
    expect(evaluateConditions([], lookup)).toBe(true);
  });
});
