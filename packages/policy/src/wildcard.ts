/**
 * A wildcard pattern in pieces: in a piece with `literal: false`, `*` and `?` are wildcards; in a `literal` piece
 * (a substituted policy variable, or the `${*}`, `${?}`, `${$}` escapes) every character stands for itself.
 */
export type WildcardPattern = readonly WildcardPiece[];

/** One piece of a {@link WildcardPattern}. */
export interface WildcardPiece {
  readonly text: string;
  readonly literal: boolean;
}

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
  return matchesWildcardPattern([{ text: pattern, literal: false }], value, ignoreCase);
}

/** {@link matchesWildcard} for a pattern in pieces, some of them literal text. */
export function matchesWildcardPattern(pattern: WildcardPattern, value: string, ignoreCase = false): boolean {
  const chars: string[] = [];
  const wild: boolean[] = [];
  for (const piece of pattern) {
    const text = ignoreCase ? piece.text.toLowerCase() : piece.text;
    for (const c of text.split("")) {
      chars.push(c);
      wild.push(!piece.literal && (c === "*" || c === "?"));
    }
  }
  const v = ignoreCase ? value.toLowerCase() : value;
  const isStar = (i: number) => i < chars.length && wild[i] === true && chars[i] === "*";
  let pi = 0;
  let vi = 0;
  let star = -1;
  let resume = 0;
  while (vi < v.length) {
    if (isStar(pi)) {
      star = pi++;
      resume = vi;
    } else if (pi < chars.length && ((wild[pi] === true && chars[pi] === "?") || (wild[pi] !== true && chars[pi] === v[vi]))) {
      pi++;
      vi++;
    } else if (star >= 0) {
      pi = star + 1;
      vi = ++resume;
    } else {
      return false;
    }
  }
  while (isStar(pi)) pi++;
  return pi === chars.length;
}

/** The text of a pattern with every piece joined, as the exact (non-wildcard) operators compare it. */
export function patternText(pattern: WildcardPattern): string {
  return pattern.map((piece) => piece.text).join("");
}
