/**
 * The number of bytes `text` takes in UTF-8, counted without encoding it (the package has no `TextEncoder` or
 * `Buffer`: its `lib` is ES2023 only).
 *
 * A surrogate pair is one 4-byte character; a lone surrogate counts 3 bytes, as the U+FFFD an encoder substitutes.
 *
 * @param text - any JavaScript string.
 * @returns a byte count, ≥ `text.length`.
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
