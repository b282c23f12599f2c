import { describe, expect, it } from "vitest";
import type { Identity } from "../../src/app/auth/identities.js";
import { createEmulatorApp } from "../../src/app/create-app.js";
import { createMemoryStore } from "../../src/store/memory.js";
import { answer, manualClock, sequentialIds, signedRequest } from "./helpers.js";

// Every condition key the emulator supplies, through real signed requests: a policy conditioned on the right value
// allows and one on a wrong value does not; a Deny conditioned on the right value refuses and one on a wrong value
// does not. A key supplied with a wrong value, or not at all, fails one of the four.

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const ACCOUNT = "111122223333";
const REGION = "us-east-2";
const ROOT = `arn:aws:iam::${ACCOUNT}:root`;

function user(name: string, extra: Partial<Identity> = {}): Identity {
  return {
    accessKeyId: `AKIA${name.toUpperCase().padEnd(16, "0")}`,
    secretAccessKey: `${name}-secret`,
    accountId: ACCOUNT,
    partition: "aws",
    principalArn: `arn:aws:iam::${ACCOUNT}:user/${name}`,
    ...extra,
  };
}
const root: Identity = { ...user("root"), principalArn: ROOT };
const admin = user("admin");
const withUserId = user("uid", { userId: "AIDAEXAMPLEUSERID" });
const session = user("session", {
  principalArn: `arn:aws:sts::${ACCOUNT}:assumed-role/Ops/s1`,
  userId: "AROAEXAMPLEROLEID:s1",
});

type Value = string | readonly string[];
const document = (...statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const when = (operator: string, key: string, value: Value) => ({ [operator]: { [key]: value } });

/** One condition key on one operation. `key-policy` cases condition the key's policy, `identity-policy` the caller's. */
interface Case {
  readonly key: string;
  readonly operator: string;
  readonly right: Value;
  readonly wrong: Value;
  readonly operation: string;
  readonly policy: "key-policy" | "identity-policy";
  readonly caller?: Identity;
  /** CreateKey members of the key the request is about (tags, key spec, …). */
  readonly keyOptions?: object;
  readonly alias?: string;
  readonly request: (keyId: string) => object;
  readonly sourceIp?: string;
}

const describeKey = (keyId: string) => ({ KeyId: keyId });
const keyCase = (key: string, operator: string, right: Value, wrong: Value, extra: Partial<Case> = {}): Case => ({
  key,
  operator,
  right,
  wrong,
  operation: "DescribeKey",
  policy: "key-policy",
  request: describeKey,
  ...extra,
});
const createKeyCase = (key: string, operator: string, right: Value, wrong: Value, request: object): Case => ({
  key,
  operator,
  right,
  wrong,
  operation: "CreateKey",
  policy: "identity-policy",
  request: () => request,
});

const CASES: readonly Case[] = [
  keyCase("aws:PrincipalType", "StringEquals", "User", "AssumedRole"),
  keyCase("aws:PrincipalType", "StringEquals", "AssumedRole", "User", { caller: session }),
  keyCase("aws:PrincipalType", "StringEquals", "Account", "User", { caller: root }),
  keyCase("aws:userid", "StringEquals", "AIDAEXAMPLEUSERID", "AIDAOTHER", { caller: withUserId }),
  keyCase("aws:userid", "StringEquals", "AROAEXAMPLEROLEID:s1", "AROAEXAMPLEROLEID:s2", { caller: session }),
  keyCase("aws:userid", "StringEquals", ACCOUNT, "444455556666", { caller: root }),
  keyCase("aws:username", "StringEquals", "admin", "root"),
  keyCase(
    "aws:PrincipalArn",
    "ArnEquals",
    `arn:aws:iam::${ACCOUNT}:role/Ops`,
    `arn:aws:sts::${ACCOUNT}:assumed-role/Ops/s1`,
    { caller: session },
  ),
  keyCase("aws:PrincipalAccount", "StringEquals", ACCOUNT, "444455556666"),
  keyCase("aws:ResourceAccount", "StringEquals", ACCOUNT, "444455556666"),
  keyCase("aws:RequestedRegion", "StringEquals", REGION, "us-east-1"),
  keyCase("aws:SecureTransport", "Bool", "true", "false"),
  keyCase("aws:SourceIp", "IpAddress", "192.0.2.0/24", "198.51.100.0/24", { sourceIp: "192.0.2.7" }),
  keyCase("aws:CurrentTime", "DateLessThan", "2026-01-15T12:00:01Z", "2026-01-15T11:59:59Z"),
  keyCase("aws:EpochTime", "NumericEquals", String(NOW / 1000), String(NOW / 1000 + 1)),
  keyCase("kms:CallerAccount", "StringEquals", ACCOUNT, "444455556666"),
  keyCase("aws:ResourceTag/Project", "StringEquals", "Alpha", "Beta", {
    keyOptions: { Tags: [{ TagKey: "Project", TagValue: "Alpha" }] },
  }),
  keyCase("kms:ResourceAliases", "ForAnyValue:StringEquals", ["alias/app"], ["alias/other"], { alias: "alias/app" }),
  keyCase("kms:RequestAlias", "StringEquals", "alias/app", "alias/other", {
    alias: "alias/app",
    request: () => ({ KeyId: "alias/app" }),
  }),
  keyCase("kms:KeySpec", "StringEquals", "RSA_2048", "SYMMETRIC_DEFAULT", {
    keyOptions: { KeySpec: "RSA_2048", KeyUsage: "SIGN_VERIFY" },
  }),
  keyCase("kms:KeyUsage", "StringEquals", "SIGN_VERIFY", "ENCRYPT_DECRYPT", {
    keyOptions: { KeySpec: "RSA_2048", KeyUsage: "SIGN_VERIFY" },
  }),
  keyCase("kms:KeyOrigin", "StringEquals", "EXTERNAL", "AWS_KMS", { keyOptions: { Origin: "EXTERNAL" } }),
  keyCase("kms:MultiRegion", "Bool", "true", "false", { keyOptions: { MultiRegion: true } }),
  keyCase("kms:BypassPolicyLockoutSafetyCheck", "Bool", "true", "false", {
    operation: "PutKeyPolicy",
    request: (keyId) => ({
      KeyId: keyId,
      Policy: document({ Effect: "Allow", Principal: { AWS: ROOT }, Action: "kms:*", Resource: "*" }),
      BypassPolicyLockoutSafetyCheck: true,
    }),
  }),
  keyCase("aws:RequestTag/Env", "StringEquals", "prod", "dev", {
    operation: "TagResource",
    request: (keyId) => ({ KeyId: keyId, Tags: [{ TagKey: "Env", TagValue: "prod" }] }),
  }),
  keyCase("aws:TagKeys", "ForAllValues:StringEquals", ["Env"], ["Other"], {
    operation: "TagResource",
    request: (keyId) => ({ KeyId: keyId, Tags: [{ TagKey: "Env", TagValue: "prod" }] }),
  }),
  keyCase("aws:TagKeys", "ForAnyValue:StringEquals", ["Env"], ["Other"], {
    operation: "UntagResource",
    request: (keyId) => ({ KeyId: keyId, TagKeys: ["Env"] }),
  }),
  createKeyCase("kms:KeySpec", "StringEquals", "SYMMETRIC_DEFAULT", "RSA_2048", {}),
  createKeyCase("kms:KeySpec", "StringEquals", "ECC_NIST_P256", "SYMMETRIC_DEFAULT", {
    KeySpec: "ECC_NIST_P256",
    KeyUsage: "SIGN_VERIFY",
  }),
  createKeyCase("kms:KeyUsage", "StringEquals", "ENCRYPT_DECRYPT", "SIGN_VERIFY", {}),
  createKeyCase("kms:KeyOrigin", "StringEquals", "EXTERNAL", "AWS_KMS", { Origin: "EXTERNAL" }),
  createKeyCase("kms:MultiRegion", "Bool", "false", "true", {}),
  createKeyCase("kms:BypassPolicyLockoutSafetyCheck", "Bool", "false", "true", {}),
  createKeyCase("aws:RequestTag/Team", "StringEquals", "blue", "red", { Tags: [{ TagKey: "Team", TagValue: "blue" }] }),
  createKeyCase("aws:TagKeys", "ForAllValues:StringEquals", ["Team"], ["Other"], {
    Tags: [{ TagKey: "Team", TagValue: "blue" }],
  }),
];

/** The four policies of a case: Allow if right / if wrong, Deny if right / if wrong. */
function policies(
  c: Case,
  value: Value,
  effect: "Allow" | "Deny",
): { keyPolicy?: string; identityPolicies?: string[] } {
  const condition = when(c.operator, c.key, value);
  if (c.policy === "identity-policy") {
    // CreateKey with Tags needs kms:TagResource as well (authorization table); the condition applies to both.
    const action = c.operation === "CreateKey" ? ["kms:CreateKey", "kms:TagResource"] : `kms:${c.operation}`;
    const statement = { Effect: effect, Action: action, Resource: "*", Condition: condition };
    return {
      identityPolicies: [
        effect === "Allow"
          ? document(statement)
          : document({ Effect: "Allow", Action: "kms:*", Resource: "*" }, statement),
      ],
    };
  }
  const statement = { Effect: effect, Principal: "*", Action: "kms:*", Resource: "*", Condition: condition };
  return {
    keyPolicy:
      effect === "Allow"
        ? document(statement)
        : document({ Effect: "Allow", Principal: "*", Action: "kms:*", Resource: "*" }, statement),
  };
}

async function run(c: Case, value: Value, effect: "Allow" | "Deny") {
  const { keyPolicy, identityPolicies } = policies(c, value, effect);
  const caller: Identity = identityPolicies ? user("caller", { identityPolicies }) : (c.caller ?? admin);
  const store = createMemoryStore();
  const app = createEmulatorApp({
    store,
    clock: manualClock(NOW),
    ids: sequentialIds(),
    config: {
      enforceKeyPolicies: true,
      auth: { mode: "sigv4", identities: [root, ...(caller === root ? [] : [caller])] },
    },
    ...(c.sourceIp === undefined ? {} : { sourceIp: () => c.sourceIp }),
  });
  const call = async (identity: Identity, operation: string, body: object) =>
    answer(
      await app.fetch(
        await signedRequest({ identity, operation, body: JSON.stringify(body), date: NOW, region: REGION }),
      ),
    );
  const created = await call(root, "CreateKey", {
    ...c.keyOptions,
    ...(keyPolicy === undefined ? {} : { Policy: keyPolicy, BypassPolicyLockoutSafetyCheck: true }),
  });
  expect(created.status).toBe(200);
  const keyId = (created.body as { KeyMetadata: { KeyId: string } }).KeyMetadata.KeyId;
  if (c.alias)
    await store.createAlias({
      accountId: ACCOUNT,
      region: REGION,
      aliasName: c.alias,
      targetKeyId: keyId,
      creationDate: NOW,
      lastUpdatedDate: NOW,
    });
  const result = await call(caller, c.operation, c.request(keyId));
  if (result.status === 200) return "allowed";
  const type = (result.body as { __type?: string } | undefined)?.__type;
  return type === "AccessDeniedException" ? "denied" : type;
}

describe.each(CASES)("$key on $operation ($operator)", (c) => {
  it("an Allow conditioned on the value the request has allows it", async () => {
    expect(await run(c, c.right, "Allow")).toBe("allowed");
  });
  it("an Allow conditioned on another value does not", async () => {
    expect(await run(c, c.wrong, "Allow")).toBe("denied");
  });
  it("a Deny conditioned on the value the request has refuses it", async () => {
    expect(await run(c, c.right, "Deny")).toBe("denied");
  });
  it("a Deny conditioned on another value does not", async () => {
    expect(await run(c, c.wrong, "Deny")).toBe("allowed");
  });
});

describe("keys AWS supplies only for some callers or operations", () => {
  it.each([
    ["aws:username, for an assumed-role session", "aws:username", session, "DescribeKey"],
    ["aws:username, for the account root", "aws:username", root, "DescribeKey"],
    ["aws:userid, for a user without a UserId", "aws:userid", admin, "DescribeKey"],
    ["aws:SourceIp, when the runtime does not know it", "aws:SourceIp", admin, "DescribeKey"],
    ["kms:RequestAlias, when the key is named by its ID", "kms:RequestAlias", admin, "DescribeKey"],
    ["aws:RequestTag/Env, outside tag operations", "aws:RequestTag/Env", admin, "DescribeKey"],
    [
      "kms:BypassPolicyLockoutSafetyCheck, outside CreateKey and PutKeyPolicy",
      "kms:BypassPolicyLockoutSafetyCheck",
      admin,
      "DescribeKey",
    ],
  ] as const)("leaves out %s", async (_name, key, caller, operation) => {
    const c = keyCase(key, "Null", "true", "false", { caller, operation });
    expect(await run(c, "true", "Allow")).toBe("allowed");
    expect(await run(c, "false", "Allow")).toBe("denied");
  });
});
