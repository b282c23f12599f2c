import type { OperationName } from "@keypolicy/core";
import { AUTHORIZATION_TABLE } from "@keypolicy/policy";
import { describe, expect, it } from "vitest";
import type { Identity } from "../../src/app/auth/identities.js";
import { createEmulatorApp } from "../../src/app/create-app.js";
import { createMemoryStore } from "../../src/store/memory.js";
import { answer, manualClock, sequentialIds, signedRequest } from "./helpers.js";

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const ACCOUNT = "111122223333";
const REGION = "us-east-2";
const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const aliasArn = (name: string) => `arn:aws:kms:${REGION}:${ACCOUNT}:${name}`;

function iamPolicy(...statements: object[]): string {
  return JSON.stringify({ Version: "2012-10-17", Statement: statements });
}
function keyPolicy(...statements: object[]): string {
  return JSON.stringify({ Version: "2012-10-17", Id: "test", Statement: statements });
}
const allowRoot = { Sid: "Root", Effect: "Allow", Principal: { AWS: ROOT }, Action: "kms:*", Resource: "*" };
const allowAll = { Effect: "Allow", Action: "kms:*", Resource: "*" };

function identity(name: string, identityPolicies?: string[]): Identity {
  return {
    accessKeyId: `AKIA${name.toUpperCase().padEnd(16, "0")}`,
    secretAccessKey: `${name}-secret`,
    accountId: ACCOUNT,
    partition: "aws",
    principalArn: `arn:aws:iam::${ACCOUNT}:user/${name}`,
    ...(identityPolicies === undefined ? {} : { identityPolicies }),
  };
}

const root: Identity = { ...identity("root"), principalArn: ROOT };
/** No identity policies: may do whatever the account may ([DEC]). */
const admin = identity("admin");
/** Allowed only DescribeKey. */
const reader = identity("reader", [iamPolicy({ Effect: "Allow", Action: "kms:DescribeKey", Resource: "*" })]);

function setup(extra: Identity[] = []) {
  const store = createMemoryStore();
  const app = createEmulatorApp({
    store,
    clock: manualClock(NOW),
    ids: sequentialIds(),
    config: { enforceKeyPolicies: true, auth: { mode: "sigv4", identities: [root, admin, reader, ...extra] } },
  });
  async function call(caller: Identity, operation: string, body: object) {
    return answer(
      await app.fetch(await signedRequest({ identity: caller, operation, body: JSON.stringify(body), date: NOW })),
    );
  }
  /** A key created by the root with `policy` (default: the account root may do everything). */
  async function createKey(policy = keyPolicy(allowRoot)) {
    const created = await call(root, "CreateKey", { Policy: policy, BypassPolicyLockoutSafetyCheck: true });
    expect(created.status).toBe(200);
    const { KeyId, Arn } = (created.body as { KeyMetadata: { KeyId: string; Arn: string } }).KeyMetadata;
    return { keyId: KeyId, arn: Arn };
  }
  async function createAlias(aliasName: string, keyId: string) {
    await store.createAlias({
      accountId: ACCOUNT,
      region: REGION,
      aliasName,
      targetKeyId: keyId,
      creationDate: NOW,
      lastUpdatedDate: NOW,
    });
  }
  async function aliasTarget(aliasName: string) {
    return (await store.getAlias({ accountId: ACCOUNT, region: REGION }, aliasName))?.targetKeyId;
  }
  return { app, store, call, createKey, createAlias, aliasTarget };
}

const denied = (principal: string, action: string, resource: string, why: string) => ({
  status: 400,
  body: {
    __type: "AccessDeniedException",
    message: `User: ${principal} is not authorized to perform: ${action} on resource: ${resource} ${why}`,
  },
});
const identityDeny = "with an explicit deny in an identity-based policy";
const noIdentityAllow = (action: string) => `because no identity-based policy allows the ${action} action`;
const keyDeny = "with an explicit deny in a resource-based policy";
const denyKeyAction = (principal: string, action: string) => ({
  Effect: "Deny",
  Principal: { AWS: principal },
  Action: action,
  Resource: "*",
});

describe("DeleteAlias with --enforce-key-policies", () => {
  it("an explicit identity-policy Deny on the alias refuses it, and the alias stays", async () => {
    // Resource "*": identity-policy Resource ARNs are read by the evaluator (another change), not by authorization.
    const erin = identity("erin", [iamPolicy(allowAll, { Effect: "Deny", Action: "kms:DeleteAlias", Resource: "*" })]);
    const { call, createKey, createAlias, aliasTarget } = setup([erin]);
    const { keyId } = await createKey();
    await createAlias("alias/protected", keyId);
    expect(await call(erin, "DeleteAlias", { AliasName: "alias/protected" })).toEqual(
      denied(erin.principalArn, "kms:DeleteAlias", aliasArn("alias/protected"), identityDeny),
    );
    expect(await aliasTarget("alias/protected")).toBe(keyId);
    expect((await call(admin, "DeleteAlias", { AliasName: "alias/protected" })).status).toBe(200);
  });

  it("an identity whose policies do not allow kms:DeleteAlias is refused on the alias", async () => {
    const { call, createKey, createAlias, aliasTarget } = setup();
    const { keyId } = await createKey();
    await createAlias("alias/a", keyId);
    expect(await call(reader, "DeleteAlias", { AliasName: "alias/a" })).toEqual(
      denied(reader.principalArn, "kms:DeleteAlias", aliasArn("alias/a"), noIdentityAllow("kms:DeleteAlias")),
    );
    expect(await aliasTarget("alias/a")).toBe(keyId);
  });

  it("the key policy of the alias's key must allow kms:DeleteAlias too", async () => {
    const { call, createKey, createAlias, aliasTarget } = setup();
    const { keyId, arn } = await createKey(keyPolicy(allowRoot, denyKeyAction(admin.principalArn, "kms:DeleteAlias")));
    await createAlias("alias/a", keyId);
    expect(await call(admin, "DeleteAlias", { AliasName: "alias/a" })).toEqual(
      denied(admin.principalArn, "kms:DeleteAlias", arn, keyDeny),
    );
    expect(await aliasTarget("alias/a")).toBe(keyId);
    expect((await call(root, "DeleteAlias", { AliasName: "alias/a" })).status).toBe(200);
  });

  it("a caller without the permission does not learn whether the alias exists", async () => {
    const { call } = setup();
    expect(await call(reader, "DeleteAlias", { AliasName: "alias/none" })).toEqual(
      denied(reader.principalArn, "kms:DeleteAlias", aliasArn("alias/none"), noIdentityAllow("kms:DeleteAlias")),
    );
  });
});

describe("UpdateAlias and CreateAlias with --enforce-key-policies", () => {
  it("UpdateAlias needs kms:UpdateAlias on the current key, not only on the new one", async () => {
    const { call, createKey, createAlias, aliasTarget } = setup();
    const current = await createKey(keyPolicy(allowRoot, denyKeyAction(admin.principalArn, "kms:UpdateAlias")));
    const next = await createKey();
    await createAlias("alias/app", current.keyId);
    expect(await call(admin, "UpdateAlias", { AliasName: "alias/app", TargetKeyId: next.keyId })).toEqual(
      denied(admin.principalArn, "kms:UpdateAlias", current.arn, keyDeny),
    );
    expect(await aliasTarget("alias/app")).toBe(current.keyId);
  });

  it("UpdateAlias needs kms:UpdateAlias on the new key", async () => {
    const { call, createKey, createAlias, aliasTarget } = setup();
    const current = await createKey();
    const next = await createKey(keyPolicy(allowRoot, denyKeyAction(admin.principalArn, "kms:UpdateAlias")));
    await createAlias("alias/app", current.keyId);
    expect(await call(admin, "UpdateAlias", { AliasName: "alias/app", TargetKeyId: next.keyId })).toEqual(
      denied(admin.principalArn, "kms:UpdateAlias", next.arn, keyDeny),
    );
    expect(await aliasTarget("alias/app")).toBe(current.keyId);
  });

  it("UpdateAlias needs kms:UpdateAlias on the alias (identity policies)", async () => {
    const erin = identity("erin", [iamPolicy(allowAll, { Effect: "Deny", Action: "kms:UpdateAlias", Resource: "*" })]);
    const { call, createKey, createAlias, aliasTarget } = setup([erin]);
    const current = await createKey();
    const next = await createKey();
    await createAlias("alias/app", current.keyId);
    expect(await call(erin, "UpdateAlias", { AliasName: "alias/app", TargetKeyId: next.keyId })).toEqual(
      denied(erin.principalArn, "kms:UpdateAlias", aliasArn("alias/app"), identityDeny),
    );
    expect(await aliasTarget("alias/app")).toBe(current.keyId);
    expect((await call(admin, "UpdateAlias", { AliasName: "alias/app", TargetKeyId: next.keyId })).status).toBe(200);
    expect(await aliasTarget("alias/app")).toBe(next.keyId);
  });

  it("CreateAlias needs kms:CreateAlias on the alias (identity policies) and on the key (key policy)", async () => {
    const erin = identity("erin", [iamPolicy(allowAll, { Effect: "Deny", Action: "kms:CreateAlias", Resource: "*" })]);
    const { call, createKey, aliasTarget } = setup([erin]);
    const open = await createKey();
    const closed = await createKey(keyPolicy(allowRoot, denyKeyAction(admin.principalArn, "kms:CreateAlias")));
    expect(await call(erin, "CreateAlias", { AliasName: "alias/blocked", TargetKeyId: open.keyId })).toEqual(
      denied(erin.principalArn, "kms:CreateAlias", aliasArn("alias/blocked"), identityDeny),
    );
    expect(await call(admin, "CreateAlias", { AliasName: "alias/fine", TargetKeyId: closed.keyId })).toEqual(
      denied(admin.principalArn, "kms:CreateAlias", closed.arn, keyDeny),
    );
    expect(await aliasTarget("alias/blocked")).toBeUndefined();
    expect(await aliasTarget("alias/fine")).toBeUndefined();
    expect((await call(admin, "CreateAlias", { AliasName: "alias/fine", TargetKeyId: open.keyId })).status).toBe(200);
  });
});

describe("IAM-only operations (CreateKey, ListKeys, ListAliases) with --enforce-key-policies", () => {
  const iamOnly = ["CreateKey", "ListKeys", "ListAliases"] as const;

  it.each(iamOnly)("%s is refused when no identity policy allows it, on resource *", async (operation) => {
    const { call } = setup();
    expect(await call(reader, operation, {})).toEqual(
      denied(reader.principalArn, `kms:${operation}`, "*", noIdentityAllow(`kms:${operation}`)),
    );
  });

  it.each(iamOnly)("%s is refused by an explicit Deny in an identity policy", async (operation) => {
    const denier = identity("denier", [
      iamPolicy(allowAll, { Effect: "Deny", Action: `kms:${operation}`, Resource: "*" }),
    ]);
    const { call } = setup([denier]);
    expect(await call(denier, operation, {})).toEqual(
      denied(denier.principalArn, `kms:${operation}`, "*", identityDeny),
    );
  });

  it.each(iamOnly)(
    "%s is allowed by an identity policy, and to an identity without identity policies",
    async (operation) => {
      const lister = identity("lister", [iamPolicy({ Effect: "Allow", Action: `kms:${operation}`, Resource: "*" })]);
      const { call } = setup([lister]);
      expect((await call(lister, operation, {})).status).toBe(200);
      expect((await call(admin, operation, {})).status).toBe(200);
    },
  );

  it("the account root is not subject to identity policies", async () => {
    const limitedRoot: Identity = {
      ...root,
      accessKeyId: "AKIAROOTLIMITED00001",
      identityPolicies: [iamPolicy({ Effect: "Deny", Action: "kms:*", Resource: "*" })],
    };
    const { call } = setup([limitedRoot]);
    for (const operation of iamOnly) expect((await call(limitedRoot, operation, {})).status).toBe(200);
  });

  it("ListAliases with a KeyId is decided by identity policies, not by the key policy", async () => {
    const lister = identity("lister", [iamPolicy({ Effect: "Allow", Action: "kms:ListAliases", Resource: "*" })]);
    const { call, createKey, createAlias } = setup([lister]);
    const { keyId } = await createKey(
      keyPolicy(allowRoot, { Effect: "Deny", Principal: "*", Action: "kms:ListAliases", Resource: "*" }),
    );
    await createAlias("alias/listed", keyId);
    const listed = await call(lister, "ListAliases", { KeyId: keyId });
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ Aliases: [{ AliasName: "alias/listed" }] });
    expect(await call(reader, "ListAliases", { KeyId: keyId })).toEqual(
      denied(reader.principalArn, "kms:ListAliases", "*", noIdentityAllow("kms:ListAliases")),
    );
  });
});

describe("CreateKey with Tags also needs kms:TagResource (IAM policy) with --enforce-key-policies", () => {
  const tags = [{ TagKey: "Project", TagValue: "Alpha" }];
  const tagResourceDenied = (principal: string, why: string) => ({
    status: 400,
    body: {
      __type: "AccessDeniedException",
      message: `User: ${principal} is not authorized to perform: kms:TagResource ${why}`,
    },
  });
  const creator = identity("creator", [iamPolicy({ Effect: "Allow", Action: "kms:CreateKey", Resource: "*" })]);

  it("is refused without kms:TagResource, naming kms:TagResource and no resource, and creates no key", async () => {
    const { call } = setup([creator]);
    expect(await call(creator, "CreateKey", { Tags: tags })).toEqual(
      tagResourceDenied(creator.principalArn, noIdentityAllow("kms:TagResource")),
    );
    expect((await call(admin, "ListKeys", {})).body).toMatchObject({ Keys: [] });
    // Without Tags (or with none) kms:CreateKey is enough.
    expect((await call(creator, "CreateKey", {})).status).toBe(200);
    expect((await call(creator, "CreateKey", { Tags: [] })).status).toBe(200);
  });

  it("is allowed with kms:TagResource on every key of the account and Region, and the key has the tags", async () => {
    const tagger = identity("tagger", [
      iamPolicy(
        { Effect: "Allow", Action: "kms:CreateKey", Resource: "*" },
        { Effect: "Allow", Action: "kms:TagResource", Resource: `arn:aws:kms:${REGION}:${ACCOUNT}:key/*` },
      ),
    ]);
    const { call } = setup([tagger]);
    const created = await call(tagger, "CreateKey", { Tags: tags });
    expect(created.status).toBe(200);
    const { KeyId } = (created.body as { KeyMetadata: { KeyId: string } }).KeyMetadata;
    expect((await call(admin, "ListResourceTags", { KeyId })).body).toMatchObject({ Tags: tags });
  });

  it("kms:TagResource restricted to particular keys does not do", async () => {
    const narrow = identity("narrow", [
      iamPolicy(
        { Effect: "Allow", Action: "kms:CreateKey", Resource: "*" },
        { Effect: "Allow", Action: "kms:TagResource", Resource: `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-*` },
      ),
    ]);
    const { call } = setup([narrow]);
    expect(await call(narrow, "CreateKey", { Tags: tags })).toEqual(
      tagResourceDenied(narrow.principalArn, noIdentityAllow("kms:TagResource")),
    );
  });

  it("an explicit Deny of kms:TagResource refuses it; conditions see the request's tags", async () => {
    const guarded = identity("guarded", [
      iamPolicy(allowAll, {
        Effect: "Deny",
        Action: "kms:TagResource",
        Resource: "*",
        Condition: { StringEquals: { "aws:RequestTag/Project": "Alpha" } },
      }),
    ]);
    const { call } = setup([guarded]);
    expect(await call(guarded, "CreateKey", { Tags: tags })).toEqual(
      tagResourceDenied(guarded.principalArn, identityDeny),
    );
    expect((await call(guarded, "CreateKey", { Tags: [{ TagKey: "Project", TagValue: "Beta" }] })).status).toBe(200);
  });

  it("the account root and identities without identity policies need nothing more", async () => {
    const { call } = setup();
    expect((await call(root, "CreateKey", { Tags: tags })).status).toBe(200);
    expect((await call(admin, "CreateKey", { Tags: tags })).status).toBe(200);
  });
});

/** One valid request per operation, for a key `keyId` with aliases `alias/a` (and a second key `otherKeyId`). */
const REQUESTS: { readonly [K in OperationName]: (keyId: string, otherKeyId: string) => object } = {
  GetKeyPolicy: (keyId) => ({ KeyId: keyId, PolicyName: "default" }),
  PutKeyPolicy: (keyId) => ({ KeyId: keyId, Policy: keyPolicy(allowRoot), BypassPolicyLockoutSafetyCheck: true }),
  ListKeyPolicies: (keyId) => ({ KeyId: keyId }),
  CreateKey: () => ({}),
  DescribeKey: (keyId) => ({ KeyId: keyId }),
  ListKeys: () => ({}),
  EnableKey: (keyId) => ({ KeyId: keyId }),
  DisableKey: (keyId) => ({ KeyId: keyId }),
  ScheduleKeyDeletion: (keyId) => ({ KeyId: keyId, PendingWindowInDays: 7 }),
  CancelKeyDeletion: (keyId) => ({ KeyId: keyId }),
  CreateAlias: (keyId) => ({ AliasName: "alias/new", TargetKeyId: keyId }),
  UpdateAlias: (_keyId, otherKeyId) => ({ AliasName: "alias/a", TargetKeyId: otherKeyId }),
  DeleteAlias: () => ({ AliasName: "alias/a" }),
  ListAliases: (keyId) => ({ KeyId: keyId }),
  TagResource: (keyId) => ({ KeyId: keyId, Tags: [{ TagKey: "k", TagValue: "v" }] }),
  UntagResource: (keyId) => ({ KeyId: keyId, TagKeys: ["k"] }),
  ListResourceTags: (keyId) => ({ KeyId: keyId }),
  GetKeyRotationStatus: (keyId) => ({ KeyId: keyId }),
  EnableKeyRotation: (keyId) => ({ KeyId: keyId, RotationPeriodInDays: 180 }),
  DisableKeyRotation: (keyId) => ({ KeyId: keyId }),
  RotateKeyOnDemand: (keyId) => ({ KeyId: keyId }),
  ListKeyRotations: (keyId) => ({ KeyId: keyId }),
  UpdateKeyDescription: (keyId) => ({ KeyId: keyId, Description: "updated" }),
  // The keys are single-Region: past the authorization, UnsupportedOperationException.
  ReplicateKey: (keyId) => ({ KeyId: keyId, ReplicaRegion: "eu-west-1" }),
  UpdatePrimaryRegion: (keyId) => ({ KeyId: keyId, PrimaryRegion: "eu-west-1" }),
  CreateGrant: (keyId) => ({
    KeyId: keyId,
    GranteePrincipal: "arn:aws:iam::111122223333:user/g",
    Operations: ["Decrypt"],
  }),
  ListGrants: (keyId) => ({ KeyId: keyId }),
  ListRetirableGrants: () => ({ RetiringPrincipal: "arn:aws:iam::111122223333:user/r" }),
  // Past the authorization, NotFoundException (no such grant).
  RetireGrant: (keyId) => ({ KeyId: keyId, GrantId: "0".repeat(64) }),
  RevokeGrant: (keyId) => ({ KeyId: keyId, GrantId: "0".repeat(64) }),
  Encrypt: (keyId) => ({ KeyId: keyId, Plaintext: "aGVsbG8=" }),
  // Not a ciphertext: past the authorization of the KeyId, InvalidCiphertextException.
  Decrypt: (keyId) => ({ KeyId: keyId, CiphertextBlob: "AAAA" }),
  ReEncrypt: (keyId, otherKeyId) => ({ SourceKeyId: keyId, DestinationKeyId: otherKeyId, CiphertextBlob: "AAAA" }),
  GenerateDataKey: (keyId) => ({ KeyId: keyId, KeySpec: "AES_256" }),
  GenerateDataKeyWithoutPlaintext: (keyId) => ({ KeyId: keyId, NumberOfBytes: 16 }),
  GenerateRandom: () => ({ NumberOfBytes: 8 }),
};
const OPERATIONS = Object.keys(AUTHORIZATION_TABLE) as OperationName[];

describe("the authorization table is enforced for every operation", () => {
  it.each(OPERATIONS)("%s: an identity-policy Deny of its action refuses it", async (operation) => {
    const { action } = AUTHORIZATION_TABLE[operation];
    const denier = identity("denier", [iamPolicy(allowAll, { Effect: "Deny", Action: action, Resource: "*" })]);
    const { call, createKey, createAlias } = setup([denier]);
    const key = await createKey();
    const other = await createKey();
    await createAlias("alias/a", key.keyId);
    const result = await call(denier, operation, REQUESTS[operation](key.keyId, other.keyId));
    expect(result.body).toMatchObject({
      __type: "AccessDeniedException",
      message: expect.stringContaining(identityDeny),
    });
    // The same request by an identity without the Deny is not refused (CancelKeyDeletion then fails on the key state).
    expect((await call(admin, operation, REQUESTS[operation](key.keyId, other.keyId))).body).not.toMatchObject({
      __type: "AccessDeniedException",
    });
  });

  it.each(OPERATIONS.filter((op) => AUTHORIZATION_TABLE[op].resources.some((r) => r.policyType === "key-policy")))(
    "%s: a key-policy Deny of its action refuses it, naming the key",
    async (operation) => {
      const { action } = AUTHORIZATION_TABLE[operation];
      const { call, createKey, createAlias } = setup();
      const key = await createKey(keyPolicy(allowRoot, denyKeyAction(admin.principalArn, action)));
      const other = await createKey(keyPolicy(allowRoot, denyKeyAction(admin.principalArn, action)));
      await createAlias("alias/a", key.keyId);
      const result = await call(admin, operation, REQUESTS[operation](key.keyId, other.keyId));
      expect(result).toEqual(denied(admin.principalArn, action, key.arn, keyDeny));
    },
  );

  it.each(OPERATIONS.filter((op) => AUTHORIZATION_TABLE[op].resources.every((r) => r.policyType === "iam-policy")))(
    "%s: a key-policy Deny of its action does not refuse it (IAM policy only)",
    async (operation) => {
      const { action } = AUTHORIZATION_TABLE[operation];
      const { call, createKey } = setup();
      const key = await createKey(
        keyPolicy(allowRoot, { Effect: "Deny", Principal: "*", Action: action, Resource: "*" }),
      );
      expect((await call(admin, operation, REQUESTS[operation](key.keyId, key.keyId))).status).toBe(200);
    },
  );
});

describe("aws:PrincipalArn of an assumed-role session is the role's ARN", () => {
  const session = (roleArn?: string): Identity => ({
    ...identity("session"),
    principalArn: `arn:aws:sts::${ACCOUNT}:assumed-role/Admin/s1`,
    ...(roleArn === undefined ? {} : { roleArn }),
  });
  const onlyRole = (roleArn: string) =>
    keyPolicy({
      Effect: "Allow",
      Principal: "*",
      Action: "kms:*",
      Resource: "*",
      Condition: { StringEquals: { "aws:PrincipalArn": roleArn } },
    });

  it("in enforcement: a policy conditioned on the role ARN (no path by default) allows the session, and denies it", async () => {
    const caller = session();
    const { call, createKey } = setup([caller]);
    const allowed = await createKey(onlyRole(`arn:aws:iam::${ACCOUNT}:role/Admin`));
    expect((await call(caller, "DescribeKey", { KeyId: allowed.keyId })).status).toBe(200);
    const refused = await createKey(
      keyPolicy(allowRoot, {
        Effect: "Deny",
        Principal: "*",
        Action: "kms:DescribeKey",
        Resource: "*",
        Condition: { StringEquals: { "aws:PrincipalArn": `arn:aws:iam::${ACCOUNT}:role/Admin` } },
      }),
    );
    expect(await call(caller, "DescribeKey", { KeyId: refused.keyId })).toEqual(
      denied(caller.principalArn, "kms:DescribeKey", refused.arn, keyDeny),
    );
  });

  it("in enforcement: the identity's RoleArn supplies the role's path", async () => {
    const caller = session(`arn:aws:iam::${ACCOUNT}:role/team/Admin`);
    const { call, createKey } = setup([caller]);
    const withPath = await createKey(onlyRole(`arn:aws:iam::${ACCOUNT}:role/team/Admin`));
    const withoutPath = await createKey(onlyRole(`arn:aws:iam::${ACCOUNT}:role/Admin`));
    expect((await call(caller, "DescribeKey", { KeyId: withPath.keyId })).status).toBe(200);
    expect((await call(caller, "DescribeKey", { KeyId: withoutPath.keyId })).body).toMatchObject({
      __type: "AccessDeniedException",
    });
  });

  it.each(["PutKeyPolicy", "CreateKey"] as const)(
    "in the %s lockout check: a policy allowing only the role ARN keeps the session in",
    async (operation) => {
      const caller = session();
      const { call, createKey } = setup([caller]);
      const policy = onlyRole(`arn:aws:iam::${ACCOUNT}:role/Admin`);
      if (operation === "CreateKey") {
        expect((await call(caller, "CreateKey", { Policy: policy })).status).toBe(200);
      } else {
        const { keyId } = await createKey();
        expect((await call(caller, "PutKeyPolicy", { KeyId: keyId, Policy: policy })).status).toBe(200);
      }
      const elsewhere = onlyRole(`arn:aws:iam::${ACCOUNT}:role/Other`);
      expect((await call(caller, "CreateKey", { Policy: elsewhere })).body).toEqual({
        __type: "MalformedPolicyDocumentException",
        message: "The new key policy will not allow you to update the key policy in the future.",
      });
    },
  );
});

describe("aws:SecureTransport", () => {
  const requireTls = keyPolicy(allowRoot, {
    Effect: "Deny",
    Principal: "*",
    Action: "kms:DescribeKey",
    Resource: "*",
    Condition: { Bool: { "aws:SecureTransport": "false" } },
  });

  it("is true by default, as KMS is HTTPS-only: a policy refusing plain HTTP lets the request through", async () => {
    const { call, createKey } = setup();
    const { keyId } = await createKey(requireTls);
    expect((await call(admin, "DescribeKey", { KeyId: keyId })).status).toBe(200);
  });

  it("is false when configured so: the same policy refuses the request", async () => {
    const store = createMemoryStore();
    const app = createEmulatorApp({
      store,
      clock: manualClock(NOW),
      ids: sequentialIds(),
      config: { enforceKeyPolicies: true, secureTransport: false, auth: { mode: "sigv4", identities: [root, admin] } },
    });
    const call = async (caller: Identity, operation: string, body: object) =>
      answer(
        await app.fetch(await signedRequest({ identity: caller, operation, body: JSON.stringify(body), date: NOW })),
      );
    const created = await call(root, "CreateKey", { Policy: requireTls, BypassPolicyLockoutSafetyCheck: true });
    const { KeyId, Arn } = (created.body as { KeyMetadata: { KeyId: string; Arn: string } }).KeyMetadata;
    expect(await call(admin, "DescribeKey", { KeyId })).toEqual(
      denied(admin.principalArn, "kms:DescribeKey", Arn, keyDeny),
    );
  });
});
