// The emulator's runtime entry files started on their runtimes, each answering at an HTTP endpoint: Bun running
// `src/bun.ts`, workerd (Miniflare) running `src/fetch.ts`. The entry files are found through this package's
// dependency on @keypolicy/emulator (its workspace link in node_modules), and run from their TypeScript sources.
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Miniflare } from "miniflare";
import { type Bundle, bundleForWorkerd } from "./bundle.js";
import { freePort, spawnChild, stopChild, waitForHttp } from "./processes.js";

const PACKAGE = new URL("../../", import.meta.url);
const EMULATOR = new URL("node_modules/@keypolicy/emulator/", PACKAGE);
const BUN = fileURLToPath(new URL("node_modules/.bin/bun", PACKAGE));

/** A running emulator reachable over HTTP. */
export interface RunningEmulator {
  /** e.g. `http://127.0.0.1:40123` */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Bun (the npm package `bun`) running the emulator's `src/bun.ts`: the fetch entry, keys in memory, on 127.0.0.1 and
 * a free port.
 *
 * @throws Error with Bun's output when it does not answer.
 */
export async function startBunEmulator(): Promise<RunningEmulator> {
  const port = await freePort();
  const child = spawnChild(
    BUN,
    ["--conditions=@keypolicy/source", "run", fileURLToPath(new URL("src/bun.ts", EMULATOR))],
    {
      PORT: String(port),
    },
  );
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(url, child.process);
  } catch (cause) {
    await stopChild(child, "SIGKILL");
    throw new Error(`${(cause as Error).message}\n${child.output()}`);
  }
  return { url, close: () => stopChild(child) };
}

/**
 * The emulator's fetch entry (`src/fetch.ts`) bundled for workerd and run by Miniflare *without* `nodejs_compat`:
 * only Web APIs exist there, as in Deno, so a Node API anywhere on the entry's path fails this target. Answers the
 * bundle's sizes too, for reports.
 */
export async function startWorkerdFetchEntry(): Promise<RunningEmulator & { readonly bundle: Bundle }> {
  const bundle = await bundleForWorkerd(fileURLToPath(new URL("src/fetch.ts", EMULATOR)), "fetch-entry");
  const mf = new Miniflare({
    modules: true,
    scriptPath: bundle.path,
    compatibilityDate: "2026-07-30",
    host: "127.0.0.1",
    port: 0,
  });
  const url = await mf.ready;
  return {
    url: url.origin,
    bundle,
    close: async () => {
      await mf.dispose();
      rmSync(bundle.path, { force: true });
    },
  };
}
