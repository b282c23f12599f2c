import { describe, expect, it } from "vitest";
import type { Identity } from "../../src/app/auth/identities.js";
import { createEmulatorApp } from "../../src/app/create-app.js";
import { createMemoryStore } from "../../src/store/memory.js";
import { answer, manualClock, sequentialIds, signedRequest } from "./helpers.js";

// Enforcement of key policies, IAM policies and grants on the data plane: "can my app role decrypt, and is everyone
// else refused?" [DOC key-policies.html, grants.html, conditions-kms.html].

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const ACCOUNT = "111122223333";
const OTHER_ACCOUNT = "444455556666";
const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const HELLO = Buffer.from("hello").toString("base64");

function user(name: string, account = ACCOUNT, identityPolicies?: string[]): Identity {
  return {
    accessKeyId: `AKIA${name.toUpperCase().padEnd(16, "0")}`,
    secretAccessKey: `${name}-secret`,
    accountId: account,
    partition: "aws",
    principalArn: `arn:aws:iam::${account}:user/${name}`,
    ...(identityPolicies === undefined ? {} : { identityPolicies }),
  };
}
const policy = (...statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const root: Identity = { ...user("root"), principalArn: ROOT };
/** An application user whose IAM policies allow nothing of KMS: only the key policy or a grant can let it in. */
const app = user("app", ACCOUNT, [policy({ Effect: "Allow", Action: "s3:GetObject", Resource: "*" })]);
const stranger = user("stranger", ACCOUNT, [policy({ Effect: "Allow", Action: "s3:GetObject", Resource: "*" })]);
const partner = user("partner", OTHER_ACCOUNT, [policy({ Effect: "Allow", Action: "kms:*", Resource: "*" })]);
const allowRoot = { Sid: "Root", Effect: "Allow", Principal: { AWS: ROOT }, Action: "kms:*", Resource: "*" };

function setup() {
  const emulator = createEmulatorApp({
    store: createMemoryStore(),
    clock: manualClock(NOW),
    ids: sequentialIds(),
    config: {
      enforceKeyPolicies: true,
      auth: { mode: "sigv4", identities: [root, app, stranger, partner] },
      defaultRegion: "us-east-2",
    },
  });
  const call = async (caller: Identity, operation: string, body: object) =>
    answer(
      await emulator.fetch(await signedRequest({ identity: caller, operation, body: JSON.stringify(body), date: NOW })),
    );
  const createKey = async (...statements: object[]) => {
    const created = await call(root, "CreateKey", { Policy: policy(allowRoot, ...statements) });
    expect(created.status).toBe(200);
    return (created.body as { KeyMetadata: { KeyId: string; Arn: string } }).KeyMetadata;
  };
  const encrypt = async (caller: Identity, KeyId: string, EncryptionContext?: Record<string, string>) =>
    call(caller, "Encrypt", { KeyId, Plaintext: HELLO, ...(EncryptionContext ? { EncryptionContext } : {}) });
  return { call, createKey, encrypt };
}

const deniedText = (principal: string, action: string, arn: string) =>
  `User: ${principal} is not authorized to perform: ${action} on resource: ${arn} because no identity-based policy allows the ${action} action`;

describe("the data plane with --enforce-key-policies", () => {
  it("a key policy that allows the app kms:Decrypt lets it decrypt and refuses everyone else with AWS's text", async () => {
    const { call, createKey, encrypt } = setup();
    const key = await createKey({
      Effect: "Allow",
      Principal: { AWS: app.principalArn },
      Action: ["kms:Decrypt"],
      Resource: "*",
    });
    const sealed = await encrypt(root, key.KeyId);
    expect(sealed.status).toBe(200);
    const blob = (sealed.body as { CiphertextBlob: string }).CiphertextBlob;
    const decrypted = await call(app, "Decrypt", { CiphertextBlob: blob });
    expect(decrypted.status).toBe(200);
    expect((decrypted.body as { Plaintext: string }).Plaintext).toBe(HELLO);
    expect(await call(stranger, "Decrypt", { CiphertextBlob: blob })).toEqual({
      status: 400,
      body: { __type: "AccessDeniedException", message: deniedText(stranger.principalArn, "kms:Decrypt", key.Arn) },
    });
    // The app may decrypt but not encrypt.
    expect((await encrypt(app, key.KeyId)).body).toMatchObject({ __type: "AccessDeniedException" });
  });

  it("kms:EncryptionContext:<key> conditions decide by the request's encryption context", async () => {
    const { createKey, encrypt } = setup();
    const key = await createKey({
      Effect: "Allow",
      Principal: { AWS: app.principalArn },
      Action: "kms:Encrypt",
      Resource: "*",
      Condition: { StringEquals: { "kms:EncryptionContext:tenant": "blue" } },
    });
    expect((await encrypt(app, key.KeyId, { tenant: "blue" })).status).toBe(200);
    expect((await encrypt(app, key.KeyId, { tenant: "red" })).body).toMatchObject({ __type: "AccessDeniedException" });
    expect((await encrypt(app, key.KeyId)).body).toMatchObject({ __type: "AccessDeniedException" });
  });

  it("kms:EncryptionContextKeys with ForAllValues limits the context's keys", async () => {
    const { createKey, encrypt } = setup();
    const key = await createKey({
      Effect: "Allow",
      Principal: { AWS: app.principalArn },
      Action: "kms:Encrypt",
      Resource: "*",
      Condition: { "ForAllValues:StringEquals": { "kms:EncryptionContextKeys": ["tenant", "purpose"] } },
    });
    expect((await encrypt(app, key.KeyId, { tenant: "blue", purpose: "x" })).status).toBe(200);
    expect((await encrypt(app, key.KeyId, { other: "x" })).body).toMatchObject({ __type: "AccessDeniedException" });
  });

  it("a grant allows its operations to its grantee without a policy allowing them; RevokeGrant takes it back", async () => {
    const { call, createKey, encrypt } = setup();
    const key = await createKey();
    expect((await encrypt(app, key.KeyId)).body).toMatchObject({ __type: "AccessDeniedException" });
    const granted = await call(root, "CreateGrant", {
      KeyId: key.KeyId,
      GranteePrincipal: app.principalArn,
      Operations: ["Encrypt", "Decrypt"],
    });
    expect(granted.status).toBe(200);
    const sealed = await encrypt(app, key.KeyId);
    expect(sealed.status).toBe(200);
    const blob = (sealed.body as { CiphertextBlob: string }).CiphertextBlob;
    expect((await call(app, "Decrypt", { CiphertextBlob: blob })).status).toBe(200);
    // Not granted: GenerateDataKey; another principal.
    expect((await call(app, "GenerateDataKey", { KeyId: key.KeyId, KeySpec: "AES_256" })).body).toMatchObject({
      __type: "AccessDeniedException",
    });
    expect((await call(stranger, "Decrypt", { CiphertextBlob: blob })).body).toMatchObject({
      __type: "AccessDeniedException",
    });
    const { GrantId } = granted.body as { GrantId: string };
    expect((await call(root, "RevokeGrant", { KeyId: key.KeyId, GrantId })).status).toBe(200);
    expect((await call(app, "Decrypt", { CiphertextBlob: blob })).body).toMatchObject({
      __type: "AccessDeniedException",
    });
  });

  it("a grant's EncryptionContextEquals constraint allows only requests with exactly that context", async () => {
    const { call, createKey, encrypt } = setup();
    const key = await createKey();
    const granted = await call(root, "CreateGrant", {
      KeyId: key.KeyId,
      GranteePrincipal: app.principalArn,
      Operations: ["Encrypt"],
      Constraints: { EncryptionContextEquals: { tenant: "blue" } },
    });
    expect(granted.status).toBe(200);
    expect((await encrypt(app, key.KeyId, { tenant: "blue" })).status).toBe(200);
    expect((await encrypt(app, key.KeyId, { tenant: "blue", extra: "x" })).body).toMatchObject({
      __type: "AccessDeniedException",
    });
    expect((await encrypt(app, key.KeyId)).body).toMatchObject({ __type: "AccessDeniedException" });
  });

  it("an explicit Deny in the key policy wins over a grant", async () => {
    const { call, createKey, encrypt } = setup();
    const key = await createKey({
      Effect: "Deny",
      Principal: { AWS: app.principalArn },
      Action: "kms:Encrypt",
      Resource: "*",
    });
    await call(root, "CreateGrant", { KeyId: key.KeyId, GranteePrincipal: app.principalArn, Operations: ["Encrypt"] });
    expect((await encrypt(app, key.KeyId)).body).toMatchObject({ __type: "AccessDeniedException" });
  });

  it("another account encrypts with the key ARN when the key policy and its IAM policy both allow it", async () => {
    const { createKey, encrypt } = setup();
    const shared = await createKey({
      Effect: "Allow",
      Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` },
      Action: ["kms:Encrypt", "kms:Decrypt"],
      Resource: "*",
    });
    const closed = await createKey();
    expect((await encrypt(partner, shared.Arn)).status).toBe(200);
    expect((await encrypt(partner, closed.Arn)).body).toMatchObject({ __type: "AccessDeniedException" });
  });

  it("ReEncrypt needs kms:ReEncryptFrom on the source key and kms:ReEncryptTo on the destination", async () => {
    const { call, createKey, encrypt } = setup();
    const from = { Effect: "Allow", Principal: { AWS: app.principalArn }, Action: "kms:ReEncryptFrom", Resource: "*" };
    const to = { Effect: "Allow", Principal: { AWS: app.principalArn }, Action: "kms:ReEncryptTo", Resource: "*" };
    const source = await createKey(from);
    const destination = await createKey(to);
    const noTo = await createKey();
    const blob = ((await encrypt(root, source.KeyId)).body as { CiphertextBlob: string }).CiphertextBlob;
    expect((await call(app, "ReEncrypt", { CiphertextBlob: blob, DestinationKeyId: destination.KeyId })).status).toBe(
      200,
    );
    expect(await call(app, "ReEncrypt", { CiphertextBlob: blob, DestinationKeyId: noTo.KeyId })).toEqual({
      status: 400,
      body: { __type: "AccessDeniedException", message: deniedText(app.principalArn, "kms:ReEncryptTo", noTo.Arn) },
    });
  });
});
