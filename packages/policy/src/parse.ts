import { type Node, type ParseError, parseTree, printParseErrorCode } from "jsonc-parser";
import type { JsonMember, JsonNode } from "./json-node.js";

/** Why a text is not a JSON document: the parser's error and the character offset it was found at. */
export interface JsonSyntaxError {
  readonly message: string;
  /** Offset in UTF-16 code units from the start of the text. */
  readonly offset: number;
}

/** The most deeply nested document accepted; deeper ones are refused rather than risk the stack. */
export const MAX_JSON_DEPTH = 64;

/**
 * Parses strict JSON (no comments, no trailing commas) into a {@link JsonNode}, keeping member order and raw numbers.
 * Uses `jsonc-parser` for the syntax tree, so positions of errors are exact.
 *
 * Duplicate member names are kept in the tree as written; formatting follows Jackson, where the last value wins at
 * the first position [DEC].
 *
 * @returns the document, or the first syntax error.
 */
export function parseJson(
  text: string,
): { success: true; data: JsonNode } | { success: false; error: JsonSyntaxError } {
  const tooDeep = findExcessiveNesting(text);
  if (tooDeep !== undefined) {
    return {
      success: false,
      error: { message: `NestingTooDeep (more than ${MAX_JSON_DEPTH} levels)`, offset: tooDeep },
    };
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first) return { success: false, error: { message: printParseErrorCode(first.error), offset: first.offset } };
  if (!tree) return { success: false, error: { message: "ValueExpected", offset: 0 } };
  const converted = convert(tree, text, 0);
  if (converted === undefined) {
    return { success: false, error: { message: `NestingTooDeep (more than ${MAX_JSON_DEPTH} levels)`, offset: 0 } };
  }
  return { success: true, data: converted };
}

/**
 * The offset of the first bracket nested deeper than {@link MAX_JSON_DEPTH}, or `undefined`.
 *
 * `jsonc-parser` recurses once per level and overflows the stack (a `RangeError` throw) on about 10,000 nested
 * brackets, which a 32 KiB policy can hold; so the depth is measured before parsing, skipping string contents.
 */
function findExcessiveNesting(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > MAX_JSON_DEPTH + 1) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return undefined;
}

function convert(node: Node, text: string, depth: number): JsonNode | undefined {
  if (depth > MAX_JSON_DEPTH) return undefined;
  switch (node.type) {
    case "object": {
      const members: JsonMember[] = [];
      for (const property of node.children ?? []) {
        const [nameNode, valueNode] = property.children ?? [];
        if (!nameNode || !valueNode) continue;
        const value = convert(valueNode, text, depth + 1);
        if (value === undefined) return undefined;
        members.push({ name: String(nameNode.value), value });
      }
      return { kind: "object", members };
    }
    case "array": {
      const items: JsonNode[] = [];
      for (const child of node.children ?? []) {
        const item = convert(child, text, depth + 1);
        if (item === undefined) return undefined;
        items.push(item);
      }
      return { kind: "array", items };
    }
    case "string":
      return { kind: "string", value: String(node.value) };
    case "number":
      return { kind: "number", value: Number(node.value), raw: text.slice(node.offset, node.offset + node.length) };
    case "boolean":
      return { kind: "boolean", value: Boolean(node.value) };
    default:
      return { kind: "null" };
  }
}
