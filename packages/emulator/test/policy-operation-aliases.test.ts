import { describe, expect, it } from "vitest";
import { createEmulatorApp, createMemoryStore, type EmulatorConfig } from "../src/index.js";

// KMS-FIDELITY.md §4b: whether the key-policy operations resolve aliases is a decision, set by
// `config.policyOperationAliases`. Both settings are pinned here; the contract cases pin the default.
const ACCOUNT = "111122223333";
const REGION = "us-east-1";
const ALIAS = "alias/policy-operations";
const ALIAS_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:${ALIAS}`;
const POLICY = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "kms:*", Resource: "*" }],
});

function makeApp(config: Partial<EmulatorConfig>) {
  const ids = {
    keyId: () => "00000000-0000-4000-8000-000000000001",
    requestId: () => "11111111-1111-4111-8111-111111111111",
    keyMaterialId: () => "a".repeat(64),
    grantId: () => "b".repeat(64),
    randomBytes: (length: number) => new Uint8Array(length),
  };
  return createEmulatorApp({ store: createMemoryStore(), clock: { now: () => 1_700_000_000_000 }, ids, config });
}

type App = ReturnType<typeof makeApp>;

async function call(app: App, operation: string, body: unknown) {
  const response = await app.request("/", {
    method: "POST",
    headers: {
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": `TrentService.${operation}`,
      authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/${REGION}/kms/aws4_request, SignedHeaders=host, Signature=x`,
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text === "" ? undefined : (JSON.parse(text) as Record<string, unknown>) };
}

/** An app with one key and the alias {@link ALIAS} on it; answers the key ID. */
async function appWithAlias(config: Partial<EmulatorConfig>): Promise<{ app: App; keyId: string }> {
  const app = makeApp(config);
  const created = await call(app, "CreateKey", {});
  const keyId = (created.body?.["KeyMetadata"] as { KeyId: string } | undefined)?.KeyId ?? "";
  expect((await call(app, "CreateAlias", { AliasName: ALIAS, TargetKeyId: keyId })).status).toBe(200);
  return { app, keyId };
}

const requests = (keyId: string) => [
  { operation: "GetKeyPolicy", input: { KeyId: keyId } },
  { operation: "PutKeyPolicy", input: { KeyId: keyId, Policy: POLICY } },
  { operation: "ListKeyPolicies", input: { KeyId: keyId } },
];

describe("aliases in the key-policy operations", () => {
  it.each([ALIAS, ALIAS_ARN])("are resolved by default: %s reaches the key in all three operations", async (alias) => {
    const { app } = await appWithAlias({});
    for (const { operation, input } of requests(alias)) {
      expect((await call(app, operation, input)).status, operation).toBe(200);
    }
  });

  it.each([ALIAS, ALIAS_ARN])(
    "are refused with policyOperationAliases refuse: %s is Invalid keyId in all three operations",
    async (alias) => {
      const { app } = await appWithAlias({ policyOperationAliases: "refuse" });
      for (const { operation, input } of requests(alias)) {
        expect(await call(app, operation, input), operation).toEqual({
          status: 400,
          body: { __type: "NotFoundException", message: `Invalid keyId '${alias}'` },
        });
      }
    },
  );

  it("still take a key ID or key ARN, and DescribeKey still resolves aliases, with policyOperationAliases refuse", async () => {
    const { app, keyId } = await appWithAlias({ policyOperationAliases: "refuse" });
    for (const id of [keyId, `arn:aws:kms:${REGION}:${ACCOUNT}:key/${keyId}`]) {
      for (const { operation, input } of requests(id)) {
        expect((await call(app, operation, input)).status, `${operation} ${id}`).toBe(200);
      }
    }
    const described = await call(app, "DescribeKey", { KeyId: ALIAS });
    expect(described.body?.["KeyMetadata"]).toMatchObject({ KeyId: keyId });
  });
});
