import { describe, expect, it } from "vitest";
import type { Identity } from "../../src/app/auth/identities.js";
import { createEmulatorApp } from "../../src/app/create-app.js";
import { createMemoryStore } from "../../src/store/memory.js";
import { answer, manualClock, sequentialIds, signedRequest } from "./helpers.js";

// Identity policies whose Resource is an alias ARN pattern, end to end through signed requests: the alias operations
// are authorized on the alias by identity policies and on the key by its key policy (authorization table).

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const ACCOUNT = "111122223333";
const REGION = "us-east-2";
const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const aliasArn = (name: string) => `arn:aws:kms:${REGION}:${ACCOUNT}:${name}`;
const ALIAS_ACTIONS = ["kms:CreateAlias", "kms:UpdateAlias", "kms:DeleteAlias"];

function user(name: string, resource: string): Identity {
  return {
    accessKeyId: `AKIA${name.toUpperCase().padEnd(16, "0")}`,
    secretAccessKey: `${name}-secret`,
    accountId: ACCOUNT,
    partition: "aws",
    principalArn: `arn:aws:iam::${ACCOUNT}:user/${name}`,
    identityPolicies: [
      JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: ALIAS_ACTIONS, Resource: resource }],
      }),
    ],
  };
}
const root: Identity = {
  accessKeyId: "AKIAROOT000000000000",
  secretAccessKey: "root-secret",
  accountId: ACCOUNT,
  partition: "aws",
  principalArn: ROOT,
};

function setup(users: Identity[]) {
  const store = createMemoryStore();
  const app = createEmulatorApp({
    store,
    clock: manualClock(NOW),
    ids: sequentialIds(),
    config: { enforceKeyPolicies: true, auth: { mode: "sigv4", identities: [root, ...users] } },
  });
  const call = async (identity: Identity, operation: string, body: object) =>
    answer(
      await app.fetch(
        await signedRequest({ identity, operation, body: JSON.stringify(body), date: NOW, region: REGION }),
      ),
    );
  /** A key whose policy lets the users manage its aliases: the key permission of the alias operations. */
  async function createKey() {
    const policy = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Principal: { AWS: ROOT }, Action: "kms:*", Resource: "*" },
        { Effect: "Allow", Principal: { AWS: users.map((u) => u.principalArn) }, Action: ALIAS_ACTIONS, Resource: "*" },
      ],
    });
    const created = await call(root, "CreateKey", { Policy: policy });
    expect(created.status).toBe(200);
    return (created.body as { KeyMetadata: { KeyId: string } }).KeyMetadata.KeyId;
  }
  const aliasTarget = async (aliasName: string) =>
    (await store.getAlias({ accountId: ACCOUNT, region: REGION }, aliasName))?.targetKeyId;
  return { call, createKey, aliasTarget };
}

const refused = (identity: Identity, action: string, aliasName: string) => ({
  status: 400,
  body: {
    __type: "AccessDeniedException",
    message: `User: ${identity.principalArn} is not authorized to perform: ${action} on resource: ${aliasArn(aliasName)} because no identity-based policy allows the ${action} action`,
  },
});

describe("an identity policy allowing the alias operations on arn:aws:kms:<region>:<account>:alias/app-* only", () => {
  const dana = user("dana", aliasArn("alias/app-*"));

  it("allows CreateAlias, UpdateAlias and DeleteAlias on alias/app-one", async () => {
    const { call, createKey, aliasTarget } = setup([dana]);
    const [first, second] = [await createKey(), await createKey()];
    expect((await call(dana, "CreateAlias", { AliasName: "alias/app-one", TargetKeyId: first })).status).toBe(200);
    expect((await call(dana, "UpdateAlias", { AliasName: "alias/app-one", TargetKeyId: second })).status).toBe(200);
    expect(await aliasTarget("alias/app-one")).toBe(second);
    expect((await call(dana, "DeleteAlias", { AliasName: "alias/app-one" })).status).toBe(200);
    expect(await aliasTarget("alias/app-one")).toBeUndefined();
  });

  it("refuses each of them on alias/other, naming the alias ARN, and leaves the alias as it was", async () => {
    const { call, createKey, aliasTarget } = setup([dana]);
    const [first, second] = [await createKey(), await createKey()];
    expect(await call(dana, "CreateAlias", { AliasName: "alias/other", TargetKeyId: first })).toEqual(
      refused(dana, "kms:CreateAlias", "alias/other"),
    );
    expect(await aliasTarget("alias/other")).toBeUndefined();
    expect((await call(root, "CreateAlias", { AliasName: "alias/other", TargetKeyId: first })).status).toBe(200);
    expect(await call(dana, "UpdateAlias", { AliasName: "alias/other", TargetKeyId: second })).toEqual(
      refused(dana, "kms:UpdateAlias", "alias/other"),
    );
    expect(await call(dana, "DeleteAlias", { AliasName: "alias/other" })).toEqual(
      refused(dana, "kms:DeleteAlias", "alias/other"),
    );
    expect(await aliasTarget("alias/other")).toBe(first);
  });
});

describe("an identity policy Resource with ${aws:username}", () => {
  const resource = `arn:aws:kms:*:${ACCOUNT}:alias/\${aws:username}-*`;
  const dana = user("dana", resource);
  const erin = user("erin", resource);

  it("lets each IAM user manage the aliases named after them, and no one else's", async () => {
    const { call, createKey, aliasTarget } = setup([dana, erin]);
    const key = await createKey();
    expect((await call(dana, "CreateAlias", { AliasName: "alias/dana-app", TargetKeyId: key })).status).toBe(200);
    expect((await call(erin, "CreateAlias", { AliasName: "alias/erin-app", TargetKeyId: key })).status).toBe(200);
    expect(await call(dana, "CreateAlias", { AliasName: "alias/erin-other", TargetKeyId: key })).toEqual(
      refused(dana, "kms:CreateAlias", "alias/erin-other"),
    );
    expect(await call(erin, "DeleteAlias", { AliasName: "alias/dana-app" })).toEqual(
      refused(erin, "kms:DeleteAlias", "alias/dana-app"),
    );
    expect(await aliasTarget("alias/dana-app")).toBe(key);
    expect((await call(dana, "DeleteAlias", { AliasName: "alias/dana-app" })).status).toBe(200);
  });

  it("is the user's name without its path", async () => {
    const fay = { ...user("fay", resource), principalArn: `arn:aws:iam::${ACCOUNT}:user/ops/fay` };
    const { call, createKey } = setup([fay]);
    const key = await createKey();
    expect((await call(fay, "CreateAlias", { AliasName: "alias/fay-app", TargetKeyId: key })).status).toBe(200);
    expect(await call(fay, "CreateAlias", { AliasName: "alias/ops-app", TargetKeyId: key })).toEqual(
      refused(fay, "kms:CreateAlias", "alias/ops-app"),
    );
  });

  it("has no value for a role session (aws:username is for IAM users), so the statement allows nothing", async () => {
    const session = { ...user("sess", resource), principalArn: `arn:aws:sts::${ACCOUNT}:assumed-role/dana/dana` };
    const { call, createKey } = setup([session]);
    const key = await createKey();
    expect(await call(session, "CreateAlias", { AliasName: "alias/dana-app", TargetKeyId: key })).toEqual(
      refused(session, "kms:CreateAlias", "alias/dana-app"),
    );
  });
});
