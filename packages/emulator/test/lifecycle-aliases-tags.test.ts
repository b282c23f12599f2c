import { beforeEach, describe, expect, it } from "vitest";
import { createEmulatorApp, createMemoryStore } from "../src/index.js";

const ACCOUNT = "111122223333";
const REGION = "us-east-1";
const NOW = 1_700_000_000_000;

let counter = 0;
function makeApp() {
  const store = createMemoryStore();
  const ids = {
    keyId: () => `00000000-0000-4000-8000-${String(++counter).padStart(12, "0")}`,
    requestId: () => "11111111-1111-4111-8111-111111111111",
    keyMaterialId: () => "a".repeat(64),
  };
  return createEmulatorApp({ store, clock: { now: () => NOW }, ids });
}

type App = ReturnType<typeof makeApp>;

async function call(app: App, operation: string, body: unknown, region = REGION) {
  const response = await app.request("/", {
    method: "POST",
    headers: {
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": `TrentService.${operation}`,
      authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/${region}/kms/aws4_request, SignedHeaders=host, Signature=x`,
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text === "" ? undefined : (JSON.parse(text) as Record<string, any>) };
}

async function createKey(app: App, request: object = {}) {
  const { body } = await call(app, "CreateKey", request);
  return body?.["KeyMetadata"] as { KeyId: string; Arn: string };
}

const arnOf = (keyId: string) => `arn:aws:kms:${REGION}:${ACCOUNT}:key/${keyId}`;

describe("key lifecycle", () => {
  let app: App;
  beforeEach(() => {
    app = makeApp();
  });

  it("disables and enables a key, idempotently, and DescribeKey follows", async () => {
    const { KeyId } = await createKey(app);
    expect(await call(app, "DisableKey", { KeyId })).toEqual({ status: 200, body: undefined });
    expect(await call(app, "DisableKey", { KeyId })).toEqual({ status: 200, body: undefined });
    const disabled = await call(app, "DescribeKey", { KeyId });
    expect(disabled.body?.["KeyMetadata"]).toMatchObject({ KeyState: "Disabled", Enabled: false });
    expect(await call(app, "EnableKey", { KeyId })).toEqual({ status: 200, body: undefined });
    const enabled = await call(app, "DescribeKey", { KeyId });
    expect(enabled.body?.["KeyMetadata"]).toMatchObject({ KeyState: "Enabled", Enabled: true });
  });

  it("schedules deletion 30 days out by default and answers the key ARN", async () => {
    const { KeyId } = await createKey(app);
    const scheduled = await call(app, "ScheduleKeyDeletion", { KeyId });
    expect(scheduled).toEqual({
      status: 200,
      body: { KeyId: arnOf(KeyId), DeletionDate: NOW / 1000 + 30 * 86400, KeyState: "PendingDeletion", PendingWindowInDays: 30 },
    });
    const described = await call(app, "DescribeKey", { KeyId });
    expect(described.body?.["KeyMetadata"]).toMatchObject({
      KeyState: "PendingDeletion",
      Enabled: false,
      DeletionDate: NOW / 1000 + 30 * 86400,
    });
  });

  it("refuses a second ScheduleKeyDeletion with the recorded text", async () => {
    const { KeyId } = await createKey(app);
    await call(app, "ScheduleKeyDeletion", { KeyId, PendingWindowInDays: 7 });
    expect(await call(app, "ScheduleKeyDeletion", { KeyId })).toEqual({
      status: 400,
      body: { __type: "KMSInvalidStateException", message: `${arnOf(KeyId)} is pending deletion.` },
    });
  });

  it.each([
    { days: 6, message: "PendingWindowInDays should be between 7 and 30, but it is 6" },
    { days: 31, message: "PendingWindowInDays should be between 7 and 30, but it is 31" },
  ])("refuses a window of $days days", async ({ days, message }) => {
    const { KeyId } = await createKey(app);
    expect(await call(app, "ScheduleKeyDeletion", { KeyId, PendingWindowInDays: days })).toEqual({
      status: 400,
      body: { __type: "ValidationException", message },
    });
  });

  it("answers a window beyond the model's range with the Coral text", async () => {
    const { KeyId } = await createKey(app);
    const result = await call(app, "ScheduleKeyDeletion", { KeyId, PendingWindowInDays: 366 });
    expect(result.body).toEqual({
      __type: "ValidationException",
      message:
        "1 validation error detected: Value '366' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value less than or equal to 365",
    });
  });

  it("cancels deletion into Disabled without a DeletionDate", async () => {
    const { KeyId } = await createKey(app);
    await call(app, "ScheduleKeyDeletion", { KeyId });
    expect(await call(app, "CancelKeyDeletion", { KeyId })).toEqual({ status: 200, body: { KeyId: arnOf(KeyId) } });
    const metadata = (await call(app, "DescribeKey", { KeyId })).body?.["KeyMetadata"];
    expect(metadata).toMatchObject({ KeyState: "Disabled", Enabled: false });
    expect(metadata).not.toHaveProperty("DeletionDate");
  });

  it("returns an EXTERNAL key without material to PendingImport on cancel", async () => {
    const { KeyId } = await createKey(app, { Origin: "EXTERNAL" });
    await call(app, "ScheduleKeyDeletion", { KeyId });
    await call(app, "CancelKeyDeletion", { KeyId });
    expect((await call(app, "DescribeKey", { KeyId })).body?.["KeyMetadata"]).toMatchObject({ KeyState: "PendingImport" });
  });

  it("refuses CancelKeyDeletion for a key not pending deletion", async () => {
    const { KeyId } = await createKey(app);
    expect((await call(app, "CancelKeyDeletion", { KeyId })).body).toEqual({
      __type: "KMSInvalidStateException",
      message: `${arnOf(KeyId)} is not pending deletion.`,
    });
  });

  it.each(["EnableKey", "DisableKey"])("refuses %s for keys pending deletion or pending import", async (operation) => {
    const { KeyId: pending } = await createKey(app);
    await call(app, "ScheduleKeyDeletion", { KeyId: pending });
    expect((await call(app, operation, { KeyId: pending })).body).toEqual({
      __type: "KMSInvalidStateException",
      message: `${arnOf(pending)} is pending deletion.`,
    });
    const { KeyId: external } = await createKey(app, { Origin: "EXTERNAL" });
    expect((await call(app, operation, { KeyId: external })).body).toEqual({
      __type: "KMSInvalidStateException",
      message: `${arnOf(external)} is pending import.`,
    });
  });

  it("answers the policy operations and DescribeKey in every state it can reach", async () => {
    const { KeyId } = await createKey(app);
    const { KeyId: external } = await createKey(app, { Origin: "EXTERNAL" });
    await call(app, "ScheduleKeyDeletion", { KeyId });
    for (const id of [KeyId, external]) {
      expect((await call(app, "GetKeyPolicy", { KeyId: id })).status).toBe(200);
      expect((await call(app, "ListKeyPolicies", { KeyId: id })).body).toEqual({ PolicyNames: ["default"], Truncated: false });
      expect((await call(app, "DescribeKey", { KeyId: id })).status).toBe(200);
      const policy = JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "kms:*", Resource: "*" }],
      });
      expect(await call(app, "PutKeyPolicy", { KeyId: id, Policy: policy })).toEqual({ status: 200, body: undefined });
    }
  });
});

describe("aliases", () => {
  let app: App;
  beforeEach(() => {
    app = makeApp();
  });

  it("creates, lists, updates and deletes an alias", async () => {
    const a = await createKey(app);
    const b = await createKey(app);
    expect(await call(app, "CreateAlias", { AliasName: "alias/app", TargetKeyId: a.KeyId })).toEqual({ status: 200, body: undefined });
    expect((await call(app, "DescribeKey", { KeyId: "alias/app" })).body?.["KeyMetadata"].KeyId).toBe(a.KeyId);
    expect((await call(app, "ListAliases", {})).body).toEqual({
      Aliases: [
        {
          AliasName: "alias/app",
          AliasArn: `arn:aws:kms:${REGION}:${ACCOUNT}:alias/app`,
          TargetKeyId: a.KeyId,
          CreationDate: NOW / 1000,
          LastUpdatedDate: NOW / 1000,
        },
      ],
      Truncated: false,
    });
    expect(await call(app, "UpdateAlias", { AliasName: "alias/app", TargetKeyId: b.Arn })).toEqual({ status: 200, body: undefined });
    expect((await call(app, "GetKeyPolicy", { KeyId: `arn:aws:kms:${REGION}:${ACCOUNT}:alias/app` })).status).toBe(200);
    expect((await call(app, "ListAliases", { KeyId: b.KeyId })).body?.["Aliases"]).toHaveLength(1);
    expect((await call(app, "ListAliases", { KeyId: a.KeyId })).body?.["Aliases"]).toHaveLength(0);
    expect(await call(app, "DeleteAlias", { AliasName: "alias/app" })).toEqual({ status: 200, body: undefined });
    expect((await call(app, "DescribeKey", { KeyId: "alias/app" })).body).toEqual({
      __type: "NotFoundException",
      message: `Alias arn:aws:kms:${REGION}:${ACCOUNT}:alias/app is not found.`,
    });
  });

  it.each([
    {
      what: "a name without alias/",
      AliasName: "app",
      error: {
        __type: "ValidationException",
        message: 'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html',
      },
    },
    { what: "a reserved name", AliasName: "alias/aws/s3", error: { __type: "InvalidAliasNameException" } },
    {
      what: "a name with a space",
      AliasName: "alias/my app",
      error: {
        __type: "ValidationException",
        message:
          "1 validation error detected: Value 'alias/my app' at 'aliasName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$",
      },
    },
  ])("refuses $what", async ({ AliasName, error }) => {
    const { KeyId } = await createKey(app);
    const result = await call(app, "CreateAlias", { AliasName, TargetKeyId: KeyId });
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject(error);
  });

  it("keeps one alias name per account and region", async () => {
    const { KeyId } = await createKey(app);
    await call(app, "CreateAlias", { AliasName: "alias/one", TargetKeyId: KeyId });
    expect((await call(app, "CreateAlias", { AliasName: "alias/one", TargetKeyId: KeyId })).body).toEqual({
      __type: "AlreadyExistsException",
      message: `An alias with the name arn:aws:kms:${REGION}:${ACCOUNT}:alias/one already exists`,
    });
    const other = await call(app, "CreateKey", {}, "eu-west-1");
    const otherId = other.body?.["KeyMetadata"].KeyId as string;
    expect((await call(app, "CreateAlias", { AliasName: "alias/one", TargetKeyId: otherId }, "eu-west-1")).status).toBe(200);
  });

  it("takes a key ID or key ARN as target, not an alias", async () => {
    const { KeyId } = await createKey(app);
    await call(app, "CreateAlias", { AliasName: "alias/one", TargetKeyId: KeyId });
    expect((await call(app, "CreateAlias", { AliasName: "alias/two", TargetKeyId: "alias/one" })).body).toEqual({
      __type: "NotFoundException",
      message: "Invalid keyId 'alias/one'",
    });
  });

  it("refuses a target pending deletion", async () => {
    const { KeyId } = await createKey(app);
    await call(app, "ScheduleKeyDeletion", { KeyId });
    expect((await call(app, "CreateAlias", { AliasName: "alias/late", TargetKeyId: KeyId })).body).toEqual({
      __type: "KMSInvalidStateException",
      message: `${arnOf(KeyId)} is pending deletion.`,
    });
  });

  it("paginates ListAliases in name order", async () => {
    const { KeyId } = await createKey(app);
    for (const name of ["c", "a", "b"]) await call(app, "CreateAlias", { AliasName: `alias/${name}`, TargetKeyId: KeyId });
    const first = (await call(app, "ListAliases", { Limit: 2 })).body;
    expect(first?.["Aliases"].map((a: { AliasName: string }) => a.AliasName)).toEqual(["alias/a", "alias/b"]);
    expect(first).toMatchObject({ NextMarker: "alias/b", Truncated: true });
    const second = (await call(app, "ListAliases", { Limit: 2, Marker: first?.["NextMarker"] })).body;
    expect(second?.["Aliases"].map((a: { AliasName: string }) => a.AliasName)).toEqual(["alias/c"]);
    expect(second).not.toHaveProperty("NextMarker");
  });

  it("answers an unknown alias on UpdateAlias and DeleteAlias", async () => {
    const { KeyId } = await createKey(app);
    const notFound = { __type: "NotFoundException", message: `Alias arn:aws:kms:${REGION}:${ACCOUNT}:alias/none is not found.` };
    expect((await call(app, "UpdateAlias", { AliasName: "alias/none", TargetKeyId: KeyId })).body).toEqual(notFound);
    expect((await call(app, "DeleteAlias", { AliasName: "alias/none" })).body).toEqual(notFound);
  });
});

describe("tags", () => {
  let app: App;
  beforeEach(() => {
    app = makeApp();
  });

  it("keeps CreateKey tags, adds, replaces and removes them", async () => {
    const { KeyId } = await createKey(app, { Tags: [{ TagKey: "env", TagValue: "dev" }] });
    expect((await call(app, "ListResourceTags", { KeyId })).body).toEqual({ Tags: [{ TagKey: "env", TagValue: "dev" }], Truncated: false });
    await call(app, "TagResource", { KeyId, Tags: [{ TagKey: "team", TagValue: "a" }, { TagKey: "env", TagValue: "prod" }] });
    expect((await call(app, "ListResourceTags", { KeyId })).body?.["Tags"]).toEqual([
      { TagKey: "env", TagValue: "prod" },
      { TagKey: "team", TagValue: "a" },
    ]);
    await call(app, "UntagResource", { KeyId, TagKeys: ["env", "missing"] });
    expect((await call(app, "ListResourceTags", { KeyId })).body?.["Tags"]).toEqual([{ TagKey: "team", TagValue: "a" }]);
  });

  it("paginates ListResourceTags", async () => {
    const Tags = Array.from({ length: 3 }, (_, i) => ({ TagKey: `k${i}`, TagValue: "v" }));
    const { KeyId } = await createKey(app, { Tags });
    const first = (await call(app, "ListResourceTags", { KeyId, Limit: 2 })).body;
    expect(first).toEqual({ Tags: Tags.slice(0, 2), NextMarker: "k1", Truncated: true });
    expect((await call(app, "ListResourceTags", { KeyId, Limit: 2, Marker: "k1" })).body).toEqual({ Tags: Tags.slice(2), Truncated: false });
  });

  it("refuses reserved aws: tag keys on CreateKey and TagResource", async () => {
    const { KeyId } = await createKey(app);
    const reserved = { __type: "TagException", message: "Tags beginning with aws: are reserved" };
    expect((await call(app, "TagResource", { KeyId, Tags: [{ TagKey: "aws:x", TagValue: "v" }] })).body).toEqual(reserved);
    expect((await call(app, "CreateKey", { Tags: [{ TagKey: "AWS:x", TagValue: "v" }] })).body).toEqual(reserved);
  });

  it("refuses tagging a key pending deletion but still lists its tags", async () => {
    const { KeyId } = await createKey(app, { Tags: [{ TagKey: "a", TagValue: "b" }] });
    await call(app, "ScheduleKeyDeletion", { KeyId });
    expect((await call(app, "TagResource", { KeyId, Tags: [{ TagKey: "c", TagValue: "d" }] })).body?.["__type"]).toBe(
      "KMSInvalidStateException",
    );
    expect((await call(app, "ListResourceTags", { KeyId })).status).toBe(200);
  });
});

describe("protocol hygiene", () => {
  const app = makeApp();
  const headers = { "content-type": "application/x-amz-json-1.1", "x-amz-target": "TrentService.ListKeys" };

  it.each([
    { what: "a body that is not JSON", init: { method: "POST", headers, body: "{not json" }, type: "SerializationException" },
    { what: "a JSON array body", init: { method: "POST", headers, body: "[1]" }, type: "SerializationException" },
    {
      what: "a text/plain content type",
      init: { method: "POST", headers: { ...headers, "content-type": "text/plain" }, body: "{}" },
      type: "UnknownOperationException",
    },
    {
      what: "no content type",
      init: { method: "POST", headers: { "x-amz-target": "TrentService.ListKeys" }, body: "{}" },
      type: "UnknownOperationException",
    },
    { what: "a GET", init: { method: "GET" }, type: "UnknownOperationException" },
    { what: "a PUT", init: { method: "PUT", headers, body: "{}" }, type: "UnknownOperationException" },
    { what: "a DELETE on another path", init: { method: "DELETE" }, path: "/x", type: "UnknownOperationException" },
    {
      what: "an unknown operation",
      init: { method: "POST", headers: { ...headers, "x-amz-target": "TrentService.DoesNotExist" }, body: "{}" },
      type: "UnknownOperationException",
    },
  ])("answers $what with an AWS-shaped 400", async ({ init, type, path }) => {
    const response = await app.request(path ?? "/", init);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/x-amz-json-1.1");
    expect(response.headers.get("x-amzn-RequestId")).toMatch(/^[0-9a-f-]{36}$/);
    expect((JSON.parse(await response.text()) as { __type: string }).__type).toBe(type);
  });

  it("accepts application/json with a charset", async () => {
    const response = await app.request("/", {
      method: "POST",
      headers: { ...headers, "content-type": "application/json; charset=utf-8" },
      body: "{}",
    });
    expect(response.status).toBe(200);
  });

  it("answers a body over the limit without a Content-Length with 413, never reading it all", async () => {
    const small = createEmulatorApp({
      store: createMemoryStore(),
      clock: { now: () => NOW },
      ids: { keyId: () => "k", requestId: () => "11111111-1111-4111-8111-111111111111", keyMaterialId: () => "a" },
      config: { maxBodyBytes: 64 },
    });
    const chunk = new TextEncoder().encode(" ".repeat(50));
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 1000) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const response = await small.request("/", { method: "POST", headers, body, duplex: "half" } as RequestInit);
    expect(response.status).toBe(413);
    expect(JSON.parse(await response.text())).toMatchObject({ __type: "RequestEntityTooLargeException" });
    expect(pulled).toBeLessThan(10);
  });
});

describe("key policy validation on CreateKey and PutKeyPolicy (KMS-FIDELITY.md §7)", () => {
  let app: App;
  beforeEach(() => {
    app = makeApp();
  });
  const statement = (principal: unknown, action = "kms:*") => ({ Effect: "Allow", Principal: principal, Action: action, Resource: "*" });
  const policyOf = (...statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
  const lockout = policyOf(statement({ AWS: `arn:aws:iam::${ACCOUNT}:root` }, "kms:Describe*"));

  it.each([
    { what: "text that is not JSON", Policy: "not a real policy statement", error: { __type: "MalformedPolicyDocumentException" } },
    {
      what: "a statement without a principal",
      Policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "kms:*", Resource: "*" }] }),
      error: { __type: "MalformedPolicyDocumentException", message: "Policy contains a statement with no principal." },
    },
    {
      what: "an invalid principal",
      Policy: policyOf(statement({ AWS: `arn:aws:iam::${ACCOUNT}:root` }), statement({ AWS: "not-a-principal" })),
      error: { __type: "MalformedPolicyDocumentException", message: "Policy contains a statement with one or more invalid principals." },
    },
    {
      what: "a policy that locks the caller out",
      Policy: lockout,
      error: {
        __type: "MalformedPolicyDocumentException",
        message: "The new key policy will not allow you to update the key policy in the future.",
      },
    },
    {
      what: "a policy over 32 KiB",
      Policy: policyOf({ ...statement({ AWS: `arn:aws:iam::${ACCOUNT}:root` }), Sid: "x".repeat(33_000) }),
      error: { __type: "LimitExceededException" },
    },
  ])("refuses $what on both operations", async ({ Policy, error }) => {
    const created = await call(app, "CreateKey", { Policy });
    expect(created.status).toBe(400);
    expect(created.body).toMatchObject(error);
    if (error.__type === "MalformedPolicyDocumentException" && !("message" in error)) {
      expect(created.body).not.toHaveProperty("message");
    }
    const { KeyId } = await createKey(app);
    const put = await call(app, "PutKeyPolicy", { KeyId, Policy });
    expect(put.body).toMatchObject(error);
  });

  it("skips only the lockout check when BypassPolicyLockoutSafetyCheck is true", async () => {
    expect((await call(app, "CreateKey", { Policy: lockout, BypassPolicyLockoutSafetyCheck: true })).status).toBe(200);
    const { KeyId } = await createKey(app);
    expect(await call(app, "PutKeyPolicy", { KeyId, Policy: lockout, BypassPolicyLockoutSafetyCheck: true })).toEqual({
      status: 200,
      body: undefined,
    });
    expect((await call(app, "PutKeyPolicy", { KeyId, Policy: "nope", BypassPolicyLockoutSafetyCheck: true })).body).toEqual({
      __type: "MalformedPolicyDocumentException",
    });
  });

  it("resolves the key before looking at the document", async () => {
    const missing = "00000000-0000-4000-8000-999999999999";
    expect((await call(app, "PutKeyPolicy", { KeyId: missing, Policy: "nope" })).body).toEqual({
      __type: "NotFoundException",
      message: `Key '${arnOf(missing)}' does not exist`,
    });
  });

  it("checks the model constraints before the key", async () => {
    const result = await call(app, "PutKeyPolicy", { KeyId: "nope", Policy: "\u0100" });
    expect(result.body).toEqual({
      __type: "ValidationException",
      message:
        "1 validation error detected: Value '\u0100' at 'policy' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+",
    });
  });

  it("stores a single-line document in AWS's pretty format", async () => {
    const { KeyId } = await createKey(app);
    await call(app, "PutKeyPolicy", { KeyId, Policy: policyOf(statement({ AWS: `arn:aws:iam::${ACCOUNT}:root` })) });
    expect((await call(app, "GetKeyPolicy", { KeyId })).body).toEqual({
      Policy: `{\n  "Version" : "2012-10-17",\n  "Statement" : [ {\n    "Effect" : "Allow",\n    "Principal" : {\n      "AWS" : "arn:aws:iam::${ACCOUNT}:root"\n    },\n    "Action" : "kms:*",\n    "Resource" : "*"\n  } ]\n}`,
      PolicyName: "default",
    });
  });
});
