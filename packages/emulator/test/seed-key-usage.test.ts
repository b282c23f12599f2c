import { describe, expect, it } from "vitest";
import { parseSeed } from "../src/index.js";

const KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
const seedKey = (key: Record<string, unknown>) => parseSeed({ keys: [{ KeyId: KEY_ID, ...key }] });

describe("seed keys follow CreateKey's KeyUsage rule", () => {
  it.each(["RSA_2048", "ECC_NIST_P256", "HMAC_256", "SM2"])(
    "refuses KeySpec %s without KeyUsage, with CreateKey's text",
    (KeySpec) => {
      expect(seedKey({ KeySpec })).toEqual({
        success: false,
        error: [
          {
            path: "keys[0].KeyUsage",
            message:
              "You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys. (CreateKey would answer ValidationException)",
          },
        ],
      });
    },
  );

  it("refuses a KeyUsage the KeySpec does not allow, with CreateKey's text", () => {
    expect(seedKey({ KeySpec: "HMAC_256", KeyUsage: "ENCRYPT_DECRYPT" })).toEqual({
      success: false,
      error: [
        {
          path: "keys[0].KeyUsage",
          message:
            "KeyUsage ENCRYPT_DECRYPT is not compatible with KeySpec HMAC_256 (CreateKey would answer ValidationException)",
        },
      ],
    });
  });

  it.each([
    [{}, "ENCRYPT_DECRYPT"],
    [{ KeySpec: "SYMMETRIC_DEFAULT" }, "ENCRYPT_DECRYPT"],
    [{ KeySpec: "RSA_2048", KeyUsage: "SIGN_VERIFY" }, "SIGN_VERIFY"],
  ])("accepts %j", (key, usage) => {
    const parsed = seedKey(key);
    expect(parsed.success).toBe(true);
    if (parsed.success) expect(parsed.data.keys[0]?.KeyUsage ?? "ENCRYPT_DECRYPT").toBe(usage);
  });
});
