import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startNodeServer } from "../src/serve.js";
import { createSqliteStore } from "../src/sqlite.js";

// The test-control endpoints on the Node server: health and reset over real sockets, on the memory and SQLite stores,
// and the loopback-or-token rule with a real non-loopback peer (this machine's own external address).

const SEED_KEY = "1234abcd-12ab-34cd-56ef-1234567890ab";
const SCOPE = { accountId: "111122223333", region: "us-east-1" };
const VERSION = (
  JSON.parse(readFileSync(new URL("../../emulator/package.json", import.meta.url), "utf8")) as { version: string }
).version;

let dir: string;
let seedFile: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "keypolicy-control-"));
  seedFile = join(dir, "seed.json");
  writeFileSync(seedFile, JSON.stringify({ keys: [{ KeyId: SEED_KEY, Aliases: ["alias/seeded"] }] }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function kms(url: string, operation: string, body: object = {}) {
  return (
    fetch(`${url}/`, {
      method: "POST",
      headers: { "x-amz-target": `TrentService.${operation}`, "content-type": "application/x-amz-json-1.1" },
      body: JSON.stringify(body),
    })
      .then((r) => r.text())
      // Some operations (CreateAlias) answer an empty body.
      .then((text) => (text === "" ? {} : (JSON.parse(text) as Record<string, unknown>)))
  );
}

async function keyIds(url: string): Promise<string[]> {
  return ((await kms(url, "ListKeys")).Keys as { KeyId: string }[]).map((k) => k.KeyId);
}

describe.each([
  ["memory", {}],
  ["sqlite", { dataDir: "DATA" }],
] as const)("test control on the Node server, %s store", (store, extra) => {
  it("answers health and resets to the seed", async () => {
    const dataDir = "dataDir" in extra ? mkdtempSync(join(dir, "data-")) : undefined;
    const server = await startNodeServer({ port: 0, seedFile, ...(dataDir ? { dataDir } : {}) });
    try {
      const health = await fetch(`${server.url}/_keypolicy/health`);
      expect(health.status).toBe(200);
      const body = (await health.json()) as Record<string, unknown>;
      expect(body).toEqual({ version: VERSION, store, runtime: "node", uptime: expect.any(Number) });
      expect(body["uptime"]).toBeGreaterThanOrEqual(0);

      const created = (await kms(server.url, "CreateKey")).KeyMetadata as { KeyId: string };
      await kms(server.url, "CreateAlias", { AliasName: "alias/mine", TargetKeyId: created.KeyId });
      expect(await keyIds(server.url)).toEqual([SEED_KEY, created.KeyId]);

      const reset = await fetch(`${server.url}/_keypolicy/reset`, { method: "POST" });
      expect(await reset.json()).toEqual({ status: "ok", keysCreated: 1, aliasesCreated: 1 });
      expect(await keyIds(server.url)).toEqual([SEED_KEY]);
      const aliases = ((await kms(server.url, "ListAliases")).Aliases as { AliasName: string }[]).map(
        (a) => a.AliasName,
      );
      expect(aliases.filter((name) => !name.startsWith("alias/aws/"))).toEqual(["alias/seeded"]);

      await kms(server.url, "CreateKey");
      const moto = await fetch(`${server.url}/moto-api/reset`, { method: "POST" });
      expect({ status: moto.status, body: await moto.text() }).toEqual({ status: 200, body: '{"status": "ok"}' });
      expect(await keyIds(server.url)).toEqual([SEED_KEY]);
    } finally {
      await server.close();
    }
    if (dataDir) {
      // What the reset left is what is on disk.
      const onDisk = createSqliteStore({ path: join(dataDir, "keypolicy.sqlite") });
      try {
        expect((await onDisk.listKeys(SCOPE, { limit: 10 })).items.map((k) => k.keyId)).toEqual([SEED_KEY]);
        expect((await onDisk.listAliases(SCOPE, { limit: 10 })).items.map((a) => a.aliasName)).toEqual([
          "alias/seeded",
        ]);
      } finally {
        onDisk.close();
      }
    }
  });
});

// This machine's first non-internal IPv4 address, to be a peer that is not loopback.
const external = Object.values(networkInterfaces())
  .flat()
  .find((i) => i !== undefined && i.family === "IPv4" && !i.internal)?.address;

describe.skipIf(external === undefined)(
  "test control from a non-loopback peer (needs a non-loopback interface)",
  () => {
    const host = external as string;

    it("refuses without a token and changes nothing, with 403 AccessDeniedException", async () => {
      const server = await startNodeServer({ host, port: 0 });
      try {
        await kms(server.url, "CreateKey");
        for (const [method, path] of [
          ["GET", "/_keypolicy/health"],
          ["POST", "/_keypolicy/reset"],
          ["POST", "/moto-api/reset"],
        ] as const) {
          const response = await fetch(`${server.url}${path}`, { method });
          expect(response.status).toBe(403);
          expect(((await response.json()) as { __type: string }).__type).toBe("AccessDeniedException");
        }
        expect(await keyIds(server.url)).toHaveLength(1);
      } finally {
        await server.close();
      }
    });

    it("answers the right token, given as an option or in KEYPOLICY_CONTROL_TOKEN, and refuses a wrong one", async () => {
      const previous = process.env["KEYPOLICY_CONTROL_TOKEN"];
      process.env["KEYPOLICY_CONTROL_TOKEN"] = "from-env";
      const fromEnv = await startNodeServer({ host, port: 0 });
      const fromOption = await startNodeServer({ host, port: 0, controlToken: "from-option" });
      if (previous === undefined) delete process.env["KEYPOLICY_CONTROL_TOKEN"];
      else process.env["KEYPOLICY_CONTROL_TOKEN"] = previous;
      try {
        const health = (url: string, token: string) =>
          fetch(`${url}/_keypolicy/health`, { headers: { "X-Keypolicy-Control-Token": token } }).then((r) => r.status);
        expect(await health(fromEnv.url, "from-env")).toBe(200);
        expect(await health(fromEnv.url, "from-option")).toBe(403);
        expect(await health(fromOption.url, "from-option")).toBe(200);
        expect(await health(fromOption.url, "from-env")).toBe(403);
      } finally {
        await fromEnv.close();
        await fromOption.close();
      }
    });
  },
);
