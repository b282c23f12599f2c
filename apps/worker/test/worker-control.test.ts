// The Worker's test-control endpoints and STS GetCallerIdentity in workerd: the control token is a secret
// (KEYPOLICY_CONTROL_TOKEN), and as workerd gives no peer address there is no loopback exception.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratedCopy, startWorker, type WorkerTarget } from "./support/worker-target.js";

const TOKEN = "worker-control-token";

function workerFor(bindings: Record<string, string>): () => WorkerTarget {
  let dir: string;
  let worker: WorkerTarget;
  beforeAll(async () => {
    dir = migratedCopy(mkdtempSync(join(tmpdir(), "keypolicy-worker-control-")));
    worker = await startWorker(dir, { bindings });
  });
  afterAll(async () => {
    await worker?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return () => worker;
}

async function listKeys(endpoint: string): Promise<unknown[]> {
  const response = await fetch(`${endpoint}/`, {
    method: "POST",
    headers: { "x-amz-target": "TrentService.ListKeys", "content-type": "application/x-amz-json-1.1" },
    body: "{}",
  });
  return ((await response.json()) as { Keys: unknown[] }).Keys;
}

describe("the Worker with KEYPOLICY_CONTROL_TOKEN", () => {
  const worker = workerFor({ KEYPOLICY_CONTROL_TOKEN: TOKEN });

  it("answers health and reset to the token, and empties D1", async () => {
    const { endpoint } = worker();
    await fetch(`${endpoint}/`, {
      method: "POST",
      headers: { "x-amz-target": "TrentService.CreateKey", "content-type": "application/x-amz-json-1.1" },
      body: "{}",
    });
    expect(await listKeys(endpoint)).toHaveLength(1);
    const headers = { "X-Keypolicy-Control-Token": TOKEN };
    const health = await fetch(`${endpoint}/_keypolicy/health`, { headers });
    expect(await health.json()).toMatchObject({ store: "d1", runtime: "workerd", uptime: expect.any(Number) });
    const reset = await fetch(`${endpoint}/_keypolicy/reset`, { method: "POST", headers });
    expect(await reset.json()).toEqual({ status: "ok", keysCreated: 0, aliasesCreated: 0 });
    expect(await listKeys(endpoint)).toEqual([]);
  });

  it("refuses a caller without the token, even from 127.0.0.1", async () => {
    const response = await fetch(`${worker().endpoint}/_keypolicy/health`);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ __type: "AccessDeniedException" });
  });

  it("answers STS GetCallerIdentity in XML", async () => {
    const response = await fetch(`${worker().endpoint}/`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "Action=GetCallerIdentity&Version=2011-06-15",
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/xml");
    expect(await response.text()).toContain("<Arn>arn:aws:iam::111122223333:root</Arn>");
  });
});

describe("the Worker without a control token", () => {
  const worker = workerFor({});

  it("refuses every control request, a presented token too", async () => {
    const { endpoint } = worker();
    expect((await fetch(`${endpoint}/_keypolicy/health`)).status).toBe(403);
    const moto = await fetch(`${endpoint}/moto-api/reset`, {
      method: "POST",
      headers: { "X-Keypolicy-Control-Token": "guess" },
    });
    expect(moto.status).toBe(403);
  });
});
