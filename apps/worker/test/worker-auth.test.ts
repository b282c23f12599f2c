// The Worker's security modes, set as a deployment sets them: KEYPOLICY_IDENTITIES (a secret) turns on sigv4,
// KEYPOLICY_ENFORCE_KEY_POLICIES (a var) key-policy enforcement; an invalid setting closes the Worker.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import {
  CreateKeyCommand,
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  KMSClient,
  ListKeysCommand,
} from "@aws-sdk/client-kms";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { failure } from "@keypolicy/emulator/testing";
import { alice, DEFAULT_POLICY, MISMATCH } from "./support/auth-fixtures.js";
import { migratedCopy, startWorker, type WorkerOptions, type WorkerTarget } from "./support/worker-target.js";

/** The identities document as `wrangler secret put KEYPOLICY_IDENTITIES < identities.json` stores it. */
const IDENTITIES = JSON.stringify({
  regions: ["us-east-2"],
  identities: [
    { AccessKeyId: alice.accessKeyId, SecretAccessKey: alice.secretAccessKey, PrincipalArn: alice.principalArn },
  ],
});

/** Starts the Worker with `bindings` on its own D1 copy for one describe block; answers a getter for it. */
function workerFor(
  bindings: Record<string, string>,
  options: Omit<WorkerOptions, "bindings"> = {},
): () => WorkerTarget {
  let dir: string;
  let worker: WorkerTarget;
  beforeAll(async () => {
    dir = migratedCopy(mkdtempSync(join(tmpdir(), "keypolicy-worker-auth-")));
    worker = await startWorker(dir, { bindings, ...options });
  });
  afterAll(async () => {
    await worker?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return () => worker;
}

function client(worker: WorkerTarget, secretAccessKey = alice.secretAccessKey): KMSClient {
  return new KMSClient({
    endpoint: worker.endpoint,
    region: "us-east-2",
    maxAttempts: 1,
    credentials: { accessKeyId: alice.accessKeyId, secretAccessKey },
  });
}

/** An unsigned KMS request, as curl would send it. */
function unsigned(worker: WorkerTarget, operation = "ListKeys", init: RequestInit = {}): Promise<Response> {
  return fetch(`${worker.endpoint}/`, {
    method: "POST",
    headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": `TrentService.${operation}` },
    body: "{}",
    ...init,
  });
}

/** A key policy that lets the account do everything but denies `action` to alice. */
const denyAlice = (action: string) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "Root",
        Effect: "Allow",
        Principal: { AWS: "arn:aws:iam::111122223333:root" },
        Action: "kms:*",
        Resource: "*",
      },
      { Sid: "NotAlice", Effect: "Deny", Principal: { AWS: alice.principalArn }, Action: action, Resource: "*" },
    ],
  });

describe("Worker with KEYPOLICY_IDENTITIES and KEYPOLICY_ENFORCE_KEY_POLICIES=true", () => {
  const worker = workerFor({ KEYPOLICY_IDENTITIES: IDENTITIES, KEYPOLICY_ENFORCE_KEY_POLICIES: "true" });

  it("serves an SDK client signing with an identity's secret: CreateKey, then the default policy", async () => {
    const kms = client(worker());
    const created = await kms.send(new CreateKeyCommand({}));
    expect(created.KeyMetadata?.Arn).toMatch(/^arn:aws:kms:us-east-2:111122223333:key\/[0-9a-f-]{36}$/);
    const got = await kms.send(new GetKeyPolicyCommand({ KeyId: created.KeyMetadata?.KeyId, PolicyName: "default" }));
    expect(got.Policy).toBe(DEFAULT_POLICY);
  });

  it("refuses a request signed with a wrong secret with InvalidSignatureException", async () => {
    expect(await failure(client(worker(), "not-alices-secret").send(new ListKeysCommand({})))).toEqual({
      name: "InvalidSignatureException",
      message: MISMATCH,
      status: 400,
    });
  });

  it("refuses an unsigned request with MissingAuthenticationTokenException", async () => {
    const response = await unsigned(worker());
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      __type: "MissingAuthenticationTokenException",
      message: "Missing Authentication Token",
    });
  });

  it("refuses the signing identity what the key policy denies it, with AccessDeniedException", async () => {
    const kms = client(worker());
    const created = await kms.send(new CreateKeyCommand({ Policy: denyAlice("kms:DescribeKey") }));
    const { KeyId, Arn } = created.KeyMetadata ?? {};
    expect(await failure(kms.send(new DescribeKeyCommand({ KeyId })))).toEqual({
      name: "AccessDeniedException",
      message: `User: ${alice.principalArn} is not authorized to perform: kms:DescribeKey on resource: ${Arn} with an explicit deny in a resource-based policy`,
      status: 400,
    });
    // Only that action: the policy still lets alice read it.
    expect((await kms.send(new GetKeyPolicyCommand({ KeyId, PolicyName: "default" }))).Policy).toContain(
      '"Sid" : "NotAlice"',
    );
  });
});

describe("Worker with KEYPOLICY_IDENTITIES, enforcement not set", () => {
  const worker = workerFor({ KEYPOLICY_IDENTITIES: IDENTITIES });

  it("checks signatures but not key policies (enforcement is off by default)", async () => {
    const kms = client(worker());
    const created = await kms.send(new CreateKeyCommand({ Policy: denyAlice("kms:DescribeKey") }));
    const described = await kms.send(new DescribeKeyCommand({ KeyId: created.KeyMetadata?.KeyId }));
    expect(described.KeyMetadata?.Arn).toBe(created.KeyMetadata?.Arn);
    expect((await unsigned(worker())).status).toBe(400);
  });
});

describe("Worker with an invalid KEYPOLICY_IDENTITIES", () => {
  let stderr = "";
  // Valid JSON, but alice's ARN is not an IAM ARN and the secret is not allowed to show anywhere.
  const secret = "do-not-print-this-secret-0000000000000";
  const invalid = JSON.stringify({
    identities: [{ AccessKeyId: alice.accessKeyId, SecretAccessKey: secret, PrincipalArn: "alice" }],
  });
  const worker = workerFor(
    { KEYPOLICY_IDENTITIES: invalid, KEYPOLICY_ENFORCE_KEY_POLICIES: "true" },
    {
      handleRuntimeStdio: (_stdout: Readable, err: Readable) =>
        void err.on("data", (chunk) => (stderr += String(chunk))),
    },
  );
  const expected = {
    __type: "KMSInternalException",
    message:
      "The Worker's identities configuration (KEYPOLICY_IDENTITIES) is invalid; the problems are listed in the Worker's logs.",
  };

  it.each([
    ["an SDK request signed by a configured identity", () => failure(client(worker()).send(new ListKeysCommand({})))],
    ["an unsigned ListKeys", () => unsigned(worker())],
    ["an unsigned CreateKey", () => unsigned(worker(), "CreateKey")],
    ["a GET of /", () => fetch(`${worker().endpoint}/`)],
    ["a body that is not JSON", () => unsigned(worker(), "ListKeys", { body: "{" })],
  ])("answers %s with a 500 KMSInternalException", async (_name, send) => {
    const answer = await send();
    if (answer instanceof Response) {
      expect(answer.status).toBe(500);
      expect(answer.headers.get("content-type")).toBe("application/x-amz-json-1.1");
      expect(answer.headers.get("x-amzn-requestid")).toMatch(/^[0-9a-f-]{36}$/);
      expect(await answer.json()).toEqual(expected);
    } else {
      expect(answer).toEqual({ name: expected.__type, message: expected.message, status: 500 });
    }
  });

  it("logs each problem with its path once per isolate, and never the secret", async () => {
    await unsigned(worker());
    // workerd writes console.error asynchronously to its stderr: wait for the line (bounded generously: a loaded
    // machine may take well over a second; the old 1 s bound made this test flaky).
    await vi.waitFor(() => expect(stderr).toContain("PrincipalArn"), { timeout: 15_000, interval: 20 });
    expect(stderr).toContain(
      "keypolicy: KEYPOLICY_IDENTITIES identities[0].PrincipalArn: must be an IAM root, user or role ARN",
    );
    expect(stderr.match(/keypolicy: KEYPOLICY_IDENTITIES/g)).toHaveLength(1);
    expect(stderr).not.toContain(secret);
  });
});

describe("Worker with identities that are not JSON and KEYPOLICY_ENFORCE_KEY_POLICIES=yes", () => {
  let stderr = "";
  const worker = workerFor(
    {
      KEYPOLICY_IDENTITIES: `identities:\n  - SecretAccessKey: yaml-is-not-read-${"0".repeat(20)}`,
      KEYPOLICY_ENFORCE_KEY_POLICIES: "yes",
    },
    {
      handleRuntimeStdio: (_stdout: Readable, err: Readable) =>
        void err.on("data", (chunk) => (stderr += String(chunk))),
    },
  );

  it("answers 500 naming both settings, and logs why each is wrong without quoting the document", async () => {
    const response = await unsigned(worker());
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      __type: "KMSInternalException",
      message:
        "The Worker's key-policy enforcement setting (KEYPOLICY_ENFORCE_KEY_POLICIES) and identities configuration (KEYPOLICY_IDENTITIES) are invalid; the problems are listed in the Worker's logs.",
    });
    await vi.waitFor(() => expect(stderr).toContain("KEYPOLICY_IDENTITIES:"), { timeout: 15_000, interval: 20 });
    expect(stderr).toContain("keypolicy: KEYPOLICY_ENFORCE_KEY_POLICIES: must be true or false");
    expect(stderr).toContain("keypolicy: KEYPOLICY_IDENTITIES: must be an identities document in JSON");
    expect(stderr).not.toContain("yaml-is-not-read");
  });
});
