import { compareConditionValue, isComparableValue } from "./condition-compare.js";
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
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html
 */
export function evaluateConditions(conditions: readonly PolicyCondition[], lookup: ConditionKeyLookup): boolean {
  return conditions.every((c) => evaluateCondition(c.operator, c.values, lookup(c.key)));
}

/**
 * Evaluates one condition key under one operator, following IAM's documented semantics [DOC]:
 *
 * - `Null`: `"true"` holds when the key is missing, `"false"` when it is present;
 * - a missing key makes `...IfExists` and `ForAllValues:` true, `ForAnyValue:` false, a negated operator
 *   (`StringNotEquals`, `NotIpAddress`, …) true and any other operator false;
 * - `ForAnyValue:` needs one request value to match, `ForAllValues:` every one;
 * - without a set operator a multi-valued key behaves as `ForAnyValue:` for positive operators and as
 *   `ForAllValues:` for negated ones (no request value may equal a policy value) [DEC].
 *
 * @param requestValues - the key's values in the request, `undefined` when missing.
 */
export function evaluateCondition(
  operator: ConditionOperator,
  policyValues: readonly string[],
  requestValues: readonly string[] | undefined,
): boolean {
  const missing = requestValues === undefined || requestValues.length === 0;
  if (operator.family === "null") {
    return policyValues.some((p) => (p.toLowerCase() === "true" ? missing : p.toLowerCase() === "false" && !missing));
  }
  if (missing) {
    if (operator.ifExists || operator.setOperator === "for-all-values") return true;
    if (operator.setOperator === "for-any-value") return false;
    return operator.negated;
  }
  const matches = (value: string) => matchesPolicyValues(operator, value, policyValues);
  switch (operator.setOperator) {
    case "for-any-value":
      return requestValues.some(matches);
    case "for-all-values":
      return requestValues.every(matches);
    case "none":
      return operator.negated ? requestValues.every(matches) : requestValues.some(matches);
  }
}

function matchesPolicyValues(operator: ConditionOperator, value: string, policyValues: readonly string[]): boolean {
  if (!isComparableValue(operator, value)) return false;
  const hit = policyValues.some((p) => compareConditionValue(operator, value, p));
  return operator.negated ? !hit : hit;
}
