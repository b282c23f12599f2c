import { describe, expect, it } from "vitest";
import { base64ToBytes, bytesToBase64 } from "./base64.js";

describe("base64", () => {
  it("round-trips every length from 0 to 40 bytes as Node's Buffer encodes them", () => {
    for (let n = 0; n <= 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
      const text = bytesToBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString("base64"));
      expect(base64ToBytes(text)).toEqual(bytes);
    }
  });

  it("refuses text that is not padded base64", () => {
    for (const text of ["abc", "a===", "ab=c", "@@@@", "YWJj\n"]) expect(base64ToBytes(text)).toBeUndefined();
  });
});
