import { type Result, createKmsError, err, ok } from "@keypolicy/core";
import { describe, expect, it } from "vitest";
import { buildStoredKey, type StoredKeyDeps, type StoredKeyInput } from "./stored-key.js";

const UUID = "1234abcd-12ab-34cd-56ef-1234567890ab";
const MATERIAL = "a".repeat(64);
const NOW = 1_700_000_000_000;
const scope = { accountId: "111122223333", region: "us-east-2" };
const CUSTOM_KEY_STORES = "Custom key stores are not supported by this emulator.";
const MULTI_REGION_IMPORTED = "RSA_2048 multi-Region keys cannot have imported key material.";

function deps(preparePolicy: StoredKeyDeps["preparePolicy"] = (text) => ok(`formatted ${text}`)): StoredKeyDeps {
  return {
    clock: { now: () => NOW },
    ids: { keyId: () => UUID, keyMaterialId: () => MATERIAL, randomBytes: (length: number) => new Uint8Array(length) },
    preparePolicy,
  };
}
const build = (input: StoredKeyInput, where = scope, using = deps()) => buildStoredKey(input, where, using);
const refusal = (member: string, name: string, message: string) => ({
  success: false,
  error: { member, error: { name, message } },
});

describe("buildStoredKey", () => {
  it("makes CreateKey's default key: symmetric, Enabled, the default policy, key material, drawn ID", () => {
    const built = build({});
    expect(built).toMatchObject({
      success: true,
      data: {
        ...scope,
        partition: "aws",
        keyId: UUID,
        description: "",
        keySpec: "SYMMETRIC_DEFAULT",
        keyUsage: "ENCRYPT_DECRYPT",
        origin: "AWS_KMS",
        keyState: "Enabled",
        creationDate: NOW,
        multiRegion: false,
        currentKeyMaterialId: MATERIAL,
        tags: [],
      },
    });
    expect(built.success && built.data.policy).toContain('"AWS" : "arn:aws:iam::111122223333:root"');
  });

  it.each([
    ["cn-north-1", "aws-cn"],
    ["us-gov-west-1", "aws-us-gov"],
  ])("takes the partition from the region %s, in the default policy too", (region, partition) => {
    const built = build({}, { accountId: "111122223333", region });
    expect(built.success && built.data.partition).toBe(partition);
    expect(built.success && built.data.policy).toContain(`"arn:${partition}:iam::111122223333:root"`);
  });

  it("draws an mrk- ID for a multi-Region key, and reads multi-Region from a given ID", () => {
    const drawn = `mrk-${UUID.replaceAll("-", "")}`;
    expect(build({ MultiRegion: true })).toMatchObject({ data: { keyId: drawn, multiRegion: true } });
    const given = `mrk-${"b".repeat(32)}`;
    expect(build({ keyId: given })).toMatchObject({ data: { keyId: given, multiRegion: true } });
  });

  it("starts an EXTERNAL key in PendingImport without key material", () => {
    const built = build({ Origin: "EXTERNAL" });
    expect(built).toMatchObject({ data: { keyState: "PendingImport", origin: "EXTERNAL" } });
    expect(built.success && built.data.currentKeyMaterialId).toBeUndefined();
  });

  it("gives a key made in PendingDeletion the default 30-day DeletionDate", () => {
    expect(build({ keyState: "PendingDeletion", creationDate: 5 })).toMatchObject({
      data: {
        keyState: "PendingDeletion",
        creationDate: 5,
        deletionDate: NOW + 30 * 86_400_000,
        pendingDeletionWindowInDays: 30,
      },
    });
  });

  it("checks a given policy for the key's ARN and stores what the check returns", () => {
    const seen: string[] = [];
    const check = (text: string, keyArn: string): Result<string> => {
      seen.push(keyArn);
      return ok(`checked ${text}`);
    };
    expect(build({ Policy: "{}" }, scope, deps(check))).toMatchObject({ data: { policy: "checked {}" } });
    expect(seen).toEqual([`arn:aws:kms:us-east-2:111122223333:key/${UUID}`]);
  });

  it.each<[string, StoredKeyInput, ReturnType<typeof refusal>]>([
    [
      "KeySpec with CustomerMasterKeySpec",
      { KeySpec: "RSA_2048", CustomerMasterKeySpec: "RSA_2048" },
      refusal(
        "CustomerMasterKeySpec",
        "ValidationException",
        "You cannot specify KeySpec and CustomerMasterKeySpec in the same request. " +
          "CustomerMasterKeySpec is deprecated.",
      ),
    ],
    [
      "an HMAC key without KeyUsage",
      { KeySpec: "HMAC_256" },
      refusal(
        "KeyUsage",
        "ValidationException",
        "You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.",
      ),
    ],
    [
      "a CloudHSM key",
      { Origin: "AWS_CLOUDHSM" },
      refusal("Origin", "UnsupportedOperationException", CUSTOM_KEY_STORES),
    ],
    [
      "a custom key store ID",
      { CustomKeyStoreId: "cks-1" },
      refusal("CustomKeyStoreId", "UnsupportedOperationException", CUSTOM_KEY_STORES),
    ],
    [
      "an asymmetric multi-Region key with imported material",
      { KeySpec: "RSA_2048", KeyUsage: "SIGN_VERIFY", Origin: "EXTERNAL", MultiRegion: true },
      refusal("Origin", "UnsupportedOperationException", MULTI_REGION_IMPORTED),
    ],
    [
      "reserved tags",
      { Tags: [{ TagKey: "aws:x", TagValue: "" }] },
      refusal("Tags", "TagException", "Tags beginning with aws: are reserved"),
    ],
  ])("refuses %s, naming the member and CreateKey's error", (_, input, expected) => {
    expect(build(input)).toEqual(expected);
  });

  it("refuses a policy its check refuses", () => {
    const check = () => err(createKmsError("MalformedPolicyDocumentException", "bad"));
    const expected = refusal("Policy", "MalformedPolicyDocumentException", "bad");
    expect(build({ Policy: "{}" }, scope, deps(check))).toEqual(expected);
  });
});
