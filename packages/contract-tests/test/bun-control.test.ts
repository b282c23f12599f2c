import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningEmulator, startBunEmulator } from "../src/runtimes/index.js";

// The Bun entry's test-control endpoints and STS GetCallerIdentity: a loopback peer (Bun's socket address) needs no
// token.
describe("Bun (src/bun.ts): test control and STS", () => {
  let bun: RunningEmulator;
  beforeAll(async () => {
    bun = await startBunEmulator();
  });
  afterAll(() => bun?.close());

  const kms = (operation: string) =>
    fetch(`${bun.url}/`, {
      method: "POST",
      headers: { "x-amz-target": `TrentService.${operation}`, "content-type": "application/x-amz-json-1.1" },
      body: "{}",
    }).then((r) => r.json() as Promise<{ Keys?: unknown[] }>);

  it("answers health and reset to a loopback caller", async () => {
    const health = await fetch(`${bun.url}/_keypolicy/health`);
    expect(await health.json()).toMatchObject({ store: "memory", runtime: "bun", uptime: expect.any(Number) });
    await kms("CreateKey");
    expect((await kms("ListKeys")).Keys).toHaveLength(1);
    const reset = await fetch(`${bun.url}/moto-api/reset`, { method: "POST" });
    expect(await reset.text()).toBe('{"status": "ok"}');
    expect((await kms("ListKeys")).Keys).toEqual([]);
  });

  it("answers STS GetCallerIdentity in XML", async () => {
    const response = await fetch(`${bun.url}/`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "Action=GetCallerIdentity&Version=2011-06-15",
    });
    expect(response.headers.get("content-type")).toBe("text/xml");
    expect(await response.text()).toContain("<Account>111122223333</Account>");
  });
});
