import { authorize, evaluateKeyPolicy, parseJson, validateKeyPolicy } from "@keypolicy/policy";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKeyPolicyReader } from "../../src/app/auth/key-policy-cache.js";
import { createEmulatorApp } from "../../src/app/create-app.js";
import type { EmulatorConfig } from "../../src/app/deps.js";
import { createMemoryStore } from "../../src/store/memory.js";
import { alice, manualClock, sequentialIds, session } from "./helpers.js";

// Property-based fuzzing of the HTTP layer (the Hono app every runtime serves) and of the policy parser. Bounded and
// reproducible: a fixed seed and number of runs, both overridable (KEYPOLICY_FUZZ_SEED, KEYPOLICY_FUZZ_RUNS) to
// replay a failure fast-check reports or to search longer locally.
const SEED = Number(process.env["KEYPOLICY_FUZZ_SEED"] ?? 20260115);
const RUNS = Number(process.env["KEYPOLICY_FUZZ_RUNS"] ?? 300);
const params = { seed: SEED, numRuns: RUNS } as const;
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const KEY_ID = "00000000-0000-4000-8000-000000000002";

const OPERATIONS = ["GetKeyPolicy", "PutKeyPolicy", "ListKeyPolicies", "CreateKey", "DescribeKey", "ListKeys"];
const MEMBERS = [
  "KeyId",
  "PolicyName",
  "Policy",
  "Limit",
  "Marker",
  "BypassPolicyLockoutSafetyCheck",
  "Description",
  "KeySpec",
  "KeyUsage",
  "Tags",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
];
const KEY_REFERENCES = [
  KEY_ID,
  `arn:aws:kms:us-east-1:111122223333:key/${KEY_ID}`,
  "alias/Fuzz",
  "arn:aws:kms:us-east-1:111122223333:alias/Fuzz",
  "alias/aws/kms",
  "mrk-1234abcd12ab34cd56ef1234567890ab",
];

const policyText = fc.oneof(
  fc.string(),
  fc.json({ maxDepth: 4 }),
  fc
    .record({
      Version: fc.constantFrom("2012-10-17", "2008-10-17", "x"),
      Statement: fc.array(
        fc.record(
          {
            Sid: fc.string(),
            Effect: fc.constantFrom("Allow", "Deny", "allow", "Maybe"),
            Principal: fc.oneof(
              fc.constant("*"),
              fc.record({
                AWS: fc.constantFrom(
                  "*",
                  "arn:aws:iam::111122223333:root",
                  "111122223333",
                  alice.principalArn,
                  "arn:aws:iam::*:root",
                ),
              }),
              fc.record({ Service: fc.string() }),
            ),
            Action: fc.oneof(
              fc.constantFrom("kms:*", "kms:GetKeyPolicy", "kms:Put*", "*"),
              fc.array(fc.string(), { maxLength: 3 }),
            ),
            Resource: fc.constantFrom("*", `arn:aws:kms:us-east-1:111122223333:key/${KEY_ID}`, "arn:aws:kms:*"),
            Condition: fc.dictionary(
              fc.constantFrom(
                "StringEquals",
                "StringLike",
                "DateLessThan",
                "IpAddress",
                "Bool",
                "ForAnyValue:StringEquals",
                "Nope",
              ),
              fc.dictionary(
                fc.constantFrom("aws:CurrentTime", "kms:CallerAccount", "aws:PrincipalArn", "__proto__"),
                fc.jsonValue({ maxDepth: 2 }),
              ),
            ),
          },
          { requiredKeys: ["Effect"] },
        ),
        { maxLength: 4 },
      ),
    })
    .map((doc) => JSON.stringify(doc)),
  fc.integer({ min: 1, max: 3000 }).map((n) => `{"Statement":${"[".repeat(n)}${"]".repeat(n)}}`),
);

const memberValue = fc.oneof(
  fc.constantFrom(...KEY_REFERENCES),
  policyText,
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ maxLength: 3000 }),
  fc.constantFrom("default", "SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT", true, 0, -1, Number.POSITIVE_INFINITY, null),
);

const jsonBody = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...MEMBERS), fc.string({ maxLength: 20 })), memberValue), { maxLength: 6 })
  .map(
    (members) =>
      `{${members.map(([name, value]) => `${JSON.stringify(name)}:${JSON.stringify(value) ?? "null"}`).join(",")}}`,
  );

const body: fc.Arbitrary<string | Uint8Array<ArrayBuffer>> = fc.oneof(
  { weight: 6, arbitrary: jsonBody },
  { weight: 1, arbitrary: fc.json({ maxDepth: 5 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes) => new Uint8Array(bytes)) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 100_000 }), fc.boolean())
      .map(([n, closed]) => `{"KeyId":${"[".repeat(n)}${closed ? "]".repeat(n) : ""}}`),
  },
  {
    weight: 1,
    arbitrary: jsonBody.map(
      (text) => `${text.slice(0, -1)}${text.length > 2 ? "," : ""}"KeyId":"${KEY_ID}","KeyId":"${KEY_ID}"}`,
    ),
  },
);

const target = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...OPERATIONS).map((op) => `TrentService.${op}`) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((s) => `TrentService.${s}`) },
);

const headerValue = fc.string({ unit: fc.constantFrom(..."abcXYZ019 =/,;-_.:*\t"), maxLength: 200 });

const request = fc.record({
  method: fc.constantFrom("POST", "POST", "POST", "GET", "PUT", "DELETE", "OPTIONS"),
  path: fc.constantFrom("/", "/", "/", "/x", "//", "/?Action=ListKeys", "/%2e%2e/"),
  target,
  contentType: fc.option(fc.constantFrom("application/x-amz-json-1.1", "application/json", "text/plain", "")),
  authorization: fc.option(
    fc.oneof(
      headerValue,
      headerValue.map((s) => `AWS4-HMAC-SHA256 ${s}`),
      fc
        .tuple(
          fc.constantFrom(alice.accessKeyId, "test", "111122223333", ""),
          fc.constantFrom("20260115", "2026", ""),
          fc.constantFrom("us-east-1", "cn-north-1", "", "*"),
          fc.constantFrom("kms", "s3"),
          headerValue,
        )
        .map(
          ([k, d, r, s, rest]) =>
            `AWS4-HMAC-SHA256 Credential=${k}/${d}/${r}/${s}/aws4_request, SignedHeaders=host;x-amz-date, Signature=${rest}`,
        ),
    ),
  ),
  amzDate: fc.option(fc.constantFrom("20260115T120000Z", "20260115T110000Z", "20260230T000000Z", "garbage", "")),
  token: fc.option(headerValue),
  body,
});

type FuzzRequest = typeof request extends fc.Arbitrary<infer T> ? T : never;

function toRequest(r: FuzzRequest): Request {
  const headers = new Headers({ "x-amz-target": r.target, host: "localhost" });
  if (r.contentType !== null) headers.set("content-type", r.contentType);
  if (r.authorization !== null) headers.set("authorization", r.authorization);
  if (r.amzDate !== null) headers.set("x-amz-date", r.amzDate);
  if (r.token !== null) headers.set("x-amz-security-token", r.token);
  const hasBody = r.method !== "GET";
  return new Request(`http://localhost${r.path}`, { method: r.method, headers, ...(hasBody ? { body: r.body } : {}) });
}

/** Checks one answer is a well-formed AWS JSON answer; throws (failing the property) otherwise. */
async function expectAwsAnswer(response: Response): Promise<void> {
  expect(response.status).toBeLessThan(500);
  expect(response.headers.get("content-type")).toBe("application/x-amz-json-1.1");
  expect(response.headers.get("x-amzn-requestid")).toMatch(/^[0-9a-f-]{36}$/);
  const text = await response.text();
  if (response.status === 200) {
    if (text !== "") expect(typeof JSON.parse(text)).toBe("object");
    return;
  }
  const parsed = JSON.parse(text) as Record<string, unknown>;
  expect(typeof parsed["__type"]).toBe("string");
  expect(Object.keys(parsed).every((k) => k === "__type" || k === "message")).toBe(true);
  if ("message" in parsed) expect(typeof parsed["message"]).toBe("string");
}

async function fuzzApp(config: Partial<EmulatorConfig>) {
  const store = createMemoryStore();
  const app = createEmulatorApp({ store, clock: manualClock(NOW), ids: sequentialIds(), config });
  // One key (sequential ID …0002) and an alias to it, so references resolve and handlers run deep.
  const created = await app.request("/", {
    method: "POST",
    headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "TrentService.CreateKey" },
    body: "{}",
  });
  if (config.auth?.mode !== "sigv4") {
    expect(created.status).toBe(200);
    await store.createAlias({
      accountId: "111122223333",
      region: "us-east-1",
      aliasName: "alias/Fuzz",
      targetKeyId: KEY_ID,
      creationDate: NOW,
      lastUpdatedDate: NOW,
    });
  }
  return app;
}

let prototypeNames: string[];
beforeAll(() => {
  prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();
});
afterAll(() => {
  // No request or policy document ever wrote to Object.prototype.
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
  expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
});

describe(`fuzzing (seed ${SEED}, ${RUNS} runs per property)`, () => {
  it("the app in lenient mode answers every request with AWS JSON and never a 5xx", async () => {
    const app = await fuzzApp({});
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        await expectAwsAnswer(await app.fetch(toRequest(r)));
      }),
      params,
    );
  }, 120_000);

  it("the app in sigv4 mode with enforcement answers every request with AWS JSON and never a 5xx", async () => {
    const app = await fuzzApp({ auth: { mode: "sigv4", identities: [alice, session] }, enforceKeyPolicies: true });
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const response = await app.fetch(toRequest(r));
        await expectAwsAnswer(response);
        // Nothing unsigned gets through.
        expect(response.status).not.toBe(200);
      }),
      params,
    );
  }, 120_000);

  it("the app with enforcement answers every policy document and operation without a 5xx", async () => {
    const app = await fuzzApp({ enforceKeyPolicies: true });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...OPERATIONS), policyText, fc.boolean(), async (operation, policy, bypass) => {
        const put = await app.request("/", {
          method: "POST",
          headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "TrentService.PutKeyPolicy" },
          body: JSON.stringify({ KeyId: KEY_ID, Policy: policy, BypassPolicyLockoutSafetyCheck: bypass }),
        });
        await expectAwsAnswer(put);
        const next = await app.request("/", {
          method: "POST",
          headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": `TrentService.${operation}` },
          body: JSON.stringify(
            operation === "PutKeyPolicy"
              ? { KeyId: KEY_ID, Policy: policy }
              : operation.startsWith("List") && operation !== "ListKeyPolicies"
                ? {}
                : { KeyId: KEY_ID },
          ),
        });
        await expectAwsAnswer(next);
      }),
      params,
    );
  }, 120_000);

  it("the policy parser, validator, evaluator and authorizer never throw on any text", () => {
    fc.assert(
      fc.property(
        policyText,
        fc.constantFrom(alice.principalArn, session.principalArn, "arn:aws:iam::111122223333:root"),
        (text, principalArn) => {
          const parsed = parseJson(text);
          expect(typeof parsed.success).toBe("boolean");
          const validated = validateKeyPolicy(text, { principalArn, accountId: "111122223333" });
          if (!validated.success)
            expect(["MalformedPolicyDocumentException", "LimitExceededException"]).toContain(validated.error.name);
          if (parsed.success) {
            const result = evaluateKeyPolicy(parsed.data, {
              principalArn,
              accountId: "111122223333",
              action: "kms:GetKeyPolicy",
              resourceArn: `arn:aws:kms:us-east-1:111122223333:key/${KEY_ID}`,
              keyAccountId: "111122223333",
              conditionKeys: { "aws:CurrentTime": "2026-01-15T12:00:00Z" },
            });
            expect(["allow", "explicit-deny", "implicit-deny"]).toContain(result.decision);
          }
          const readPolicy = createKeyPolicyReader();
          const decision = authorize({
            keyPolicy: readPolicy(text) ?? null,
            identityPolicies: [readPolicy(text, "identity") ?? null],
            context: {
              principalArn,
              accountId: "111122223333",
              action: "kms:GetKeyPolicy",
              resourceArn: `arn:aws:kms:us-east-1:111122223333:key/${KEY_ID}`,
              keyAccountId: "111122223333",
              conditionKeys: { "aws:CurrentTime": "2026-01-15T12:00:00Z" },
            },
          });
          expect(typeof decision.allowed).toBe("boolean");
        },
      ),
      { ...params, numRuns: RUNS * 3 },
    );
  });
});
