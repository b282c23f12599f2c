import { describe, expect, it } from "vitest";
import { canonicalEncryptionContext, openCiphertext, parseCiphertext, sealCiphertext } from "./ciphertext-format.js";

const ARN = "arn:aws:kms:us-east-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const MATERIAL = "ab".repeat(32);
const secret = new Uint8Array(32).fill(7);
let counter = 0;
const ids = { randomBytes: (n: number) => Uint8Array.from({ length: n }, () => ++counter & 0xff) };
const plaintext = new TextEncoder().encode("attack at dawn");

async function seal(context?: Record<string, string>) {
  return sealCiphertext({ keyArn: ARN, keyMaterialId: MATERIAL, secret, plaintext, encryptionContext: context, ids });
}

describe("the ciphertext blob [DEC]", () => {
  it("names its key ARN and key material, and opens with the same secret and context", async () => {
    const blob = await seal({ b: "2", a: "1" });
    const parsed = parseCiphertext(blob);
    expect(parsed?.keyArn).toBe(ARN);
    expect(parsed?.keyMaterialId).toBe(MATERIAL);
    expect(await openCiphertext(parsed as NonNullable<typeof parsed>, secret, { a: "1", b: "2" })).toEqual(plaintext);
  });

  it("fails to open with another context, another secret, or with any byte after the header changed", async () => {
    const blob = await seal({ a: "1" });
    const parsed = parseCiphertext(blob) as NonNullable<ReturnType<typeof parseCiphertext>>;
    expect(await openCiphertext(parsed, secret, { a: "2" })).toBeUndefined();
    expect(await openCiphertext(parsed, secret, undefined)).toBeUndefined();
    expect(await openCiphertext(parsed, new Uint8Array(32).fill(8), { a: "1" })).toBeUndefined();
    for (let i = 4 + ARN.length; i < blob.length; i++) {
      const tampered = blob.slice();
      tampered[i] = (tampered[i] as number) ^ 0x01;
      const again = parseCiphertext(tampered);
      if (again === undefined) continue;
      expect(await openCiphertext(again, secret, { a: "1" }), `byte ${i}`).toBeUndefined();
    }
  });

  it("refuses to parse what it did not make: short, other magic, truncated", async () => {
    const blob = await seal();
    expect(parseCiphertext(new Uint8Array([1, 2, 3]))).toBeUndefined();
    expect(parseCiphertext(Uint8Array.from([0, ...blob.subarray(1)]))).toBeUndefined();
    expect(parseCiphertext(blob.subarray(0, blob.length - 20))).toBeUndefined();
  });

  it("binds the context as a set of pairs: member order does not matter, values and keys do", () => {
    expect(canonicalEncryptionContext({ a: "1", b: "2" })).toEqual(canonicalEncryptionContext({ b: "2", a: "1" }));
    expect(canonicalEncryptionContext({ a: "1" })).not.toEqual(canonicalEncryptionContext({ A: "1" }));
    expect(canonicalEncryptionContext(undefined)).toEqual(canonicalEncryptionContext({}));
  });
});
