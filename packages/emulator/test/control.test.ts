import { describe, expect, it } from "vitest";
import { type ControlOptions, isLoopbackAddress } from "../src/app/control.js";
import { createEmulatorApp } from "../src/app/create-app.js";
import { parseSeed } from "../src/seed/seed.js";
import { createMemoryStore } from "../src/store/memory.js";
import { manualClock, sequentialIds } from "../src/testing/index.js";

const START = Date.UTC(2026, 0, 15, 12, 0, 0);
const SEED_KEY = "1234abcd-12ab-34cd-56ef-1234567890ab";
const seed = parseSeed({ keys: [{ KeyId: SEED_KEY, Description: "seeded", Aliases: ["alias/seeded"] }] });
if (!seed.success) throw new Error("test seed is invalid");

/** An app whose peer address comes from the test's `env` (`{ peer }`), as Node's comes from the socket. */
function setup(overrides: { [K in keyof ControlOptions]?: ControlOptions[K] | undefined } = {}) {
  const merged = {
    version: "1.2.3",
    store: "memory",
    runtime: "node",
    startedAt: START,
    peer: (_request: Request, env: unknown) => (env as { peer?: string } | undefined)?.peer,
    seed: seed.success ? seed.data : { keys: [] },
    ...overrides,
  };
  // An override of `undefined` removes the member (exactOptionalPropertyTypes).
  const control = Object.fromEntries(
    Object.entries(merged).filter(([, value]) => value !== undefined),
  ) as unknown as ControlOptions;
  const clock = manualClock(START + 61_500);
  const store = createMemoryStore();
  const app = createEmulatorApp({
    store,
    clock,
    ids: sequentialIds(),
    config: { logError: () => {} },
    control,
  });
  const call = (method: string, path: string, peer: string | undefined, headers: Record<string, string> = {}) =>
    app.fetch(new Request(`http://localhost${path}`, { method, headers }), peer === undefined ? {} : { peer });
  const kms = (operation: string, body: unknown) =>
    app.fetch(
      new Request("http://localhost/", {
        method: "POST",
        headers: { "x-amz-target": `TrentService.${operation}`, "content-type": "application/x-amz-json-1.1" },
        body: JSON.stringify(body),
      }),
    );
  return { app, call, kms, clock, store };
}

async function json(response: Response) {
  return { status: response.status, type: response.headers.get("content-type"), body: await response.json() };
}

describe("test-control endpoints", () => {
  it("answers health to a loopback peer: version, store, runtime and whole seconds of uptime", async () => {
    const { call } = setup();
    expect(await json(await call("GET", "/_keypolicy/health", "127.0.0.1"))).toEqual({
      status: 200,
      type: "application/json",
      body: { version: "1.2.3", store: "memory", runtime: "node", uptime: 61 },
    });
  });

  it.each(["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"])("counts %s as loopback", (address) => {
    expect(isLoopbackAddress(address)).toBe(true);
  });

  it.each([
    "10.0.0.1",
    "192.168.1.127",
    "::ffff:10.0.0.1",
    "fe80::1",
    "::",
    "0.0.0.0",
    "1127.0.0.1",
    "127.0.0.1.example",
  ])("does not count %s as loopback", (address) => {
    expect(isLoopbackAddress(address)).toBe(false);
  });

  it("resets everything back to the seed: created keys and aliases go, the seed's come back as seeded", async () => {
    const { call, kms } = setup();
    const created = (await (await kms("CreateKey", {})).json()) as { KeyMetadata: { KeyId: string } };
    await kms("CreateAlias", { AliasName: "alias/mine", TargetKeyId: created.KeyMetadata.KeyId });
    await kms("UpdateKeyDescription", { KeyId: SEED_KEY, Description: "changed" });
    await kms("DeleteAlias", { AliasName: "alias/seeded" });

    expect(await json(await call("POST", "/_keypolicy/reset", "::1"))).toEqual({
      status: 200,
      type: "application/json",
      body: { status: "ok", keysCreated: 1, aliasesCreated: 1 },
    });
    const keys = (await (await kms("ListKeys", {})).json()) as { Keys: { KeyId: string }[] };
    expect(keys.Keys.map((k) => k.KeyId)).toEqual([SEED_KEY]);
    const aliases = (await (await kms("ListAliases", {})).json()) as { Aliases: { AliasName: string }[] };
    expect(aliases.Aliases.map((a) => a.AliasName).filter((n) => !n.startsWith("alias/aws/"))).toEqual([
      "alias/seeded",
    ]);
    const described = (await (await kms("DescribeKey", { KeyId: SEED_KEY })).json()) as {
      KeyMetadata: { Description: string };
    };
    expect(described.KeyMetadata.Description).toBe("seeded");
  });

  it("resets to empty without a seed", async () => {
    const { call, kms, store } = setup({ seed: undefined });
    await kms("CreateKey", {});
    expect((await json(await call("POST", "/_keypolicy/reset", "127.0.0.1"))).body).toEqual({
      status: "ok",
      keysCreated: 0,
      aliasesCreated: 0,
    });
    expect(await store.listKeys({ accountId: "111122223333", region: "us-east-1" }, { limit: 10 })).toEqual({
      items: [],
      truncated: false,
    });
  });

  it("answers moto's reset as moto's server does, and resets", async () => {
    const { call, kms } = setup({ seed: undefined });
    await kms("CreateKey", {});
    const reset = await call("POST", "/moto-api/reset", "127.0.0.1");
    expect(reset.status).toBe(200);
    expect(await reset.text()).toBe('{"status": "ok"}');
    expect(((await (await kms("ListKeys", {})).json()) as { Keys: unknown[] }).Keys).toEqual([]);
    for (const method of ["GET", "PUT", "DELETE"]) {
      const refused = await call(method, "/moto-api/reset", "127.0.0.1");
      expect(refused.status).toBe(400);
      expect(await refused.text()).toBe('{"Error": "Need to POST to reset Moto"}');
    }
  });

  it("answers another method on a control path with 405", async () => {
    const { call } = setup();
    expect(await json(await call("POST", "/_keypolicy/health", "127.0.0.1"))).toEqual({
      status: 405,
      type: "application/json",
      body: { __type: "MethodNotAllowedException", message: "Use GET for /_keypolicy/health." },
    });
    expect((await call("GET", "/_keypolicy/reset", "127.0.0.1")).status).toBe(405);
  });

  it.each([
    ["GET", "/_keypolicy/health"],
    ["POST", "/_keypolicy/reset"],
    ["POST", "/moto-api/reset"],
    ["GET", "/moto-api/reset"],
  ])("refuses %s %s from a non-loopback peer without a token, with 403 AccessDeniedException", async (method, path) => {
    const { call, kms } = setup({ seed: undefined });
    await kms("CreateKey", {});
    const response = await call(method, path, "192.0.2.10");
    expect(await json(response)).toEqual({
      status: 403,
      type: "application/json",
      body: {
        __type: "AccessDeniedException",
        message:
          "The keypolicy control endpoints answer loopback callers only, or callers presenting X-Keypolicy-Control-Token (start the server with --control-token).",
      },
    });
    expect(response.headers.get("x-amzn-requestid")).toMatch(/^10000000-/);
    // Nothing was reset.
    expect(((await (await kms("ListKeys", {})).json()) as { Keys: unknown[] }).Keys).toHaveLength(1);
  });

  it("answers a non-loopback peer presenting the token, and refuses a wrong or missing one", async () => {
    const { call } = setup({ token: "s3cret-token" });
    const ok = await call("GET", "/_keypolicy/health", "192.0.2.10", { "x-keypolicy-control-token": "s3cret-token" });
    expect(ok.status).toBe(200);
    for (const wrong of ["s3cret-tokeN", "s3cret", "s3cret-token-and-more", ""]) {
      const refused = await call("GET", "/_keypolicy/health", "192.0.2.10", { "x-keypolicy-control-token": wrong });
      expect(await json(refused)).toMatchObject({
        status: 403,
        body: {
          __type: "AccessDeniedException",
          message: "The X-Keypolicy-Control-Token header does not match the server's control token.",
        },
      });
    }
    expect((await call("GET", "/_keypolicy/health", "192.0.2.10")).status).toBe(403);
    // A loopback peer presenting a wrong token is refused too: a presented token must be right.
    expect((await call("GET", "/_keypolicy/health", "127.0.0.1", { "x-keypolicy-control-token": "no" })).status).toBe(
      403,
    );
  });

  it("answers only callers with the token where the runtime gives no peer address (Workers)", async () => {
    const { call } = setup({ token: "t0ken", peer: undefined });
    const refused = await call("GET", "/_keypolicy/health", "127.0.0.1");
    expect(await json(refused)).toMatchObject({
      status: 403,
      body: {
        __type: "AccessDeniedException",
        message:
          "The keypolicy control endpoints need the X-Keypolicy-Control-Token header here (set KEYPOLICY_CONTROL_TOKEN).",
      },
    });
    const ok = await call("GET", "/_keypolicy/health", undefined, { "x-keypolicy-control-token": "t0ken" });
    expect(ok.status).toBe(200);
  });

  it("refuses a token header when the server has no token", async () => {
    const { call } = setup();
    const refused = await call("GET", "/_keypolicy/health", "127.0.0.1", { "x-keypolicy-control-token": "guess" });
    expect(refused.status).toBe(403);
  });

  it("leaves the paths unknown when the app has no control options", async () => {
    const app = createEmulatorApp({ store: createMemoryStore(), clock: manualClock(START), ids: sequentialIds() });
    const response = await app.fetch(new Request("http://localhost/_keypolicy/health"), { peer: "127.0.0.1" });
    expect(await json(response)).toEqual({
      status: 400,
      type: "application/x-amz-json-1.1",
      body: { __type: "UnknownOperationException" },
    });
  });
});
