import { describe, expect, it } from "vitest";
import { applySeed, createMemoryStore, parseSeed } from "../src/index.js";

const KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
const seedKey = (key: Record<string, unknown>) => parseSeed({ keys: [{ KeyId: KEY_ID, ...key }] });

describe("seed keys follow CreateKey's and CreateAlias's rules", () => {
  it.each([
    [
      "a custom key store origin",
      { Origin: "AWS_CLOUDHSM" },
      "keys[0].Origin",
      "Custom key stores are not supported by this emulator. " +
        "(CreateKey would answer UnsupportedOperationException)",
    ],
    [
      "an asymmetric multi-Region key with imported material",
      { KeyId: `mrk-${"a".repeat(32)}`, KeySpec: "RSA_2048", KeyUsage: "SIGN_VERIFY", Origin: "EXTERNAL" },
      "keys[0].Origin",
      "RSA_2048 multi-Region keys cannot have imported key material. " +
        "(CreateKey would answer UnsupportedOperationException)",
    ],
    [
      "a policy that is not a JSON object",
      { Policy: "[]" },
      "keys[0].Policy",
      "must be a JSON object (or its text) (CreateKey would answer MalformedPolicyDocumentException)",
    ],
    [
      "an alias under alias/aws/",
      { Aliases: ["alias/aws/s3"] },
      "keys[0].Aliases[0]",
      "Alias alias/aws/s3 cannot be used: the alias/aws/ prefix is reserved for AWS managed keys. " +
        "(CreateAlias would answer InvalidAliasNameException)",
    ],
  ])("refuses %s with the operation's text", (_, key, path, message) => {
    expect(seedKey(key)).toEqual({ success: false, error: [{ path, message }] });
  });

  it("refuses a multi-Region key ID in two regions of one account: a seed makes primaries, ReplicateKey replicas", () => {
    const KeyId = `mrk-${"b".repeat(32)}`;
    expect(
      parseSeed({
        keys: [
          { KeyId, Region: "us-east-1" },
          { KeyId, Region: "eu-west-1" },
        ],
      }),
    ).toEqual({
      success: false,
      error: [
        {
          path: "keys[1].KeyId",
          message:
            "repeats the multi-Region KeyId of keys[0] in another region of the same account: seed the primary only, and make replicas with ReplicateKey",
        },
      ],
    });
    const accounts = [
      { KeyId, AccountId: "111122223333", Region: "us-east-1" },
      { KeyId, AccountId: "444455556666", Region: "eu-west-1" },
    ];
    expect(parseSeed({ keys: accounts }).success).toBe(true);
  });

  it("makes a key in the partition of its region, as CreateKey does", async () => {
    const store = createMemoryStore();
    const ids = {
      keyId: () => KEY_ID,
      requestId: () => "r",
      keyMaterialId: () => "0".repeat(64),
      grantId: () => "1".repeat(64),
      randomBytes: (length: number) => new Uint8Array(length),
    };
    const seed = seedKey({ Region: "cn-north-1" });
    if (!seed.success) throw new Error("seed should be valid");
    const defaults = { accountId: "111122223333", region: "us-east-1" };
    await applySeed(store, seed.data, defaults, { clock: { now: () => 0 }, ids });
    const key = await store.getKey({ accountId: "111122223333", region: "cn-north-1" }, KEY_ID);
    expect(key).toMatchObject({ partition: "aws-cn", keyState: "Enabled", currentKeyMaterialId: "0".repeat(64) });
    expect(key?.policy).toContain('"arn:aws-cn:iam::111122223333:root"');
  });
});
