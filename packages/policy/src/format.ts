import { type JsonNode, uniqueMembers } from "./json-node.js";

/**
 * Formats a policy document exactly as AWS KMS returns it: Jackson's default pretty printer.
 *
 * - objects open with `{`, each member on its own line as `"name" : value`, indented 2 spaces per object depth;
 * - arrays stay inline, `[ "a", "b" ]`, an array of objects as `[ {` … `}, {` … `} ]` (arrays add no indentation);
 * - empty `{ }` and `[ ]`; no trailing newline; member order as submitted; numbers as written.
 *
 * A repeated member name keeps its first position with its last value (Jackson's `ObjectNode`) [DEC], see
 * {@link uniqueMembers}.
 *
 * @see KMS-FIDELITY.md §7 ([DOC] GetKeyPolicy example, [REC] aws/aws-cli#9456 raw body)
 */
export function formatPolicy(node: JsonNode): string {
  const out: string[] = [];
  write(node, 0, out);
  return out.join("");
}

function write(node: JsonNode, depth: number, out: string[]): void {
  switch (node.kind) {
    case "object": {
      const members = uniqueMembers(node);
      if (members.length === 0) {
        out.push("{ }");
        return;
      }
      const inner = `\n${"  ".repeat(depth + 1)}`;
      out.push("{");
      members.forEach((member, index) => {
        out.push(index === 0 ? inner : `,${inner}`, quote(member.name), " : ");
        write(member.value, depth + 1, out);
      });
      out.push("\n", "  ".repeat(depth), "}");
      return;
    }
    case "array":
      if (node.items.length === 0) {
        out.push("[ ]");
        return;
      }
      out.push("[ ");
      node.items.forEach((item, index) => {
        if (index > 0) out.push(", ");
        write(item, depth, out);
      });
      out.push(" ]");
      return;
    case "string":
      out.push(quote(node.value));
      return;
    case "number":
      out.push(node.raw);
      return;
    case "boolean":
      out.push(node.value ? "true" : "false");
      return;
    case "null":
      out.push("null");
      return;
  }
}

const HEX = "0123456789ABCDEF";
const SHORT_ESCAPES: Readonly<Record<number, string>> = { 8: "\\b", 9: "\\t", 10: "\\n", 12: "\\f", 13: "\\r" };

/** Jackson's string escaping: `"` and `\`, short forms for \b \t \n \f \r, other controls as `\u00XX` (upper hex). */
function quote(s: string): string {
  let needs = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c) {
      needs = true;
      break;
    }
  }
  if (!needs) return `"${s}"`;
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += "\\\\";
    else if (c < 0x20) out += SHORT_ESCAPES[c] ?? `\\u00${HEX[c >> 4]}${HEX[c & 15]}`;
    else out += s[i];
  }
  return `${out}"`;
}
