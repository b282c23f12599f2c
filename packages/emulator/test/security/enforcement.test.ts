import { describe, expect, it } from "vitest";
import type { Identity } from "../../src/app/auth/identities.js";
import { createEmulatorApp } from "../../src/app/create-app.js";
import { createMemoryStore } from "../../src/store/memory.js";
import { alice, answer, bob, manualClock, sequentialIds, session, signedRequest } from "./helpers.js";

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const ACCOUNT = "111122223333";
const ROOT = `arn:aws:iam::${ACCOUNT}:root`;

const root: Identity = {
  accessKeyId: "AKIAROOT0000000000001",
  secretAccessKey: "root-secret",
  accountId: ACCOUNT,
  partition: "aws",
  principalArn: ROOT,
};
/** A user whose identity policy allows only DescribeKey. */
const carol: Identity = {
  accessKeyId: "AKIACAROL000000000001",
  secretAccessKey: "carol-secret",
  accountId: ACCOUNT,
  partition: "aws",
  principalArn: `arn:aws:iam::${ACCOUNT}:user/carol`,
  identityPolicies: [
    JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: "kms:DescribeKey", Resource: "*" }],
    }),
  ],
};
/** A user whose identity policy allows everything but denies GetKeyPolicy. */
const dave: Identity = {
  accessKeyId: "AKIADAVE0000000000001",
  secretAccessKey: "dave-secret",
  accountId: ACCOUNT,
  partition: "aws",
  principalArn: `arn:aws:iam::${ACCOUNT}:user/dave`,
  identityPolicies: [
    JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Action: "kms:*", Resource: "*" },
        { Effect: "Deny", Action: "kms:GetKeyPolicy", Resource: "*" },
      ],
    }),
  ],
};

function policy(...statements: object[]): string {
  return JSON.stringify({ Version: "2012-10-17", Id: "test", Statement: statements });
}
const allowRoot = (account = ACCOUNT) => ({
  Sid: "Root",
  Effect: "Allow",
  Principal: { AWS: `arn:aws:iam::${account}:root` },
  Action: "kms:*",
  Resource: "*",
});

function setup(enforceKeyPolicies = true) {
  const store = createMemoryStore();
  const app = createEmulatorApp({
    store,
    clock: manualClock(NOW),
    ids: sequentialIds(),
    config: { enforceKeyPolicies, auth: { mode: "sigv4", identities: [root, alice, bob, carol, dave, session] } },
  });
  async function call(identity: Identity, operation: string, body: object) {
    return answer(await app.fetch(await signedRequest({ identity, operation, body: JSON.stringify(body), date: NOW })));
  }
  /** A key in account 111122223333, us-east-2, created by the root with `keyPolicy` (lockout check bypassed). */
  async function createKey(keyPolicy?: string) {
    const created = await call(
      root,
      "CreateKey",
      keyPolicy === undefined ? {} : { Policy: keyPolicy, BypassPolicyLockoutSafetyCheck: true },
    );
    expect(created.status).toBe(200);
    const { KeyId, Arn } = (created.body as { KeyMetadata: { KeyId: string; Arn: string } }).KeyMetadata;
    return { keyId: KeyId, arn: Arn };
  }
  return { app, store, call, createKey };
}

const denied = (principal: string, action: string, resource: string, why: string) => ({
  status: 400,
  body: {
    __type: "AccessDeniedException",
    message: `User: ${principal} is not authorized to perform: ${action} on resource: ${resource} ${why}`,
  },
});
const explicitDeny = "with an explicit deny in a resource-based policy";
const noPolicy = (action: string) => `because no resource-based policy allows the ${action} action`;

describe("--enforce-key-policies", () => {
  it("a Deny for one user on one action refuses that user that action, and nothing else", async () => {
    const { call, createKey } = setup();
    const { keyId, arn } = await createKey(
      policy(allowRoot(), {
        Sid: "NoAlice",
        Effect: "Deny",
        Principal: { AWS: alice.principalArn },
        Action: "kms:GetKeyPolicy",
        Resource: "*",
      }),
    );
    expect(await call(alice, "GetKeyPolicy", { KeyId: keyId })).toEqual(
      denied(alice.principalArn, "kms:GetKeyPolicy", arn, explicitDeny),
    );
    expect((await call(alice, "DescribeKey", { KeyId: keyId })).status).toBe(200);
    expect((await call(session, "GetKeyPolicy", { KeyId: keyId })).status).toBe(200);
    expect((await call(root, "GetKeyPolicy", { KeyId: keyId })).status).toBe(200);
  });

  it('a Deny with Principal "*" refuses everyone, the account root included', async () => {
    const { call, createKey } = setup();
    const { keyId, arn } = await createKey(
      policy(allowRoot(), { Effect: "Deny", Principal: "*", Action: "kms:DescribeKey", Resource: "*" }),
    );
    expect(await call(root, "DescribeKey", { KeyId: keyId })).toEqual(
      denied(ROOT, "kms:DescribeKey", arn, explicitDeny),
    );
    expect(await call(alice, "DescribeKey", { KeyId: arn })).toEqual(
      denied(alice.principalArn, "kms:DescribeKey", arn, explicitDeny),
    );
    expect((await call(alice, "GetKeyPolicy", { KeyId: keyId })).status).toBe(200);
  });

  it("the default policy allows the account's identities through the account root", async () => {
    const { call, createKey } = setup();
    const { keyId } = await createKey();
    expect((await call(alice, "GetKeyPolicy", { KeyId: keyId })).status).toBe(200);
    expect((await call(session, "ListKeyPolicies", { KeyId: keyId })).status).toBe(200);
    expect((await call(carol, "DescribeKey", { KeyId: keyId })).status).toBe(200);
  });

  it("through the account root, the identity's own policies still limit it", async () => {
    const { call, createKey } = setup();
    const { keyId, arn } = await createKey();
    expect(await call(carol, "GetKeyPolicy", { KeyId: keyId })).toEqual(
      denied(
        carol.principalArn,
        "kms:GetKeyPolicy",
        arn,
        "because no identity-based policy allows the kms:GetKeyPolicy action",
      ),
    );
  });

  it("an explicit deny in an identity policy wins over a key policy that names the identity", async () => {
    const { call, createKey } = setup();
    const { keyId, arn } = await createKey(
      policy(allowRoot(), { Effect: "Allow", Principal: { AWS: dave.principalArn }, Action: "kms:*", Resource: "*" }),
    );
    expect(await call(dave, "GetKeyPolicy", { KeyId: keyId })).toEqual(
      denied(dave.principalArn, "kms:GetKeyPolicy", arn, "with an explicit deny in an identity-based policy"),
    );
    expect((await call(dave, "DescribeKey", { KeyId: keyId })).status).toBe(200);
  });

  it("another account is refused unless the key policy names it", async () => {
    const { call, createKey } = setup();
    const plain = await createKey();
    expect(await call(bob, "DescribeKey", { KeyId: plain.arn })).toEqual(
      denied(bob.principalArn, "kms:DescribeKey", plain.arn, noPolicy("kms:DescribeKey")),
    );
    const shared = await createKey(policy(allowRoot(), allowRoot(bob.accountId)));
    expect((await call(bob, "DescribeKey", { KeyId: shared.arn })).status).toBe(200);
  });

  it("policy operations stay in the key's account even when the key policy names another account", async () => {
    const { call, createKey } = setup();
    const shared = await createKey(policy(allowRoot(), allowRoot(bob.accountId)));
    const result = await call(bob, "GetKeyPolicy", { KeyId: shared.arn });
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ __type: "AccessDeniedException" });
  });

  it("a policy that does not name the caller refuses it", async () => {
    const { call, createKey } = setup();
    const { keyId, arn } = await createKey(
      policy({ Effect: "Allow", Principal: { AWS: session.principalArn }, Action: "kms:*", Resource: "*" }),
    );
    expect(await call(alice, "GetKeyPolicy", { KeyId: keyId })).toEqual(
      denied(alice.principalArn, "kms:GetKeyPolicy", arn, noPolicy("kms:GetKeyPolicy")),
    );
    expect((await call(session, "GetKeyPolicy", { KeyId: keyId })).status).toBe(200);
  });

  it.each(["Disabled", "PendingDeletion", "PendingImport"] as const)(
    "authorizes before looking at the key state (%s)",
    async (keyState) => {
      const { call, createKey, store } = setup();
      const { keyId, arn } = await createKey(
        policy({ Effect: "Allow", Principal: { AWS: session.principalArn }, Action: "kms:*", Resource: "*" }),
      );
      await store.updateKey({ accountId: ACCOUNT, region: "us-east-2" }, keyId, {
        keyState,
        ...(keyState === "PendingDeletion" ? { deletionDate: NOW + 7 * 86_400_000 } : {}),
      });
      expect(await call(alice, "DescribeKey", { KeyId: keyId })).toEqual(
        denied(alice.principalArn, "kms:DescribeKey", arn, noPolicy("kms:DescribeKey")),
      );
      expect(await call(alice, "PutKeyPolicy", { KeyId: keyId, Policy: policy(allowRoot()) })).toEqual(
        denied(alice.principalArn, "kms:PutKeyPolicy", arn, noPolicy("kms:PutKeyPolicy")),
      );
      expect((await call(session, "DescribeKey", { KeyId: keyId })).status).toBe(200);
    },
  );

  it("resolves an alias first: the resource is the key, and kms:RequestAlias is the alias", async () => {
    const { call, createKey, store } = setup();
    const { keyId, arn } = await createKey(
      policy(allowRoot(), {
        Effect: "Deny",
        Principal: "*",
        Action: "kms:DescribeKey",
        Resource: "*",
        Condition: { StringEquals: { "kms:RequestAlias": "alias/Secret" } },
      }),
    );
    await store.createAlias({
      accountId: ACCOUNT,
      region: "us-east-2",
      aliasName: "alias/Secret",
      targetKeyId: keyId,
      creationDate: NOW,
      lastUpdatedDate: NOW,
    });
    expect(await call(alice, "DescribeKey", { KeyId: "alias/Secret" })).toEqual(
      denied(alice.principalArn, "kms:DescribeKey", arn, explicitDeny),
    );
    expect((await call(alice, "DescribeKey", { KeyId: keyId })).status).toBe(200);
  });

  it("a PutKeyPolicy that is refused leaves the stored policy unchanged", async () => {
    const { call, createKey } = setup();
    const text = policy(allowRoot(), {
      Effect: "Deny",
      Principal: { AWS: alice.principalArn },
      Action: "kms:PutKeyPolicy",
      Resource: "*",
    });
    const { keyId } = await createKey(text);
    const before = await call(root, "GetKeyPolicy", { KeyId: keyId });
    expect((await call(alice, "PutKeyPolicy", { KeyId: keyId, Policy: policy(allowRoot()) })).body).toMatchObject({
      __type: "AccessDeniedException",
    });
    expect(await call(root, "GetKeyPolicy", { KeyId: keyId })).toEqual(before);
  });

  it("operations on no key (CreateKey, ListKeys) are decided by identity policies alone", async () => {
    const { call } = setup();
    expect((await call(carol, "CreateKey", {})).body).toMatchObject({ __type: "AccessDeniedException" });
    expect((await call(carol, "ListKeys", {})).body).toMatchObject({ __type: "AccessDeniedException" });
    expect((await call(alice, "CreateKey", {})).status).toBe(200);
    expect((await call(dave, "ListKeys", {})).status).toBe(200);
  });

  it("the lockout check uses the real caller: a policy that only names someone else is refused", async () => {
    const { call, createKey } = setup();
    const { keyId } = await createKey();
    const onlySession = policy({
      Effect: "Allow",
      Principal: { AWS: session.principalArn },
      Action: "kms:*",
      Resource: "*",
    });
    expect(await call(alice, "PutKeyPolicy", { KeyId: keyId, Policy: onlySession })).toEqual({
      status: 400,
      body: {
        __type: "MalformedPolicyDocumentException",
        message: "The new key policy will not allow you to update the key policy in the future.",
      },
    });
    expect((await call(session, "PutKeyPolicy", { KeyId: keyId, Policy: onlySession })).status).toBe(200);
  });
});

describe("without --enforce-key-policies", () => {
  it("key policies are stored but not enforced (the default)", async () => {
    const { call, createKey } = setup(false);
    const { keyId } = await createKey(
      policy(allowRoot(), { Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*" }),
    );
    expect((await call(alice, "GetKeyPolicy", { KeyId: keyId })).status).toBe(200);
  });
});

describe("--enforce-key-policies in lenient auth mode", () => {
  it("authorizes the account root the request's scope names", async () => {
    const app = createEmulatorApp({
      store: createMemoryStore(),
      clock: manualClock(NOW),
      ids: sequentialIds(),
      config: { enforceKeyPolicies: true },
    });
    const send = async (operation: string, body: object) =>
      answer(
        await app.request("/", {
          method: "POST",
          headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": `TrentService.${operation}` },
          body: JSON.stringify(body),
        }),
      );
    const created = await send("CreateKey", {
      Policy: policy(allowRoot(), { Effect: "Deny", Principal: "*", Action: "kms:GetKeyPolicy", Resource: "*" }),
      BypassPolicyLockoutSafetyCheck: true,
    });
    const { KeyId, Arn } = (created.body as { KeyMetadata: { KeyId: string; Arn: string } }).KeyMetadata;
    expect(await send("GetKeyPolicy", { KeyId })).toEqual(denied(ROOT, "kms:GetKeyPolicy", Arn, explicitDeny));
    expect((await send("DescribeKey", { KeyId })).status).toBe(200);
  });
});
