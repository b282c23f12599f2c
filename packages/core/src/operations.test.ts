import { describe, expect, it } from "vitest";
import { OPERATIONS, type OperationName, isOperationName } from "./operations.js";
import { KEY_STATES, type KeyState } from "./shapes/common.js";
import { validateRequest } from "./validation.js";

const entries = Object.entries(OPERATIONS);

const TAGS_AND_ALIASES: readonly KeyState[] = [
  "Creating",
  "Enabled",
  "Disabled",
  "PendingImport",
  "Unavailable",
  "Updating",
];

/**
 * The key states each operation proceeds in, one row per operation (a missing row fails to compile), copied from
 * AWS's key-state table [DOC https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html]; `undefined` for
 * operations on no key.
 */
const ACCEPTED_STATES: Record<OperationName, readonly KeyState[] | undefined> = {
  GetKeyPolicy: KEY_STATES,
  PutKeyPolicy: KEY_STATES,
  ListKeyPolicies: KEY_STATES,
  CreateKey: undefined,
  DescribeKey: KEY_STATES,
  ListKeys: undefined,
  EnableKey: ["Enabled", "Disabled"],
  DisableKey: ["Enabled", "Disabled"],
  ScheduleKeyDeletion: ["Enabled", "Disabled", "PendingImport", "Unavailable"],
  CancelKeyDeletion: ["PendingDeletion", "PendingReplicaDeletion"],
  CreateAlias: TAGS_AND_ALIASES,
  UpdateAlias: TAGS_AND_ALIASES,
  DeleteAlias: KEY_STATES,
  ListAliases: KEY_STATES,
  TagResource: TAGS_AND_ALIASES,
  UntagResource: TAGS_AND_ALIASES,
  ListResourceTags: KEY_STATES,
  GetKeyRotationStatus: KEY_STATES,
  EnableKeyRotation: ["Enabled", "PendingImport"],
  DisableKeyRotation: ["Enabled", "PendingImport"],
  RotateKeyOnDemand: ["Enabled"],
  ListKeyRotations: KEY_STATES,
  UpdateKeyDescription: TAGS_AND_ALIASES,
  ReplicateKey: ["Enabled", "Disabled", "PendingImport"],
  UpdatePrimaryRegion: ["Enabled", "Disabled", "PendingImport"],
  CreateGrant: ["Enabled", "Disabled", "PendingImport"],
  ListGrants: KEY_STATES,
  ListRetirableGrants: undefined,
  RetireGrant: KEY_STATES,
  RevokeGrant: KEY_STATES,
  Encrypt: ["Enabled"],
  Decrypt: ["Enabled"],
  ReEncrypt: ["Enabled"],
  GenerateDataKey: ["Enabled"],
  GenerateDataKeyWithoutPlaintext: ["Enabled"],
  GenerateRandom: undefined,
};

describe("OPERATIONS", () => {
  it.each(entries.filter(([name]) => name !== "ReEncrypt"))(
    "authorizes %s with the IAM action of the same name",
    (name, spec) => {
      expect(spec.action).toBe(`kms:${name}`);
    },
  );

  it("authorizes ReEncrypt as kms:ReEncryptFrom on its source key (kms:ReEncryptTo is the handler's second check)", () => {
    expect(OPERATIONS.ReEncrypt.action).toBe("kms:ReEncryptFrom");
  });

  it.each(["GetKeyPolicy", "PutKeyPolicy", "ListKeyPolicies"] as const)(
    "lets %s resolve aliases but not use keys of other accounts",
    (name) => {
      expect(OPERATIONS[name].keyIdentifiers).toEqual({ aliases: true, crossAccount: false });
    },
  );

  it.each(["DescribeKey", "GetKeyRotationStatus"] as const)("lets %s use keys of other accounts", (name) => {
    expect(OPERATIONS[name].keyIdentifiers).toEqual({ aliases: true, crossAccount: true });
  });

  it.each([
    "EnableKeyRotation",
    "DisableKeyRotation",
    "RotateKeyOnDemand",
    "ListKeyRotations",
    "UpdateKeyDescription",
  ] as const)("lets %s resolve aliases but not use keys of other accounts", (name) => {
    expect(OPERATIONS[name].keyIdentifiers).toEqual({ aliases: true, crossAccount: false });
  });

  it.each([
    [
      89,
      "Value '89' at 'rotationPeriodInDays' failed to satisfy constraint: Member must have value greater than or equal to 90",
    ],
    [
      2561,
      "Value '2561' at 'rotationPeriodInDays' failed to satisfy constraint: Member must have value less than or equal to 2560",
    ],
  ])("refuses RotationPeriodInDays %d with Coral's range text", (days, violation) => {
    const result = validateRequest(OPERATIONS.EnableKeyRotation.input, { KeyId: "k", RotationPeriodInDays: days });
    expect(result).toEqual({
      success: false,
      error: { name: "ValidationException", message: `1 validation error detected: ${violation}` },
    });
  });

  it.each([
    ["ReplicateKey", { KeyId: "k", ReplicaRegion: "not_a_region" }, "replicaRegion"],
    ["UpdatePrimaryRegion", { KeyId: "k", PrimaryRegion: "useast1" }, "primaryRegion"],
  ] as const)("refuses a %s Region that is not a Region ID with the model's pattern", (name, input, member) => {
    const result = validateRequest(OPERATIONS[name].input, input);
    expect(!result.success && result.error.message).toContain(
      `at '${member}' failed to satisfy constraint: Member must satisfy regular expression pattern: ^([a-z]+-){2,3}\\d+$`,
    );
    expect(
      validateRequest(OPERATIONS[name].input, {
        ...input,
        [member === "replicaRegion" ? "ReplicaRegion" : "PrimaryRegion"]: "ap-southeast-2",
      }).success,
    ).toBe(true);
  });

  it("requires Description on UpdateKeyDescription and takes an empty one", () => {
    const missing = validateRequest(OPERATIONS.UpdateKeyDescription.input, { KeyId: "k" });
    expect(!missing.success && missing.error.message).toContain(
      "Value null at 'description' failed to satisfy constraint: Member must not be null",
    );
    expect(validateRequest(OPERATIONS.UpdateKeyDescription.input, { KeyId: "k", Description: "" }).success).toBe(true);
  });

  it.each(["CreateAlias", "UpdateAlias"] as const)("does not let %s target a key through an alias", (name) => {
    expect(OPERATIONS[name].keyIdentifiers.aliases).toBe(false);
  });

  it.each(entries)("lets %s proceed in the key states of AWS's key-state table", (name, spec) => {
    expect("keyStates" in spec ? spec.keyStates : undefined).toEqual(ACCEPTED_STATES[name as OperationName]);
  });

  it.each(entries)("names no key state twice or unknown for %s", (_name, spec) => {
    const states: readonly string[] = "keyStates" in spec ? spec.keyStates : [];
    expect(new Set(states).size).toBe(states.length);
    for (const state of states) expect(KEY_STATES).toContain(state);
  });

  it.each(entries)("gives %s key states exactly when it acts on a key", (name, spec) => {
    expect("keyStates" in spec).toBe("keyIdentifiers" in spec || name === "DeleteAlias");
  });

  it.each(["CreateKey", "ListKeys"] as const)("accepts an empty request for %s", (name) => {
    expect(validateRequest(OPERATIONS[name].input, {})).toEqual({ success: true, data: {} });
  });

  it.each([
    "GetKeyPolicy",
    "PutKeyPolicy",
    "ListKeyPolicies",
    "DescribeKey",
    "EnableKey",
    "DisableKey",
    "ScheduleKeyDeletion",
    "CancelKeyDeletion",
    "TagResource",
    "UntagResource",
    "ListResourceTags",
    "GetKeyRotationStatus",
    "EnableKeyRotation",
    "DisableKeyRotation",
    "RotateKeyOnDemand",
    "ListKeyRotations",
    "UpdateKeyDescription",
  ] as const)("requires KeyId on %s", (name) => {
    const result = validateRequest(OPERATIONS[name].input, {});
    expect(result.success).toBe(false);
    expect(!result.success && result.error.message).toContain(
      "Value null at 'keyId' failed to satisfy constraint: Member must not be null",
    );
  });
});

describe("isOperationName", () => {
  it.each(entries.map(([name]) => name))("knows %s", (name) => {
    expect(isOperationName(name)).toBe(true);
  });

  it.each(["DoesNotExist", "getKeyPolicy", "Sign", "toString", "__proto__", ""])("does not know %j", (name) => {
    expect(isOperationName(name)).toBe(false);
  });
});
