/** How a condition operator compares a request value with a policy value. */
export type ConditionFamily =
  | "string"
  | "string-ignore-case"
  | "string-like"
  | "numeric"
  | "date"
  | "bool"
  | "binary"
  | "ip-address"
  | "arn"
  | "null";

/** The comparison an operator makes; negated operators (`StringNotEquals`) carry the positive one plus `negated`. */
export type ConditionComparison = "equals" | "less-than" | "less-than-equals" | "greater-than" | "greater-than-equals";

/**
 * A condition operator taken apart, e.g. `ForAnyValue:StringNotEqualsIfExists` is
 * `{ family: "string", comparison: "equals", negated: true, ifExists: true, setOperator: "for-any-value" }`.
 */
export interface ConditionOperator {
  /** The operator exactly as written in the policy. */
  readonly name: string;
  readonly family: ConditionFamily;
  readonly comparison: ConditionComparison;
  /** The operator matches when the value matches none of the policy's values (`...Not...`, `NotIpAddress`). */
  readonly negated: boolean;
  /** `...IfExists`: a key missing from the request makes the condition true. */
  readonly ifExists: boolean;
  /** `ForAnyValue:` / `ForAllValues:` over multi-valued keys, or `"none"`. */
  readonly setOperator: "none" | "for-any-value" | "for-all-values";
}

type Base = readonly [ConditionFamily, ConditionComparison, boolean];

// [DOC] The IAM condition operators. A Map, not an object literal, so names like "__proto__" find nothing.
const BASE_OPERATORS = new Map<string, Base>([
  ["StringEquals", ["string", "equals", false]],
  ["StringNotEquals", ["string", "equals", true]],
  ["StringEqualsIgnoreCase", ["string-ignore-case", "equals", false]],
  ["StringNotEqualsIgnoreCase", ["string-ignore-case", "equals", true]],
  ["StringLike", ["string-like", "equals", false]],
  ["StringNotLike", ["string-like", "equals", true]],
  ["NumericEquals", ["numeric", "equals", false]],
  ["NumericNotEquals", ["numeric", "equals", true]],
  ["NumericLessThan", ["numeric", "less-than", false]],
  ["NumericLessThanEquals", ["numeric", "less-than-equals", false]],
  ["NumericGreaterThan", ["numeric", "greater-than", false]],
  ["NumericGreaterThanEquals", ["numeric", "greater-than-equals", false]],
  ["DateEquals", ["date", "equals", false]],
  ["DateNotEquals", ["date", "equals", true]],
  ["DateLessThan", ["date", "less-than", false]],
  ["DateLessThanEquals", ["date", "less-than-equals", false]],
  ["DateGreaterThan", ["date", "greater-than", false]],
  ["DateGreaterThanEquals", ["date", "greater-than-equals", false]],
  ["Bool", ["bool", "equals", false]],
  ["BinaryEquals", ["binary", "equals", false]],
  ["IpAddress", ["ip-address", "equals", false]],
  ["NotIpAddress", ["ip-address", "equals", true]],
  ["ArnEquals", ["arn", "equals", false]],
  ["ArnLike", ["arn", "equals", false]],
  ["ArnNotEquals", ["arn", "equals", true]],
  ["ArnNotLike", ["arn", "equals", true]],
  ["Null", ["null", "equals", false]],
]);

const SET_PREFIXES = [
  ["ForAnyValue:", "for-any-value"],
  ["ForAllValues:", "for-all-values"],
] as const;

/**
 * Parses a condition operator name: an IAM base operator, optionally prefixed with `ForAnyValue:` or
 * `ForAllValues:` and suffixed with `IfExists` (not `Null`, which tests existence itself).
 *
 * Operator names are matched case-sensitively, as IAM documents them [DEC].
 *
 * @returns the operator, or `undefined` for a name IAM does not define.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
export function parseConditionOperator(name: string): ConditionOperator | undefined {
  let rest = name;
  let setOperator: ConditionOperator["setOperator"] = "none";
  for (const [prefix, kind] of SET_PREFIXES) {
    if (rest.startsWith(prefix)) {
      rest = rest.slice(prefix.length);
      setOperator = kind;
      break;
    }
  }
  const ifExists = rest.endsWith("IfExists") && rest !== "IfExists";
  if (ifExists) rest = rest.slice(0, -"IfExists".length);
  const base = BASE_OPERATORS.get(rest);
  if (!base || (ifExists && base[0] === "null")) return undefined;
  const [family, comparison, negated] = base;
  return { name, family, comparison, negated, ifExists, setOperator };
}
