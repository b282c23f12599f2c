import { describe, expect, it } from "vitest";
import {
  type ConditionKeyRequest,
  type ConditionKeyResource,
  conditionKeysFor,
  principalArnFor,
} from "./condition-keys-for.js";

const ACCOUNT = "111122223333";
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0, 250);
const key: ConditionKeyResource = {
  keyArn: `arn:aws:kms:us-east-2:${ACCOUNT}:key/k`,
  accountId: ACCOUNT,
  keySpec: "RSA_2048",
  keyUsage: "SIGN_VERIFY",
  origin: "EXTERNAL",
  multiRegion: true,
  tags: [{ TagKey: "Project", TagValue: "Alpha" }],
  aliases: ["alias/a", "alias/b"],
};
const base: ConditionKeyRequest = {
  operation: "DescribeKey",
  principal: { principalArn: `arn:aws:iam::${ACCOUNT}:user/ops/alice`, accountId: ACCOUNT },
  region: "us-east-2",
  now: NOW,
  secureTransport: true,
  resource: { kind: "key", key },
};

describe("conditionKeysFor", () => {
  it("gives every request the global keys, and a key's properties, tags and aliases", () => {
    expect(conditionKeysFor({ ...base, sourceIp: "192.0.2.7", requestAlias: "alias/a" })).toEqual({
      "aws:CurrentTime": "2026-01-15T12:00:00Z",
      "aws:EpochTime": String(Math.floor(NOW / 1000)),
      "aws:PrincipalArn": `arn:aws:iam::${ACCOUNT}:user/ops/alice`,
      "aws:PrincipalAccount": ACCOUNT,
      "aws:PrincipalType": "User",
      "aws:username": "alice",
      "aws:RequestedRegion": "us-east-2",
      "aws:SecureTransport": "true",
      "aws:SourceIp": "192.0.2.7",
      "aws:ResourceAccount": ACCOUNT,
      "kms:CallerAccount": ACCOUNT,
      "kms:RequestAlias": "alias/a",
      "aws:ResourceTag/Project": "Alpha",
      "kms:ResourceAliases": ["alias/a", "alias/b"],
      "kms:KeySpec": "RSA_2048",
      "kms:KeyUsage": "SIGN_VERIFY",
      "kms:KeyOrigin": "EXTERNAL",
      "kms:MultiRegion": "true",
    });
  });

  it.each([
    ["the root", `arn:aws:iam::${ACCOUNT}:root`, {}, { "aws:PrincipalType": "Account", "aws:userid": ACCOUNT }],
    [
      "a user with a unique ID",
      `arn:aws:iam::${ACCOUNT}:user/bob`,
      { userId: "AIDAEXAMPLE" },
      { "aws:PrincipalType": "User", "aws:username": "bob", "aws:userid": "AIDAEXAMPLE" },
    ],
    [
      "a role session",
      `arn:aws:sts::${ACCOUNT}:assumed-role/Admin/s1`,
      {},
      { "aws:PrincipalType": "AssumedRole", "aws:PrincipalArn": `arn:aws:iam::${ACCOUNT}:role/Admin` },
    ],
    [
      "a role session with its role's path",
      `arn:aws:sts::${ACCOUNT}:assumed-role/Admin/s1`,
      { roleArn: `arn:aws:iam::${ACCOUNT}:role/team/Admin`, userId: "AROAEXAMPLE:s1" },
      {
        "aws:PrincipalType": "AssumedRole",
        "aws:PrincipalArn": `arn:aws:iam::${ACCOUNT}:role/team/Admin`,
        "aws:userid": "AROAEXAMPLE:s1",
      },
    ],
  ])("describes %s", (_name, principalArn, extra, expected) => {
    const keys = conditionKeysFor({ ...base, principal: { principalArn, accountId: ACCOUNT, ...extra } });
    expect(keys).toMatchObject(expected);
    if (!principalArn.includes(":user/")) expect(keys["aws:username"]).toBeUndefined();
    if (principalArn.includes("assumed-role") && !("userId" in extra)) expect(keys["aws:userid"]).toBeUndefined();
  });

  it("gives CreateKey the request's key properties, defaults included, its tags and the bypass flag", () => {
    const create = { ...base, operation: "CreateKey", resource: { kind: "none" } } as const;
    expect(conditionKeysFor(create)).toMatchObject({
      "kms:KeySpec": "SYMMETRIC_DEFAULT",
      "kms:KeyUsage": "ENCRYPT_DECRYPT",
      "kms:KeyOrigin": "AWS_KMS",
      "kms:MultiRegion": "false",
      "kms:BypassPolicyLockoutSafetyCheck": "false",
      "aws:ResourceAccount": ACCOUNT,
    });
    const keys = conditionKeysFor({
      ...create,
      parameters: {
        KeySpec: "HMAC_256",
        KeyUsage: "GENERATE_VERIFY_MAC",
        MultiRegion: true,
        BypassPolicyLockoutSafetyCheck: true,
        Tags: [
          { TagKey: "a", TagValue: "1" },
          { TagKey: "b", TagValue: "2" },
        ],
      },
    });
    expect(keys).toMatchObject({
      "kms:KeySpec": "HMAC_256",
      "kms:KeyUsage": "GENERATE_VERIFY_MAC",
      "kms:MultiRegion": "true",
      "kms:BypassPolicyLockoutSafetyCheck": "true",
      "aws:RequestTag/a": "1",
      "aws:RequestTag/b": "2",
      "aws:TagKeys": ["a", "b"],
    });
    expect(keys["kms:ResourceAliases"]).toBeUndefined();
  });

  it.each([
    ["TagResource", { Tags: [{ TagKey: "x", TagValue: "y" }] }, { "aws:RequestTag/x": "y", "aws:TagKeys": ["x"] }],
    ["UntagResource", { TagKeys: ["x", "z"] }, { "aws:TagKeys": ["x", "z"] }],
    ["PutKeyPolicy", { BypassPolicyLockoutSafetyCheck: true }, { "kms:BypassPolicyLockoutSafetyCheck": "true" }],
    ["EnableKeyRotation", { RotationPeriodInDays: 180 }, { "kms:RotationPeriodInDays": "180" }],
    ["ReplicateKey", { ReplicaRegion: "eu-west-1" }, { "kms:ReplicaRegion": "eu-west-1" }],
    ["UpdatePrimaryRegion", { PrimaryRegion: "eu-west-1" }, { "kms:PrimaryRegion": "eu-west-1" }],
  ] as const)("gives %s its request keys", (operation, parameters, expected) => {
    expect(conditionKeysFor({ ...base, operation, parameters })).toMatchObject(expected);
  });

  it("leaves out request keys other operations do not have", () => {
    const keys = conditionKeysFor({
      ...base,
      parameters: { Tags: [{ TagKey: "x", TagValue: "y" }], BypassPolicyLockoutSafetyCheck: true },
    });
    expect(keys["aws:RequestTag/x"]).toBeUndefined();
    expect(keys["aws:TagKeys"]).toBeUndefined();
    expect(
      conditionKeysFor({ ...base, parameters: { RotationPeriodInDays: 90 } })["kms:RotationPeriodInDays"],
    ).toBeUndefined();
    expect(conditionKeysFor({ ...base, operation: "EnableKeyRotation" })["kms:RotationPeriodInDays"]).toBeUndefined();
    expect(keys["kms:BypassPolicyLockoutSafetyCheck"]).toBeUndefined();
  });

  it("gives an alias resource its account and no key properties", () => {
    const keys = conditionKeysFor({
      ...base,
      operation: "DeleteAlias",
      resource: { kind: "alias", accountId: ACCOUNT },
      secureTransport: false,
    });
    expect(keys).toMatchObject({ "aws:ResourceAccount": ACCOUNT, "aws:SecureTransport": "false" });
    expect(keys["kms:KeySpec"]).toBeUndefined();
  });
});

describe("principalArnFor", () => {
  it.each([
    [`arn:aws:iam::${ACCOUNT}:user/alice`, undefined, `arn:aws:iam::${ACCOUNT}:user/alice`],
    [`arn:aws-cn:sts::${ACCOUNT}:assumed-role/R/s`, undefined, `arn:aws-cn:iam::${ACCOUNT}:role/R`],
    [
      `arn:aws:sts::${ACCOUNT}:assumed-role/R/s`,
      `arn:aws:iam::${ACCOUNT}:role/a/b/R`,
      `arn:aws:iam::${ACCOUNT}:role/a/b/R`,
    ],
  ])("%s (role ARN %s) is %s", (principalArn, roleArn, expected) => {
    expect(principalArnFor({ principalArn, accountId: ACCOUNT, ...(roleArn === undefined ? {} : { roleArn }) })).toBe(
      expected,
    );
  });
});
