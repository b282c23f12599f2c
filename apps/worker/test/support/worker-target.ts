// Runs apps/worker in workerd through Miniflare, configured from wrangler.jsonc, with its D1 database persisted in a
// folder laid out as `wrangler --persist-to` lays it out, its schema applied by `wrangler d1 migrations apply`.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { Miniflare } from "miniflare";
import { inject } from "vitest";
import { unstable_getMiniflareWorkerOptions } from "wrangler";
// The same esbuild bundling for workerd as the contract suite's other workerd target.
import { type Bundle, bundleForWorkerd } from "@keypolicy/contract-tests/runtimes";
import { BUNDLE_DIR, CONFIG, WORKER_DIR } from "./migrations.js";

/** A running Worker reachable over HTTP. */
export interface HttpTarget {
  /** e.g. `http://127.0.0.1:40123` */
  readonly endpoint: string;
  close(): Promise<void>;
}

/** Copies the migrated template database (see global-setup.ts) to `dir`, for one test; answers `dir`. */
export function migratedCopy(dir: string): string {
  cpSync(inject("migratedTemplate"), dir, { recursive: true });
  return dir;
}

let bundled: Promise<Bundle> | undefined;
/** apps/worker/src/index.ts bundled for workerd (once per test file). */
export function workerBundle(): Promise<Bundle> {
  bundled ??= bundleForWorkerd(join(WORKER_DIR, "src", "index.ts"), "worker", BUNDLE_DIR);
  return bundled;
}

/** A running Worker: the HTTP target plus its Miniflare, for reaching the D1 binding. */
export interface WorkerTarget extends HttpTarget {
  readonly mf: Miniflare;
}

/** What a test adds to wrangler.jsonc's configuration. */
export interface WorkerOptions {
  /** Vars and secrets on top of wrangler.jsonc's vars (as `wrangler secret put` adds them). */
  readonly bindings?: Record<string, string>;
  /** Receives workerd's stdout and stderr (console.log / console.error of the Worker). */
  readonly handleRuntimeStdio?: (stdout: Readable, stderr: Readable) => void;
}

/**
 * Starts the Worker in workerd with the bindings, vars and compatibility date of wrangler.jsonc (plus
 * `options.bindings`) and its D1 database persisted in `persistDir` (a {@link migratedCopy}). Listens on 127.0.0.1,
 * port 0.
 */
export async function startWorker(persistDir: string, options: WorkerOptions = {}): Promise<WorkerTarget> {
  const bundle = await workerBundle();
  const { workerOptions } = unstable_getMiniflareWorkerOptions(CONFIG);
  const mf = new Miniflare({
    modules: true,
    scriptPath: bundle.path,
    compatibilityDate: workerOptions.compatibilityDate,
    compatibilityFlags: workerOptions.compatibilityFlags ?? [],
    bindings: { ...workerOptions.bindings, ...options.bindings },
    d1Databases: workerOptions.d1Databases ?? {},
    d1Persist: join(persistDir, "v3", "d1"),
    host: "127.0.0.1",
    port: 0,
    ...(options.handleRuntimeStdio ? { handleRuntimeStdio: options.handleRuntimeStdio } : {}),
  });
  const url = await mf.ready;
  return { endpoint: url.origin, mf, close: () => mf.dispose() };
}

/** The Worker on its own fresh, migrated D1 database, removed on close (the contract suite's target). */
export async function createWorkerTarget(): Promise<HttpTarget> {
  const dir = migratedCopy(mkdtempSync(join(tmpdir(), "keypolicy-worker-")));
  const worker = await startWorker(dir);
  return {
    endpoint: worker.endpoint,
    close: async () => {
      await worker.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
