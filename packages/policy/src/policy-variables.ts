import type { ConditionPolicyValue } from "./condition-compare.js";
import type { ConditionFamily } from "./condition-operator.js";
import type { ConditionKeyLookup } from "./evaluate-condition.js";
import type { WildcardPattern, WildcardPiece } from "./wildcard.js";

/** The policy language version that has policy variables; in others `${…}` is literal text [DOC]. */
export const POLICY_VARIABLES_VERSION = "2012-10-17";

// [DOC] Variables are allowed in condition values of the string and ARN operators only ("You can't use a policy
// variable with other operators, such as Numeric, Date, Boolean, Binary, IP Address, or Null").
const VARIABLE_FAMILIES: ReadonlySet<ConditionFamily> = new Set(["string", "string-ignore-case", "string-like", "arn"]);

// [DOC] The three escapes: `${*}`, `${?}`, `${$}` stand for the character itself, never for a wildcard.
const ESCAPES = new Set(["*", "?", "$"]);

/**
 * Substitutes IAM policy variables in one policy string (a `Resource`, `NotResource` or condition value of a policy
 * whose `Version` is `2012-10-17`):
 *
 * - `${key}` becomes the value of that request context key (looked up case-insensitively, any key the request has,
 *   e.g. `${aws:username}`, `${aws:PrincipalTag/team}`); a key with several values has no single value and counts as
 *   missing [DEC];
 * - `${key, 'default'}` takes `default` when the key is missing (comma, optional spaces, single quotes) [DOC];
 * - `${*}`, `${?}`, `${$}` are the characters `*`, `?`, `$` [DOC];
 * - text that is not a well-formed variable (`${`, `${}`, `${a` …) stays as written [DEC].
 *
 * Substituted values and escapes are literal pieces of the result: a `*` in them matches only `*`, even under
 * `StringLike` or in a `Resource` [DEC for values, DOC for escapes]. IAM allows variables in a `Resource` only after
 * the ARN's fifth colon; they are substituted anywhere here [DEC].
 *
 * @returns the text unchanged when it has no `${`; else its pieces; `undefined` when a variable has no value and no
 *   default, which makes the element it is in fail to match [DOC: "any attempt to match it fails"].
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 */
export function resolvePolicyVariables(text: string, lookup: ConditionKeyLookup): string | WildcardPattern | undefined {
  if (!text.includes("${")) return text;
  const pieces: WildcardPiece[] = [];
  let plain = "";
  let at = 0;
  while (at < text.length) {
    const start = text.indexOf("${", at);
    const variable = start < 0 ? undefined : readVariable(text, start);
    if (start < 0 || variable === undefined) {
      const end = start < 0 ? text.length : start + 2;
      plain += text.slice(at, end);
      at = end;
      continue;
    }
    plain += text.slice(at, start);
    const value = ESCAPES.has(variable.key) ? variable.key : (single(lookup(variable.key)) ?? variable.fallback);
    if (value === undefined) return undefined;
    if (plain !== "") pieces.push({ text: plain, literal: false });
    pieces.push({ text: value, literal: true });
    plain = "";
    at = variable.end;
  }
  if (plain !== "") pieces.push({ text: plain, literal: false });
  return pieces;
}

/**
 * The values a condition compares after policy variables: substituted for the string and ARN operators in a
 * `2012-10-17` policy, else the values as written ({@link resolvePolicyVariables}).
 */
export function resolveConditionValues(
  family: ConditionFamily,
  values: readonly string[],
  lookup: ConditionKeyLookup,
): readonly (ConditionPolicyValue | undefined)[] {
  return VARIABLE_FAMILIES.has(family) ? values.map((v) => resolvePolicyVariables(v, lookup)) : values;
}

/** `${key}` or `${key, 'default'}` at `start`: the key, the default and the index after `}`; else `undefined`. */
function readVariable(text: string, start: number): { key: string; fallback?: string; end: number } | undefined {
  const close = text.indexOf("}", start + 2);
  const comma = text.indexOf(",", start + 2);
  if (close < 0) return undefined;
  if (comma < 0 || comma > close) {
    const key = text.slice(start + 2, close).trim();
    return key === "" || (key.includes("$") && !ESCAPES.has(key)) ? undefined : { key, end: close + 1 };
  }
  const key = text.slice(start + 2, comma).trim();
  const m = /^\s*'([^']*)'\s*\}/.exec(text.slice(comma + 1));
  if (key === "" || !m) return undefined;
  return { key, fallback: m[1] ?? "", end: comma + 1 + m[0].length };
}

function single(values: readonly string[] | undefined): string | undefined {
  return values?.length === 1 ? values[0] : undefined;
}
