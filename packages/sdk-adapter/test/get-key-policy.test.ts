import { KMSClient, NotFoundException } from "@aws-sdk/client-kms";
import { createEmulatorApp, createMemoryStore, applySeed } from "@keypolicy/emulator";
import { beforeEach, describe, expect, it } from "vitest";
import { createInProcessHandler, getKeyPolicy, safeGetKeyPolicy } from "../src/index.js";

const KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";

async function makeClient(onRequest?: () => void) {
  const store = createMemoryStore();
  const ids = {
    keyId: () => crypto.randomUUID(),
    requestId: () => crypto.randomUUID(),
    keyMaterialId: () => "0".repeat(64),
    grantId: () => "1".repeat(64),
    randomBytes: (length: number) => new Uint8Array(length),
  };
  const clock = { now: () => 1_700_000_000_000 };
  await applySeed(
    store,
    { keys: [{ KeyId: KEY_ID, Aliases: ["alias/ExampleAlias"] }] },
    { accountId: "111122223333", region: "us-east-2" },
    { clock, ids },
  );
  const app = createEmulatorApp({ store, clock, ids });
  return new KMSClient({
    region: "us-east-2",
    endpoint: "http://kms.in-process",
    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
    requestHandler: createInProcessHandler((request) => {
      onRequest?.();
      return app.fetch(request);
    }),
  });
}

describe("getKeyPolicy through the in-process handler", () => {
  let sent = 0;
  let client: KMSClient;
  beforeEach(async () => {
    sent = 0;
    client = await makeClient(() => sent++);
  });

  it("returns the policy text, its name and the parsed document without a PolicyName", async () => {
    const out = await getKeyPolicy(client, { KeyId: KEY_ID });
    expect(out.PolicyName).toBe("default");
    expect(out.Policy.startsWith('{\n  "Version" : "2012-10-17",')).toBe(true);
    expect(out.document?.kind).toBe("object");
    expect(sent).toBe(1);
  });

  it("resolves an alias name to its key", async () => {
    const out = await getKeyPolicy(client, { KeyId: "alias/ExampleAlias" });
    expect(out.Policy).toContain("arn:aws:iam::111122223333:root");
  });

  it("refuses a malformed key ID before sending anything, with the text KMS would send", async () => {
    const result = await safeGetKeyPolicy(client, { KeyId: "fake-key-id" });
    expect(result).toMatchObject({
      success: false,
      error: { name: "NotFoundException", message: "Invalid keyId 'fake-key-id'", local: true },
    });
    expect(sent).toBe(0);
  });

  it("refuses a bad policy name before sending anything", async () => {
    const result = await safeGetKeyPolicy(client, { KeyId: KEY_ID, PolicyName: "bad-name!" });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error.name).toBe("ValidationException");
      expect(result.error.message).toBe(
        "1 validation error detected: Value 'bad-name!' at 'policyName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w]+",
      );
    }
    expect(sent).toBe(0);
  });

  it("keeps the SDK's exception class for errors KMS answers, with the error as data", async () => {
    const missing = "11111111-2222-3333-4444-555555555555";
    const thrown = await getKeyPolicy(client, { KeyId: missing }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(NotFoundException);
    expect((thrown as { kmsError: unknown }).kmsError).toEqual({
      name: "NotFoundException",
      message: `Key 'arn:aws:kms:us-east-2:111122223333:key/${missing}' does not exist`,
    });
  });

  it("throws a KMSServiceException named after the AWS error for inputs refused locally", async () => {
    const thrown = await getKeyPolicy(client, { KeyId: "" }).catch((e: unknown) => e);
    expect(thrown).toMatchObject({ name: "ValidationException", $fault: "client" });
  });
});
