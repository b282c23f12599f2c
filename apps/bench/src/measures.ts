import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { DEMO_KEY_ID, REGION } from "./fixtures.mjs";
import { CLI_BIN, REPO_ROOT, shownPath } from "./paths.ts";
import { freePort, rssOf, run, sleep, type Started, stop } from "./process.ts";
import { type BenchCredentials, kmsRequest, signAll } from "./sign.ts";
import type { LaunchOptions } from "./launch-options.ts";
import type { WrkRequest } from "./wrk.ts";

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** One HTTP POST on a fresh connection; answers the status, or `undefined` when nothing listens yet. */
function post(port: number, r: WrkRequest): Promise<number | undefined> {
  return new Promise((resolve) => {
    const headers = Object.fromEntries(Object.entries(r.headers).filter(([n]) => n.toLowerCase() !== "host"));
    const req = httpRequest({ host: "127.0.0.1", port, method: "POST", path: "/", headers, agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode));
    });
    req.on("error", () => resolve(undefined));
    req.end(r.body);
  });
}

/** Start-up figures: milliseconds from spawn to the first answered GetKeyPolicy, per entry point. */
export interface StartupResult {
  readonly entry: string;
  readonly command: string;
  readonly runs: number;
  readonly medianMs?: number;
  readonly minMs?: number;
  readonly maxMs?: number;
  readonly note?: string;
}

async function timeStarts(
  command: string,
  args: (port: number) => string[],
  runs: number,
  credentials: BenchCredentials,
): Promise<{ times: number[]; failure?: string }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    // Signed (not verified) so any entry point puts the caller in the demo key's region.
    const [request] = await signAll(
      [kmsRequest(url, "GetKeyPolicy", { KeyId: DEMO_KEY_ID })],
      credentials,
      REGION,
      new Date(),
    );
    if (!request) throw new Error("no request to send");
    const t0 = performance.now();
    const child = spawn(command, args(port), { stdio: "ignore" });
    let status: number | undefined;
    while (performance.now() - t0 < 10_000 && child.exitCode === null) {
      status = await post(port, request);
      if (status !== undefined) break;
      await sleep(1);
    }
    const elapsed = performance.now() - t0;
    await stop(child);
    if (status !== 200)
      return { times, failure: `start ${i + 1}: ${status === undefined ? "no answer within 10 s" : `HTTP ${status}`}` };
    times.push(elapsed);
  }
  return { times };
}

/**
 * Time from process start to the first answered GetKeyPolicy (the demo key), median of `runs` starts, for the bench
 * launcher (startNodeServer from dist) and, when built, `keypolicy serve`.
 */
export async function measureStartup(benchDir: string, seedFile: string, runs: number): Promise<StartupResult[]> {
  const credentials = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "unused-by-an-unverifying-server" };
  const launcher = join(benchDir, "src", "servers", "emulator.mjs");
  const entries: { entry: string; command: string; args: (port: number) => string[] }[] = [
    {
      entry: "startNodeServer (dist) + demo seed",
      command: "node",
      args: (port) => [launcher, JSON.stringify({ seedFile, port } satisfies LaunchOptions)],
    },
  ];
  // For comparison: the same launcher as one esbuild bundle (no module resolution, no unused zod locales), to show
  // how much of start-up is loading many small modules.
  const bundleDir = await mkdtemp(join(tmpdir(), "keypolicy-bench-launcher-"));
  const bundled = join(bundleDir, "emulator.mjs");
  await build({
    entryPoints: [launcher],
    outfile: bundled,
    bundle: true,
    minify: true,
    platform: "node",
    format: "esm",
    target: "node22",
    mainFields: ["module", "main"],
    // CommonJS dependencies (yaml) require Node built-ins.
    banner: {
      js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
    },
    logLevel: "silent",
  });
  entries.push({
    entry: "the same, as one esbuild bundle (for comparison)",
    command: "node",
    args: (port) => [bundled, JSON.stringify({ seedFile, port } satisfies LaunchOptions)],
  });
  // Run as installed: the file itself, so its shebang's Node flags apply.
  entries.push({
    entry: "keypolicy serve + demo seed",
    command: CLI_BIN,
    args: (port) => ["serve", "--seed", seedFile, "--port", String(port)],
  });
  const out: StartupResult[] = [];
  for (const e of entries) {
    const shown = `${shownPath(e.command)} ${shownPath(e.args(0).join(" ")).replace(bundleDir, "<tmp>").replace('"port":0', '"port":<free port>').replace("--port 0", "--port <free port>")}`;
    const { times, failure } = await timeStarts(e.command, e.args, runs, credentials);
    out.push(
      failure
        ? { entry: e.entry, command: shown, runs: times.length, note: failure }
        : {
            entry: e.entry,
            command: shown,
            runs,
            medianMs: median(times),
            minMs: Math.min(...times),
            maxMs: Math.max(...times),
          },
    );
  }
  await rm(bundleDir, { recursive: true, force: true });
  return out;
}

/**
 * Resident memory of two emulators, one with 10 keys ("idle") and one with 100,000: right after seeding and a full
 * GC, and again after both served the same GetKeyPolicy load. The second pair is the cost of the keys: seeding
 * 100,000 keys in a tight loop grows V8's young generation (up to ~130 MB on a machine with this much memory), and so
 * does any sustained load, so only processes that went through the same load compare like with like.
 */
export interface RssResult {
  readonly idleBytes: number;
  readonly withKeysBytes: number;
  readonly keys: number;
  readonly seedMs: number;
  /** Extra Node flags of both processes ("" for none). */
  readonly nodeFlags: string;
  idleAfterLoadBytes?: number;
  withKeysAfterLoadBytes?: number;
  /** withKeysAfterLoadBytes − idleAfterLoadBytes when both were measured, else withKeysBytes − idleBytes. */
  extraBytes: number;
}

/**
 * Measures RSS (from /proc) of two emulators, one with 10 keys and one with 100,000, each after seeding and a full GC,
 * and hands both servers back (still running) for the latency-flatness scenario.
 */
export async function measureRss(
  launch: (options: LaunchOptions) => Promise<Started>,
): Promise<{ rss: RssResult; servers: [number, Started][] }> {
  const small = await launch({ keys: 10, gc: true });
  await sleep(500);
  const idleBytes = await rssOf(small.child.pid ?? 0);
  const keys = 100_000;
  const large = await launch({ keys, gc: true });
  await sleep(500);
  const withKeysBytes = await rssOf(large.child.pid ?? 0);
  return {
    rss: {
      idleBytes,
      withKeysBytes,
      keys,
      extraBytes: withKeysBytes - idleBytes,
      seedMs: Number(large.info["seedMs"] ?? 0),
      nodeFlags: "",
    },
    servers: [
      [10, small],
      [keys, large],
    ],
  };
}

/** Size of the emulator as a Cloudflare Worker bundle. */
export interface BundleResult {
  readonly entry: string;
  readonly minifiedBytes: number;
  readonly gzipBytes: number;
  /** Largest inputs (bytes in the minified output). */
  readonly largest: readonly { readonly path: string; readonly bytes: number }[];
}

/**
 * Bundles the Worker entry with esbuild (what wrangler uses) for workerd: ESM, minified, browser/worker conditions;
 * gzip at zlib's default level (as wrangler reports it). Uses the repository's Worker app entry when one exists.
 */
export async function measureBundle(benchDir: string): Promise<BundleResult> {
  const candidates = [
    "apps/worker/src/index.ts",
    "apps/worker/src/worker.ts",
    "packages/emulator/src/worker/index.ts",
  ].map((p) => join(REPO_ROOT, p));
  const entry = candidates.find((p) => existsSync(p)) ?? join(benchDir, "src", "bundle", "worker-entry.ts");
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    // Browser platform, as the Worker tests bundle it: packages' "browser" fields swap out Node-only modules.
    platform: "browser",
    target: "es2022",
    conditions: ["workerd", "worker", "browser"],
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const output = Object.values(result.metafile.outputs)[0];
  const largest = Object.entries(output?.inputs ?? {})
    .map(([path, info]) => ({
      path: path.replace(/^.*node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?/, ""),
      bytes: info.bytesInOutput,
    }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 8);
  return { entry: shownPath(entry), minifiedBytes: code.byteLength, gzipBytes: gzipSync(code).byteLength, largest };
}

/** Wall time of one CLI call against a running emulator (hyperfine). */
export interface CliResult {
  readonly client: string;
  readonly command: string;
  readonly meanMs?: number;
  readonly medianMs?: number;
  readonly minMs?: number;
  readonly runs?: number;
  readonly note?: string;
}

async function hyperfine(client: string, command: string, env: NodeJS.ProcessEnv): Promise<CliResult> {
  const dir = await mkdtemp(join(tmpdir(), "keypolicy-bench-hf-"));
  try {
    const json = join(dir, "out.json");
    const out = await run(
      "hyperfine",
      ["-N", "--warmup", "2", "--runs", "15", "--export-json", json, command],
      120_000,
      env,
    );
    if (out.code !== 0) return { client, command, note: `hyperfine failed: ${(out.stderr || out.stdout).slice(-300)}` };
    const data = JSON.parse(await readFile(json, "utf8")) as {
      results: { mean: number; median: number; min: number; times: number[] }[];
    };
    const r = data.results[0];
    if (!r) return { client, command, note: "no result" };
    return {
      client,
      command,
      meanMs: r.mean * 1000,
      medianMs: r.median * 1000,
      minMs: r.min * 1000,
      runs: r.times.length,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Wall time of `keypolicy get-key-policy` against a running emulator (and, for scale, the AWS CLI's
 * `aws kms get-key-policy` on the same machine). A command that does not answer correctly once is reported, not timed.
 */
export async function measureCliWallTime(
  url: string,
  keyId: string,
  credentials: BenchCredentials,
): Promise<CliResult[]> {
  const env = {
    ...process.env,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_REGION: REGION,
    AWS_DEFAULT_REGION: REGION,
    AWS_EC2_METADATA_DISABLED: "true",
  };
  const clients: { client: string; argv: string[] | undefined; missing: string }[] = [
    {
      client: "keypolicy get-key-policy",
      argv: ["node", CLI_BIN, "get-key-policy", "--key-id", keyId, "--endpoint-url", url, "--region", REGION],
      missing: "not available in this build (no packages/cli/dist/bin.js)",
    },
    {
      client: "aws kms get-key-policy (AWS CLI v1, for scale)",
      argv: [
        "aws",
        "--endpoint-url",
        url,
        "--region",
        REGION,
        "kms",
        "get-key-policy",
        "--key-id",
        keyId,
        "--policy-name",
        "default",
      ],
      missing: "",
    },
  ];
  const out: CliResult[] = [];
  for (const c of clients) {
    if (!c.argv) {
      out.push({ client: c.client, command: "-", note: c.missing });
      continue;
    }
    const [cmd, ...args] = c.argv;
    const once = await run(cmd ?? "", args, 30_000, env);
    const shown = shownPath(c.argv.join(" "));
    if (once.code !== 0 || !once.stdout.includes("Version")) {
      out.push({
        client: c.client,
        command: shown,
        note: `did not answer the policy (exit ${once.code}): ${(once.stderr || once.stdout).trim().slice(0, 200)}`,
      });
      continue;
    }
    out.push(await hyperfine(c.client, c.argv.join(" "), env));
  }
  return out.map((r) => ({ ...r, command: shownPath(r.command) }));
}
