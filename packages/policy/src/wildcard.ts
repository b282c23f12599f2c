/**
 * Whether `value` matches an IAM wildcard `pattern`: `*` matches any run of characters (also none), `?` exactly one
 * UTF-16 code unit, everything else itself.
 *
 * Runs in O(pattern × value) at worst and never builds a regular expression, so policy text cannot cause
 * catastrophic backtracking.
 *
 * @param ignoreCase - compare letters case-insensitively (action names are, ARNs and condition values are not).
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 */
export function matchesWildcard(pattern: string, value: string, ignoreCase = false): boolean {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const v = ignoreCase ? value.toLowerCase() : value;
  let pi = 0;
  let vi = 0;
  let star = -1;
  let resume = 0;
  while (vi < v.length) {
    if (pi < p.length && p[pi] === "*") {
      star = pi++;
      resume = vi;
    } else if (pi < p.length && (p[pi] === "?" || p[pi] === v[vi])) {
      pi++;
      vi++;
    } else if (star >= 0) {
      pi = star + 1;
      vi = ++resume;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === "*") pi++;
  return pi === p.length;
}
