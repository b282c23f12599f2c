import {
  type ConditionPolicyValue,
  compareConditionValue,
  isComparablePolicyValue,
  isComparableValue,
} from "./condition-compare.js";
import type { ConditionOperator } from "./condition-operator.js";
import type { PolicyCondition } from "./key-policy.js";

/**
 * The request's condition keys: single values as strings, multi-valued keys (`aws:TagKeys`) as arrays; `undefined`
 * or an empty array means the key is not in the request. Times (`aws:CurrentTime`) come in here; nothing reads a
 * clock.
 */
export type ConditionKeys = Readonly<Record<string, string | readonly string[] | undefined>>;

/** Looks a condition key up case-insensitively; `undefined` when the request does not have it. */
export type ConditionKeyLookup = (key: string) => readonly string[] | undefined;

/**
 * Builds a case-insensitive lookup over the request's own keys (IAM condition key names are case-insensitive
 * [DOC]). Only own properties count, so a policy key such as `__proto__` or `constructor` finds nothing.
 */
export function createConditionKeyLookup(keys: ConditionKeys): ConditionKeyLookup {
  const byName = new Map<string, readonly string[]>();
  for (const [name, value] of Object.entries(keys)) {
    if (value === undefined) continue;
    byName.set(name.toLowerCase(), typeof value === "string" ? [value] : value);
  }
  return (key) => {
    const values = byName.get(key.toLowerCase());
    return values && values.length > 0 ? values : undefined;
  };
}

/**
 * Whether every condition of a statement holds (operators, keys and conditions are ANDed; a key's policy values are
 * ORed, and NORed for negated operators) [DOC].
 *
 * @param resolve - turns a condition's policy values into what is compared, e.g. with policy variables substituted
 *   (`undefined` for a value whose variable cannot be resolved); by default the values as written.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html
 */
export function evaluateConditions(
  conditions: readonly PolicyCondition[],
  lookup: ConditionKeyLookup,
  resolve: (condition: PolicyCondition) => readonly (ConditionPolicyValue | undefined)[] = (c) => c.values,
): boolean {
  return conditions.every((c) => evaluateCondition(c.operator, resolve(c), lookup(c.key)));
}

/**
 * Evaluates one condition key under one operator. This is the one rule for missing keys and for values that cannot
 * be read; every caller goes through it.
 *
 * **A missing key** (not in the request, or an empty list) [DOC unless marked]:
 * - `Null`: `"true"` holds when the key is missing, `"false"` when it is present;
 * - `...IfExists`: true, with or without a set operator. IAM says an `IfExists` condition is true when the key is
 *   missing; `ForAnyValue:` alone is false then. For `ForAnyValue:...IfExists` the `IfExists` wins [DEC]: it is the
 *   suffix's only effect, so a policy writes it to get exactly this (peers differ, e.g. cloud-copilot/iam-simulate
 *   answers false);
 * - otherwise `ForAllValues:` is true, `ForAnyValue:` false, a negated operator (`StringNotEquals`, `NotIpAddress`,
 *   …) true and any other operator false.
 *
 * **A present key** is compared value by value. Each comparison of one request value with one policy value is a
 * match, a non-match, or *unknown*: unknown when the request value cannot be read in the operator's type
 * ({@link isComparableValue}: `"ten"` for `NumericLessThan`), when the policy value cannot
 * ({@link isComparablePolicyValue}: `"soon"` for `DateNotEquals`), or when a policy variable in it has no value
 * (`undefined`). A request value satisfies a positive operator when some comparison is a match, and a negated
 * operator when every comparison is a known non-match. So an unknown never satisfies either form: `DateNotEquals`
 * with an unreadable policy date holds for no request, rather than for every request because nothing compared
 * equal [DEC, fail closed for Allow; consistent with how unreadable request values were always treated].
 *
 * Then `ForAnyValue:` needs one request value to satisfy the operator, `ForAllValues:` every one; without a set
 * operator a multi-valued key behaves as `ForAnyValue:` for positive operators and as `ForAllValues:` for negated
 * ones (no request value may equal a policy value) [DEC].
 *
 * @param policyValues - the policy's values, `undefined` for one whose policy variable could not be resolved.
 * @param requestValues - the key's values in the request, `undefined` when missing.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
 */
export function evaluateCondition(
  operator: ConditionOperator,
  policyValues: readonly (ConditionPolicyValue | undefined)[],
  requestValues: readonly string[] | undefined,
): boolean {
  const missing = requestValues === undefined || requestValues.length === 0;
  if (operator.family === "null") {
    return policyValues.some((p) => {
      const text = typeof p === "string" ? p.toLowerCase() : undefined;
      return text === "true" ? missing : text === "false" && !missing;
    });
  }
  if (missing) {
    if (operator.ifExists || operator.setOperator === "for-all-values") return true;
    if (operator.setOperator === "for-any-value") return false;
    return operator.negated;
  }
  const satisfies = (value: string) => satisfiesOperator(operator, value, policyValues);
  switch (operator.setOperator) {
    case "for-any-value":
      return requestValues.some(satisfies);
    case "for-all-values":
      return requestValues.every(satisfies);
    case "none":
      return operator.negated ? requestValues.every(satisfies) : requestValues.some(satisfies);
  }
}

type Comparison = "match" | "no-match" | "unknown";

function satisfiesOperator(
  operator: ConditionOperator,
  value: string,
  policyValues: readonly (ConditionPolicyValue | undefined)[],
): boolean {
  const comparisons = policyValues.map((p) => compare(operator, value, p));
  return operator.negated ? comparisons.every((c) => c === "no-match") : comparisons.includes("match");
}

function compare(
  operator: ConditionOperator,
  value: string,
  policyValue: ConditionPolicyValue | undefined,
): Comparison {
  if (
    policyValue === undefined ||
    !isComparableValue(operator, value) ||
    !isComparablePolicyValue(operator, policyValue)
  ) {
    return "unknown";
  }
  return compareConditionValue(operator, value, policyValue) ? "match" : "no-match";
}
