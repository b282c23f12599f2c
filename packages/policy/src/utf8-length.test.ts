import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utf8ByteLength } from "./utf8-length.js";

describe("utf8ByteLength", () => {
  it.each([
    ["an empty string", "", 0],
    ["ASCII", "kms:*", 5],
    ["Latin-1 characters, two bytes each", "\u00e9\u00ff", 4],
    ["a three-byte character", "\u20ac", 3],
    ["a surrogate pair as one four-byte character", "😀", 4],
    ["a lone high surrogate as the three bytes of U+FFFD", "\ud800a", 4],
    ["a lone low surrogate as the three bytes of U+FFFD", "\udc00", 3],
  ])("counts %s", (_name, text, bytes) => {
    expect(utf8ByteLength(text)).toBe(bytes);
  });

  it("agrees with TextEncoder on any well-formed string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        expect(utf8ByteLength(text)).toBe(new TextEncoder().encode(text).length);
      }),
    );
  });

  it("agrees with TextEncoder on any string, lone surrogates included", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(utf8ByteLength(text)).toBe(new TextEncoder().encode(text).length);
      }),
    );
  });
});
