const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/**
 * Escapes text for an XML element's content or a double-quoted attribute: `&`, `<`, `>`, `"` and `'` become
 * entities. Characters XML 1.0 cannot carry at all (C0 controls but tab, newline and carriage return; lone
 * surrogates; U+FFFE and U+FFFF) become U+FFFD, so the document always parses.
 */
export function escapeXml(text: string): string {
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const entity = ENTITIES[char];
    if (entity !== undefined) out += entity;
    else if (isXmlChar(code)) out += char;
    else out += "\ufffd";
  }
  return out;
}

/** XML 1.0's `Char` production; a lone surrogate iterates as one code point in the surrogate range, so is refused. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}
