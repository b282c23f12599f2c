/**
 * `{{name}}` placeholders in fixture data: filling them from known values, and learning unknown ones from an actual
 * answer (a key ID the emulator made up, a creation date).
 */

/** Values bound to placeholder names. */
export type Bindings = Readonly<Record<string, unknown>>;

/** The shape a placeholder's value must have when it is learnt from an answer rather than known in advance. */
export type PlaceholderFormat = RegExp | "number";

const PLACEHOLDER = /\{\{([^{}]+)\}\}/g;
const WHOLE = /^\{\{([^{}]+)\}\}$/;
// `{{repeat:<text>:<count>}}` writes long inputs (KeyId of 2049 characters) without a 2 KiB literal in the fixtures.
const REPEAT = /^repeat:([^:]*):(\d{1,6})$/;
// `{{now+2592000}}`: a bound number plus whole seconds (a deletion date 30 days after a fixed clock's now).
const PLUS = /^([A-Za-z][A-Za-z0-9]*)\+(\d{1,10})$/;

function lookup(name: string, bindings: Bindings): { found: true; value: unknown } | { found: false } {
  const repeat = REPEAT.exec(name);
  if (repeat) return { found: true, value: (repeat[1] ?? "").repeat(Number(repeat[2])) };
  const plus = PLUS.exec(name);
  if (plus?.[1] !== undefined) {
    const base = bindings[plus[1]];
    return Object.hasOwn(bindings, plus[1]) && typeof base === "number"
      ? { found: true, value: base + Number(plus[2]) }
      : { found: false };
  }
  return Object.hasOwn(bindings, name) ? { found: true, value: bindings[name] } : { found: false };
}

/**
 * Replaces every bound placeholder in `value` (deeply, in strings, object members and array items). A string that is
 * one placeholder takes the bound value as is (so `"{{creationDate}}"` can become a number); inside a longer string
 * the value is written with `String()`. Unbound placeholders stay as they are, so a comparison shows them.
 */
export function fillTemplate(value: unknown, bindings: Bindings): unknown {
  if (typeof value === "string") {
    const whole = WHOLE.exec(value);
    if (whole?.[1] !== undefined) {
      const hit = lookup(whole[1], bindings);
      return hit.found ? hit.value : value;
    }
    return value.replace(PLACEHOLDER, (text, name: string) => {
      const hit = lookup(name, bindings);
      return hit.found ? String(hit.value) : text;
    });
  }
  if (Array.isArray(value)) return value.map((item) => fillTemplate(item, bindings));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillTemplate(v, bindings)]));
  }
  return value;
}

/** The placeholder names used in `value`, in order of first use. */
export function placeholdersIn(value: unknown): string[] {
  const names = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === "string") for (const m of v.matchAll(PLACEHOLDER)) names.add(m[1] ?? "");
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(value);
  return [...names];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Learns the values of unbound placeholders by walking `template` and `actual` side by side: where a template string
 * holds placeholders, the matching actual string must fit the template, each unbound placeholder taking the text
 * its format allows (default: any non-empty text). Bound placeholders must equal their value. Answers the bindings
 * extended with what was learnt; where something does not fit nothing is learnt, and the comparison that follows
 * (filled template against actual) shows the difference.
 */
export function learnBindings(
  template: unknown,
  actual: unknown,
  bindings: Bindings,
  formats: Readonly<Record<string, PlaceholderFormat>> = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...bindings };
  const walk = (t: unknown, a: unknown): void => {
    if (typeof t === "string") {
      const whole = WHOLE.exec(t);
      const wholeName = whole?.[1];
      if (wholeName !== undefined && !lookup(wholeName, out).found && formats[wholeName] === "number") {
        if (typeof a === "number") out[wholeName] = a;
        return;
      }
      if (typeof a !== "string" || !t.includes("{{")) return;
      const groups: string[] = [];
      let source = "^";
      let last = 0;
      for (const m of t.matchAll(PLACEHOLDER)) {
        const name = m[1] ?? "";
        source += escapeRegExp(t.slice(last, m.index));
        last = (m.index ?? 0) + m[0].length;
        const hit = lookup(name, out);
        if (hit.found) {
          source += escapeRegExp(String(hit.value));
        } else {
          const format = formats[name];
          source += `(${format instanceof RegExp ? format.source.replace(/^\^|\$$/g, "") : ".+?"})`;
          groups.push(name);
        }
      }
      source += `${escapeRegExp(t.slice(last))}$`;
      const match = new RegExp(source, "s").exec(a);
      if (!match) return;
      groups.forEach((name, i) => {
        if (!Object.hasOwn(out, name)) out[name] = match[i + 1];
      });
      return;
    }
    if (Array.isArray(t)) {
      if (Array.isArray(a)) {
        for (const [i, item] of t.entries()) walk(item, a[i]);
      }
      return;
    }
    if (t !== null && typeof t === "object" && a !== null && typeof a === "object" && !Array.isArray(a)) {
      for (const [k, v] of Object.entries(t)) walk(v, (a as Record<string, unknown>)[k]);
    }
  };
  walk(template, actual);
  return out;
}

/** The value at a dotted path (`KeyMetadata.KeyId`), or `undefined`. */
export function valueAt(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const segment of path.split(".")) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
