import { describe, expect, it } from "vitest";
import { applySeed, createEmulatorApp, createMemoryStore, parseSeed, type KeyStore } from "../src/index.js";

const KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
// A policy PutKeyPolicy accepts (KMS-FIDELITY.md §7): the caller's account root keeps kms:*.
const CHANGED_POLICY =
  '{"Version":"2012-10-17","Statement":[{"Sid":"Changed","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"}]}';
const AUTH = (region: string, akid = "AKIDEXAMPLE") =>
  `AWS4-HMAC-SHA256 Credential=${akid}/20240101/${region}/kms/aws4_request, SignedHeaders=host;x-amz-date, Signature=00`;

function setup(overrides: { store?: KeyStore; maxBodyBytes?: number } = {}) {
  let n = 0;
  const store = overrides.store ?? createMemoryStore();
  const ids = {
    keyId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`,
    requestId: () => "11111111-1111-4111-8111-111111111111",
    keyMaterialId: () => "a".repeat(64),
    grantId: () => "b".repeat(64),
    randomBytes: (length: number) => new Uint8Array(length),
  };
  const clock = { now: () => 1_700_000_000_500 };
  const app = createEmulatorApp({
    store,
    clock,
    ids,
    config: { ...(overrides.maxBodyBytes ? { maxBodyBytes: overrides.maxBodyBytes } : {}), logError: () => {} },
  });
  const call = (operation: string, body: unknown, region = "us-east-2", akid?: string) =>
    app.request("/", {
      method: "POST",
      headers: {
        "x-amz-target": `TrentService.${operation}`,
        "content-type": "application/x-amz-json-1.1",
        authorization: AUTH(region, akid),
      },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  return { app, store, call, clock, ids };
}

async function seeded() {
  const s = setup();
  await applySeed(
    s.store,
    { keys: [{ KeyId: KEY_ID, Aliases: ["alias/ExampleAlias"] }] },
    { accountId: "111122223333", region: "us-east-2" },
    s,
  );
  return s;
}

describe("emulator app", () => {
  it("answers with the awsJson1_1 content type and a request ID on success and on error", async () => {
    const { call } = await seeded();
    for (const res of [await call("GetKeyPolicy", { KeyId: KEY_ID }), await call("GetKeyPolicy", { KeyId: "nope" })]) {
      expect(res.headers.get("content-type")).toBe("application/x-amz-json-1.1");
      expect(res.headers.get("x-amzn-requestid")).toBe("11111111-1111-4111-8111-111111111111");
    }
  });

  it("answers PutKeyPolicy with an empty 200 body", async () => {
    const { call } = await seeded();
    const res = await call("PutKeyPolicy", { KeyId: KEY_ID, Policy: CHANGED_POLICY });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
  });

  it("reads the region and the 12-digit account from the credential scope", async () => {
    const { call } = setup();
    const created = await (await call("CreateKey", {}, "eu-west-1", "444455556666")).json();
    expect(created.KeyMetadata.Arn).toBe("arn:aws:kms:eu-west-1:444455556666:key/00000000-0000-4000-8000-000000000001");
    const policy = await (
      await call("GetKeyPolicy", { KeyId: created.KeyMetadata.KeyId }, "eu-west-1", "444455556666")
    ).json();
    expect(policy.Policy).toContain('"AWS" : "arn:aws:iam::444455556666:root"');
    const elsewhere = await call("GetKeyPolicy", { KeyId: created.KeyMetadata.KeyId }, "eu-west-1");
    expect(await elsewhere.json()).toEqual({
      __type: "NotFoundException",
      message: "Key 'arn:aws:kms:eu-west-1:111122223333:key/00000000-0000-4000-8000-000000000001' does not exist",
    });
  });

  it("uses the partition of the region in ARNs and the default policy", async () => {
    const { call } = setup();
    const created = await (await call("CreateKey", {}, "cn-north-1")).json();
    expect(created.KeyMetadata.Arn.startsWith("arn:aws-cn:kms:cn-north-1:111122223333:key/")).toBe(true);
    const policy = await (await call("GetKeyPolicy", { KeyId: created.KeyMetadata.Arn }, "cn-north-1")).json();
    expect(policy.Policy).toContain("arn:aws-cn:iam::111122223333:root");
  });

  it("returns CreationDate in epoch seconds with the fraction kept", async () => {
    const { call } = setup();
    const created = await (await call("CreateKey", {})).json();
    expect(created.KeyMetadata.CreationDate).toBe(1_700_000_000.5);
  });

  it("pages ListKeys with Limit and Marker and leaves NextMarker out on the last page", async () => {
    const { call } = setup();
    for (let i = 0; i < 5; i++) await call("CreateKey", {});
    const seen: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const page = await (await call("ListKeys", { Limit: 2, ...(marker ? { Marker: marker } : {}) })).json();
      seen.push(...page.Keys.map((k: { KeyId: string }) => k.KeyId));
      expect("NextMarker" in page).toBe(page.Truncated);
      marker = page.NextMarker;
      pages++;
    } while (marker && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([1, 2, 3, 4, 5].map((i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`));
  });

  it("refuses a ListKeys marker it never handed out", async () => {
    const { call } = setup();
    const res = await call("ListKeys", { Marker: "garbage" });
    expect(res.status).toBe(400);
    expect((await res.json()).__type).toBe("InvalidMarkerException");
  });

  it("answers bodies over the limit with an AWS-shaped error and stores nothing", async () => {
    const { call, store } = setup({ maxBodyBytes: 64 });
    const res = await call("CreateKey", { Description: "x".repeat(100) });
    expect(res.status).toBe(413);
    expect((await res.json()).__type).toBe("RequestEntityTooLargeException");
    expect((await store.listKeys({ accountId: "111122223333", region: "us-east-2" }, { limit: 10 })).items).toEqual([]);
  });

  it("answers other paths and methods with JSON, never HTML", async () => {
    const { app } = setup();
    for (const res of [
      await app.request("/nothing"),
      await app.request("/", { method: "GET" }),
      await app.request("/", { method: "PUT" }),
    ]) {
      expect(res.status).toBe(400);
      expect(await res.text()).toBe('{"__type":"UnknownOperationException"}');
    }
  });

  it("turns a store failure into a KMSInternalException without leaking the cause", async () => {
    const broken = {
      ...createMemoryStore(),
      getKey: async () => {
        throw new Error("disk on fire at /secret/path");
      },
    } as KeyStore;
    const { call } = setup({ store: broken });
    const res = await call("GetKeyPolicy", { KeyId: KEY_ID });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ __type: "KMSInternalException", message: "An internal error occurred." });
    expect(text).not.toContain("secret");
  });
});

describe("seed files", () => {
  it("names every bad member path", () => {
    const result = parseSeed({
      keys: [
        { KeyId: "nope", Region: "mars", Colour: "red" },
        { KeyId: KEY_ID, KeySpec: "HMAC_256" },
      ],
    });
    expect(result.success).toBe(false);
    if (!result.success) {
      const paths = result.error.map((p) => p.path);
      expect(paths).toEqual(expect.arrayContaining(["keys[0].KeyId", "keys[0].Region", "keys[0]"]));
    }
    const usage = parseSeed({ keys: [{ KeyId: KEY_ID, KeySpec: "HMAC_256" }] });
    expect(usage).toMatchObject({ success: false, error: [{ path: "keys[0].KeyUsage" }] });
  });

  it("accepts a policy as an object and stores it in AWS's format, member order kept", async () => {
    const s = setup();
    const statement = {
      Sid: "Root",
      Effect: "Allow",
      Principal: { AWS: "arn:aws:iam::111122223333:root" },
      Action: "kms:*",
      Resource: "*",
    };
    const seed = parseSeed({
      keys: [{ KeyId: KEY_ID, Region: "us-east-2", Policy: { Version: "2012-10-17", Statement: [statement] } }],
    });
    if (!seed.success) throw new Error(`seed should be valid: ${JSON.stringify(seed.error)}`);
    await applySeed(s.store, seed.data, { accountId: "111122223333", region: "us-east-1" }, s);
    const res = await s.call("GetKeyPolicy", { KeyId: KEY_ID });
    expect((await res.json()).Policy).toBe(
      '{\n  "Version" : "2012-10-17",\n  "Statement" : [ {\n    "Sid" : "Root",\n    "Effect" : "Allow",\n    "Principal" : {\n      "AWS" : "arn:aws:iam::111122223333:root"\n    },\n    "Action" : "kms:*",\n    "Resource" : "*"\n  } ]\n}',
    );
  });

  it.each([
    [{ keys: [{ KeyId: KEY_ID, Policy: { Version: "2012-10-17", Statement: [] } }] }, "keys[0].Policy"],
    [
      { keys: [{ KeyId: KEY_ID, Policy: '{"Statement":[{"Effect":"Allow","Action":"kms:*","Resource":"*"}]}' }] },
      "keys[0].Policy",
    ],
    [{ keys: [{ KeyId: KEY_ID, Aliases: ["alias/aws/s3"] }] }, "keys[0].Aliases[0]"],
    [
      {
        keys: [
          { KeyId: KEY_ID, Aliases: ["alias/a"] },
          { KeyId: "11111111-2222-4333-8444-555555555555", Aliases: ["alias/a"] },
        ],
      },
      "keys[1].Aliases[0]",
    ],
    [{ keys: [{ KeyId: KEY_ID }, { KeyId: KEY_ID }] }, "keys[1].KeyId"],
    [{ keys: [{ KeyId: KEY_ID, KeyState: "PendingImport" }] }, "keys[0].KeyState"],
  ])("refuses what AWS would refuse, naming the member: %j", (value, path) => {
    const result = parseSeed(value);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.map((p) => p.path)).toContain(path);
  });

  it("gives a key seeded in PendingDeletion the default 30-day DeletionDate, as ScheduleKeyDeletion would", async () => {
    const s = setup();
    const seed = parseSeed({ keys: [{ KeyId: KEY_ID, Region: "us-east-2", KeyState: "PendingDeletion" }] });
    if (!seed.success) throw new Error("seed should be valid");
    await applySeed(s.store, seed.data, { accountId: "111122223333", region: "us-east-1" }, s);
    const { KeyMetadata } = await (await s.call("DescribeKey", { KeyId: KEY_ID })).json();
    expect(KeyMetadata).toMatchObject({
      KeyState: "PendingDeletion",
      Enabled: false,
      DeletionDate: 1_700_000_000.5 + 30 * 86_400,
    });
  });

  it("puts the seed's values back when asked to overwrite", async () => {
    const s = await seeded();
    await s.call("DisableKey", { KeyId: KEY_ID });
    const report = await applySeed(
      s.store,
      { keys: [{ KeyId: KEY_ID, Description: "again", Aliases: ["alias/ExampleAlias"] }] },
      { accountId: "111122223333", region: "us-east-2" },
      s,
      { overwrite: true },
    );
    expect(report).toEqual({
      keysCreated: 0,
      keysExisting: 1,
      keysOverwritten: 1,
      aliasesCreated: 0,
      aliasesExisting: 1,
      aliasesOverwritten: 1,
    });
    const { KeyMetadata } = await (await s.call("DescribeKey", { KeyId: "alias/ExampleAlias" })).json();
    expect(KeyMetadata).toMatchObject({ KeyState: "Enabled", Description: "again" });
  });

  it("keeps the same KeyId and alias apart in different regions", () => {
    const result = parseSeed({
      keys: [
        { KeyId: KEY_ID, Region: "us-east-1", Aliases: ["alias/a"] },
        { KeyId: KEY_ID, Region: "us-east-2", Aliases: ["alias/a"] },
      ],
    });
    expect(result.success).toBe(true);
  });

  it("is idempotent: applying it again changes nothing and keeps later changes", async () => {
    const s = await seeded();
    await s.call("PutKeyPolicy", { KeyId: KEY_ID, Policy: CHANGED_POLICY });
    const report = await applySeed(
      s.store,
      { keys: [{ KeyId: KEY_ID, Aliases: ["alias/ExampleAlias"] }] },
      { accountId: "111122223333", region: "us-east-2" },
      s,
    );
    expect(report).toEqual({
      keysCreated: 0,
      keysExisting: 1,
      keysOverwritten: 0,
      aliasesCreated: 0,
      aliasesExisting: 1,
      aliasesOverwritten: 0,
    });
    expect((await (await s.call("GetKeyPolicy", { KeyId: KEY_ID })).json()).Policy).toContain('"Sid" : "Changed"');
  });
});
