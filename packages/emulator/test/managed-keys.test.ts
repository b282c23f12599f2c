import { describe, expect, it } from "vitest";
import { createEmulatorApp, createMemoryStore } from "../src/index.js";
import { MANAGED_ALIAS_NAMES, managedKeyPolicy } from "../src/app/managed-keys.js";
import { manualClock, sequentialIds } from "../src/testing/index.js";

// AWS managed keys (app/managed-keys.ts): predefined aliases listed without a target, the key made on first use, and
// the customer-only operations refused by the key's policy. The wire answers on every target are contract cases
// (fixtures/cases/managed-keys.json); these tests cover what the cases cannot: concurrency, pagination through the
// merge, and every predefined policy reading as a valid document.

const START = Date.UTC(2026, 0, 1);

function setup(config: object = {}) {
  const store = createMemoryStore();
  const app = createEmulatorApp({
    store,
    clock: manualClock(START),
    ids: sequentialIds(),
    config: { logError: () => {}, ...config },
  });
  const call = async (operation: string, body: object) => {
    const res = await app.request("/", {
      method: "POST",
      headers: { "x-amz-target": `TrentService.${operation}`, "content-type": "application/x-amz-json-1.1" },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text === "" ? {} : JSON.parse(text)) as Record<string, unknown> };
  };
  return { store, call };
}

type Listed = { AliasName: string; TargetKeyId?: string; CreationDate?: number };

describe("AWS managed keys", () => {
  it("lists the 14 predefined aliases in a new account, in name order, without TargetKeyId or dates", async () => {
    const { call } = setup();
    const { body } = await call("ListAliases", {});
    const aliases = body["Aliases"] as Listed[];
    expect(aliases.map((a) => a.AliasName)).toEqual([...MANAGED_ALIAS_NAMES]);
    expect(aliases).toHaveLength(14);
    expect(aliases[10]).toEqual({
      AliasName: "alias/aws/s3",
      AliasArn: "arn:aws:kms:us-east-1:111122223333:alias/aws/s3",
    });
    expect(body["Truncated"]).toBe(false);
  });

  it("pages through customer and predefined aliases together, each listed once, at every page size", async () => {
    const { call } = setup();
    const keyId = ((await call("CreateKey", {})).body["KeyMetadata"] as { KeyId: string }).KeyId;
    for (const name of ["alias/Zeta", "alias/aws-like", "alias/zz"])
      expect((await call("CreateAlias", { AliasName: name, TargetKeyId: keyId })).status).toBe(200);
    await call("DescribeKey", { KeyId: "alias/aws/lambda" });
    await call("DescribeKey", { KeyId: "alias/aws/xray" });
    const everything = ((await call("ListAliases", { Limit: 100 })).body["Aliases"] as Listed[]).map(
      (a) => a.AliasName,
    );
    const expected = [...MANAGED_ALIAS_NAMES, "alias/Zeta", "alias/aws-like", "alias/zz"].sort((a, b) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    expect(everything).toEqual(expected);
    for (let limit = 1; limit <= 6; limit++) {
      const seen: string[] = [];
      let marker: string | undefined;
      for (let n = 0; n < 30; n++) {
        const { body } = await call("ListAliases", {
          Limit: limit,
          ...(marker === undefined ? {} : { Marker: marker }),
        });
        const page = body["Aliases"] as Listed[];
        expect(page.length).toBeLessThanOrEqual(limit);
        seen.push(...page.map((a) => a.AliasName));
        if (body["Truncated"] !== true) {
          expect(body).not.toHaveProperty("NextMarker");
          break;
        }
        expect(page).toHaveLength(limit);
        marker = body["NextMarker"] as string;
        expect(marker).toBe(page.at(-1)?.AliasName);
      }
      expect(seen, `Limit ${limit}`).toEqual(expected);
    }
  });

  it("makes one key on concurrent first uses of an alias", async () => {
    const { call } = setup();
    const answers = await Promise.all(Array.from({ length: 5 }, () => call("DescribeKey", { KeyId: "alias/aws/ebs" })));
    const ids = new Set(answers.map((a) => (a.body["KeyMetadata"] as { KeyId: string }).KeyId));
    expect(ids.size).toBe(1);
    const keys = (await call("ListKeys", {})).body["Keys"] as unknown[];
    expect(keys).toHaveLength(1);
    const aliases = (await call("ListAliases", {})).body["Aliases"] as Listed[];
    expect(aliases.find((a) => a.AliasName === "alias/aws/ebs")?.TargetKeyId).toBe([...ids][0]);
  });

  it("makes the key in the caller's account and region only", async () => {
    const { call, store } = setup();
    await call("DescribeKey", { KeyId: "alias/aws/s3" });
    expect(await store.getAlias({ accountId: "111122223333", region: "us-east-1" }, "alias/aws/s3")).toBeDefined();
    expect(await store.getAlias({ accountId: "111122223333", region: "eu-west-1" }, "alias/aws/s3")).toBeUndefined();
    expect(await store.getAlias({ accountId: "444455556666", region: "us-east-1" }, "alias/aws/s3")).toBeUndefined();
  });

  it("makes no key in another account for an alias ARN of that account", async () => {
    const { call, store } = setup();
    const answer = await call("DescribeKey", { KeyId: "arn:aws:kms:us-east-1:444455556666:alias/aws/s3" });
    expect(answer.status).toBe(400);
    expect(await store.getAlias({ accountId: "444455556666", region: "us-east-1" }, "alias/aws/s3")).toBeUndefined();
  });

  it("refuses customer-only operations by the key policy, also when key policies are enforced", async () => {
    for (const enforceKeyPolicies of [false, true]) {
      const { call } = setup({ enforceKeyPolicies });
      const arn = ((await call("DescribeKey", { KeyId: "alias/aws/s3" })).body["KeyMetadata"] as { Arn: string }).Arn;
      const refused = await call("DisableKey", { KeyId: arn });
      expect(refused).toEqual({
        status: 400,
        body: {
          __type: "AccessDeniedException",
          message: `User: arn:aws:iam::111122223333:root is not authorized to perform: kms:DisableKey on resource: ${arn} because no resource-based policy allows the kms:DisableKey action`,
        },
      });
      expect((await call("GetKeyRotationStatus", { KeyId: arn })).status).toBe(200);
    }
  });

  it("answers each key by its own policy: the ACM key lets the account describe it and read its policy only", async () => {
    const { call } = setup();
    const described = await call("DescribeKey", { KeyId: "alias/aws/acm" });
    expect(described.status).toBe(200);
    expect((await call("GetKeyPolicy", { KeyId: "alias/aws/acm" })).status).toBe(200);
    const rotation = await call("GetKeyRotationStatus", { KeyId: "alias/aws/acm" });
    expect(rotation.body["__type"]).toBe("AccessDeniedException");
    expect((await call("GetKeyRotationStatus", { KeyId: "alias/aws/ebs" })).status).toBe(200);
  });

  it("gives every predefined key a policy in AWS's format that names the account, partition and region", () => {
    for (const name of MANAGED_ALIAS_NAMES) {
      const text = managedKeyPolicy(name, { accountId: "111122223333", region: "eu-west-2", partition: "aws" });
      const parsed = JSON.parse(text) as { Version: string; Id: string; Statement: unknown[] };
      expect(parsed.Version).toBe("2012-10-17");
      expect(parsed.Id).toMatch(/^auto-/);
      expect(text).toContain('"kms:CallerAccount" : "111122223333"');
      expect(text).not.toMatch(/\n$/);
    }
    expect(
      managedKeyPolicy("alias/aws/s3", { accountId: "111122223333", region: "us-east-1", partition: "aws" }),
    ).toBe(`{
  "Version" : "2012-10-17",
  "Id" : "auto-s3-2",
  "Statement" : [ {
    "Sid" : "Allow access through S3 for all principals in the account that are authorized to use S3",
    "Effect" : "Allow",
    "Principal" : {
      "AWS" : "*"
    },
    "Action" : [ "kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey" ],
    "Resource" : "*",
    "Condition" : {
      "StringEquals" : {
        "kms:CallerAccount" : "111122223333",
        "kms:ViaService" : "s3.us-east-1.amazonaws.com"
      }
    }
  }, {
    "Sid" : "Allow direct access to key metadata to the account",
    "Effect" : "Allow",
    "Principal" : {
      "AWS" : "arn:aws:iam::111122223333:root"
    },
    "Action" : [ "kms:Describe*", "kms:Get*", "kms:List*" ],
    "Resource" : "*"
  } ]
}`);
  });
});
