import { describe, expect, it } from "vitest";
import { OPERATIONS, isOperationName } from "./operations.js";
import { validateRequest } from "./validation.js";

const entries = Object.entries(OPERATIONS);

describe("OPERATIONS", () => {
  it.each(entries)("authorizes %s with the IAM action of the same name", (name, spec) => {
    expect(spec.action).toBe(`kms:${name}`);
  });

  it.each(["GetKeyPolicy", "PutKeyPolicy", "ListKeyPolicies"] as const)(
    "lets %s resolve aliases but not use keys of other accounts",
    (name) => {
      expect(OPERATIONS[name].keyIdentifiers).toEqual({ aliases: true, crossAccount: false });
    },
  );

  it("lets DescribeKey use keys of other accounts", () => {
    expect(OPERATIONS.DescribeKey.keyIdentifiers).toEqual({ aliases: true, crossAccount: true });
  });

  it.each(["CreateAlias", "UpdateAlias"] as const)("does not let %s target a key through an alias", (name) => {
    expect(OPERATIONS[name].keyIdentifiers.aliases).toBe(false);
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

  it.each(["DoesNotExist", "getKeyPolicy", "Encrypt", "toString", "__proto__", ""])("does not know %j", (name) => {
    expect(isOperationName(name)).toBe(false);
  });
});
