/**
 * A JSON value that keeps what `JSON.parse` loses: member order exactly as written (also for integer-like names,
 * which JavaScript objects would move to the front) and the raw text of numbers.
 */
export type JsonNode =
  | { readonly kind: "object"; readonly members: readonly JsonMember[] }
  | { readonly kind: "array"; readonly items: readonly JsonNode[] }
  | { readonly kind: "string"; readonly value: string }
  | { readonly kind: "number"; readonly value: number; readonly raw: string }
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "null" };

/** One member of a JSON object: its name and value, in document order. */
export interface JsonMember {
  readonly name: string;
  readonly value: JsonNode;
}

/** Converts a {@link JsonNode} to a plain JavaScript value (objects lose integer-like member order, as JS does). */
export function toJsonValue(node: JsonNode): unknown {
  switch (node.kind) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const member of node.members) {
        Object.defineProperty(out, member.name, {
          value: toJsonValue(member.value),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    case "array":
      return node.items.map(toJsonValue);
    case "string":
    case "number":
    case "boolean":
      return node.value;
    case "null":
      return null;
  }
}

/**
 * Converts a plain JavaScript value (e.g. from a YAML seed file) to a {@link JsonNode}, in its key order.
 *
 * Values JSON cannot hold become what `JSON.stringify` makes of them: non-finite numbers become `null`, `-0` becomes
 * `0`; `undefined`, functions and symbols become `null` (in arrays as `JSON.stringify` does, and also as members).
 */
export function fromJsonValue(value: unknown): JsonNode {
  if (value === null || value === undefined) return { kind: "null" };
  if (typeof value === "string") return { kind: "string", value };
  if (typeof value === "number") {
    // Fix: NaN and ±Infinity used to give a number node whose raw text was `null`; -0 gave raw "0" with value -0.
    if (!Number.isFinite(value)) return { kind: "null" };
    const finite = value === 0 ? 0 : value;
    return { kind: "number", value: finite, raw: JSON.stringify(finite) };
  }
  if (typeof value === "boolean") return { kind: "boolean", value };
  if (Array.isArray(value)) return { kind: "array", items: value.map(fromJsonValue) };
  if (typeof value === "object") {
    return {
      kind: "object",
      members: Object.entries(value as Record<string, unknown>).map(([name, v]) => ({ name, value: fromJsonValue(v) })),
    };
  }
  return { kind: "null" };
}

/**
 * The members of an object as Jackson's `ObjectNode` keeps them: one per name, at the position where the name first
 * appears, with the value it last had. Objects without repeated names come back as they are.
 *
 * Repeated member names are a [DEC] (KMS-FIDELITY.md §7 does not say): AWS re-serialises policies with Jackson, whose
 * default is that the last value wins, so formatting, validation and evaluation all read documents this way.
 */
export function uniqueMembers(node: JsonNode & { readonly kind: "object" }): readonly JsonMember[] {
  const names = new Set<string>();
  let repeated = false;
  for (const member of node.members) {
    if (names.has(member.name)) repeated = true;
    names.add(member.name);
  }
  if (!repeated) return node.members;
  // A Map keeps first-insertion order and takes the last value set: Jackson's LinkedHashMap behaviour.
  const last = new Map<string, JsonNode>();
  for (const member of node.members) last.set(member.name, member.value);
  return [...last].map(([name, value]) => ({ name, value }));
}

/** The value of member `name` of an object node (the last one, if repeated), or `undefined`. */
export function getMember(node: JsonNode, name: string): JsonNode | undefined {
  if (node.kind !== "object") return undefined;
  let found: JsonNode | undefined;
  for (const member of node.members) if (member.name === name) found = member.value;
  return found;
}
