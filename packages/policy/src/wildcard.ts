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
  return matches(pattern, undefined, value, ignoreCase);
}

/** {@link matchesWildcard} for a pattern in pieces, some of them literal text. */
export function matchesWildcardPattern(pattern: WildcardPattern, value: string, ignoreCase = false): boolean {
  if (pattern.every((piece) => !piece.literal)) return matches(patternText(pattern), undefined, value, ignoreCase);
  // Lower-case piece by piece, so that the mask follows the text even where lower-casing changes its length.
  const pieces = ignoreCase ? pattern.map((piece) => ({ ...piece, text: piece.text.toLowerCase() })) : pattern;
  const literal = new Uint8Array(pieces.reduce((n, piece) => n + piece.text.length, 0));
  let at = 0;
  for (const piece of pieces) {
    if (piece.literal) literal.fill(1, at, at + piece.text.length);
    at += piece.text.length;
  }
  return matches(patternText(pieces), literal, ignoreCase ? value.toLowerCase() : value, false);
}

/** The matcher: `literal[i] === 1` makes the pattern's code unit `i` stand for itself even if it is `*` or `?`. */
function matches(pattern: string, literal: Uint8Array | undefined, value: string, ignoreCase: boolean): boolean {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const v = ignoreCase ? value.toLowerCase() : value;
  const wild = (i: number, c: "*" | "?") => p[i] === c && literal?.[i] !== 1;
  let pi = 0;
  let vi = 0;
  let star = -1;
  let resume = 0;
  while (vi < v.length) {
    if (pi < p.length && wild(pi, "*")) {
      star = pi++;
      resume = vi;
    } else if (pi < p.length && (wild(pi, "?") || p[pi] === v[vi])) {
      pi++;
      vi++;
    } else if (star >= 0) {
      pi = star + 1;
      vi = ++resume;
    } else {
      return false;
    }
  }
  while (pi < p.length && wild(pi, "*")) pi++;
  return pi === p.length;
}

/** The text of a pattern with every piece joined, as the exact (non-wildcard) operators compare it. */
export function patternText(pattern: WildcardPattern): string {
  return pattern.map((piece) => piece.text).join("");
}
