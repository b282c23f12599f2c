import { OPERATIONS, type OperationName } from "@keypolicy/core";
import { describe, expect, it } from "vitest";
import { AUTHORIZATION_TABLE, memberPermissionsOf, operationOfAction } from "./authorization-table.js";

const operations = Object.keys(OPERATIONS) as OperationName[];

describe("AUTHORIZATION_TABLE", () => {
  it("has a row for every implemented operation, and nothing else", () => {
    expect(Object.keys(AUTHORIZATION_TABLE).sort()).toEqual([...operations].sort());
  });

  it.each(operations)(
    "%s: the action is the operation's, and cross-account use agrees with key resolution",
    (operation) => {
      const row = AUTHORIZATION_TABLE[operation];
      const spec: { action: string; keyIdentifiers?: { crossAccount: boolean } } = OPERATIONS[operation];
      expect(row.action).toBe(spec.action);
      expect(row.crossAccount).toBe(spec.keyIdentifiers?.crossAccount ?? false);
      expect(operationOfAction(row.action)).toBe(operation);
    },
  );

  it.each([
    ["CreateKey", [["*", "iam-policy"]]],
    ["ListKeys", [["*", "iam-policy"]]],
    ["ListAliases", [["*", "iam-policy"]]],
    [
      "CreateAlias",
      [
        ["alias", "iam-policy"],
        ["key", "key-policy"],
      ],
    ],
    [
      "DeleteAlias",
      [
        ["alias", "iam-policy"],
        ["key", "key-policy"],
      ],
    ],
    [
      "UpdateAlias",
      [
        ["alias", "iam-policy"],
        ["current-key", "key-policy"],
        ["key", "key-policy"],
      ],
    ],
    ["GetKeyPolicy", [["key", "key-policy"]]],
    ["TagResource", [["key", "key-policy"]]],
    ["GetKeyRotationStatus", [["key", "key-policy"]]],
    ["EnableKeyRotation", [["key", "key-policy"]]],
    ["DisableKeyRotation", [["key", "key-policy"]]],
    ["RotateKeyOnDemand", [["key", "key-policy"]]],
    ["ListKeyRotations", [["key", "key-policy"]]],
    ["UpdateKeyDescription", [["key", "key-policy"]]],
    ["ReplicateKey", [["key", "key-policy"]]],
    ["UpdatePrimaryRegion", [["key", "key-policy"]]],
  ] as const)("%s is authorized on %j (AWS permissions table)", (operation, expected) => {
    expect(AUTHORIZATION_TABLE[operation].resources.map((r) => [r.resource, r.policyType])).toEqual(expected);
  });

  it("CreateKey with Tags also needs kms:TagResource on every key of the account and Region (IAM policy)", () => {
    const tagResource = {
      member: "Tags",
      action: "kms:TagResource",
      resource: { resource: "all-keys", policyType: "iam-policy" },
    };
    expect(memberPermissionsOf("CreateKey", { Tags: [{ TagKey: "k", TagValue: "v" }] })).toEqual([tagResource]);
    expect(memberPermissionsOf("CreateKey", { Tags: [] })).toEqual([]);
    expect(memberPermissionsOf("CreateKey", {})).toEqual([]);
  });

  it("no other operation needs a permission for a request member", () => {
    expect(operations.filter((operation) => "memberPermissions" in AUTHORIZATION_TABLE[operation])).toEqual([
      "CreateKey",
    ]);
  });

  it("only DescribeKey, GetKeyRotationStatus, the grant operations on a key and the data plane work across accounts", () => {
    expect(operations.filter((operation) => AUTHORIZATION_TABLE[operation].crossAccount)).toEqual([
      "DescribeKey",
      "GetKeyRotationStatus",
      "CreateGrant",
      "ListGrants",
      "RetireGrant",
      "RevokeGrant",
      "Encrypt",
      "Decrypt",
      "ReEncrypt",
      "GenerateDataKey",
      "GenerateDataKeyWithoutPlaintext",
    ]);
  });

  it.each([
    ["kms:GetKeyRotationStatus", "GetKeyRotationStatus"],
    ["kms:EnableKeyRotation", "EnableKeyRotation"],
    ["kms:DisableKeyRotation", "DisableKeyRotation"],
    ["kms:RotateKeyOnDemand", "RotateKeyOnDemand"],
    ["kms:ListKeyRotations", "ListKeyRotations"],
    ["kms:UpdateKeyDescription", "UpdateKeyDescription"],
    ["kms:ReplicateKey", "ReplicateKey"],
    ["kms:UpdatePrimaryRegion", "UpdatePrimaryRegion"],
  ] as const)("authorizes %s for %s", (action, operation) => {
    expect(operationOfAction(action)).toBe(operation);
  });

  it("knows no operation for an action it does not list", () => {
    expect(operationOfAction("kms:Sign")).toBeUndefined();
    expect(operationOfAction("kms:ReEncryptTo")).toBeUndefined();
  });
});
