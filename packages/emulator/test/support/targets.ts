// createTarget factories: start the emulator on one runtime, answer { endpoint, close }. Each is what the contract
// suite's describeKmsContract({ name, createTarget }) expects.
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Miniflare } from "miniflare";
import { startNodeServer } from "../../src/node/index.js";
import type { HttpTarget } from "../http-flows.js";
import { type Bundle, bundleEntry } from "./bundle.js";
import { freePort, spawnChild, stopChild, waitForHttp } from "./processes.js";

const EMULATOR = new URL("../../", import.meta.url);
const BUN = fileURLToPath(new URL("node_modules/.bin/bun", EMULATOR));

/** Node with `@hono/node-server`; with `dataDir` the keys live in SQLite. */
export async function createNodeTarget(dataDir?: string): Promise<HttpTarget> {
  const server = await startNodeServer({ port: 0, ...(dataDir ? { dataDir } : {}) });
  return { endpoint: server.url, close: () => server.close() };
}

/** Bun (from the npm registry) running `src/bun.ts`, the fetch entry served on 127.0.0.1 and a free port. */
export async function createBunTarget(): Promise<HttpTarget> {
  const port = await freePort();
  const child = spawnChild(BUN, ["--conditions=@keypolicy/source", "run", fileURLToPath(new URL("src/bun.ts", EMULATOR))], {
    PORT: String(port),
  });
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(endpoint, child.process);
  } catch (cause) {
    await stopChild(child, "SIGKILL");
    throw new Error(`${(cause as Error).message}\n${child.output()}`);
  }
  return { endpoint, close: () => stopChild(child) };
}

/** The fetch entry (`src/fetch.ts`) bundled for workerd; the last bundle's sizes, for reports. */
export let lastFetchBundle: Bundle | undefined;

/**
 * The fetch entry in workerd through Miniflare, *without* `nodejs_compat`: only Web APIs exist there, as in Deno, so
 * a Node API anywhere on the entry's path fails this target.
 */
export async function createWorkerdFetchTarget(): Promise<HttpTarget> {
  const bundle = await bundleEntry(fileURLToPath(new URL("src/fetch.ts", EMULATOR)), "worker", "fetch-entry");
  lastFetchBundle = bundle;
  const mf = new Miniflare({ modules: true, scriptPath: bundle.path, compatibilityDate: "2026-07-30", host: "127.0.0.1", port: 0 });
  const url = await mf.ready;
  return {
    endpoint: url.origin,
    close: async () => {
      await mf.dispose();
      rmSync(bundle.path, { force: true });
    },
  };
}
