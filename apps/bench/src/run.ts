// The benchmark suite: `pnpm bench` (in apps/bench; `pnpm --filter @keypolicy/bench bench` from the root).
// Every server listens on 127.0.0.1 only; scenarios run one after another with bounded durations.
// Environment: BENCH_SECONDS (measured seconds per scenario, default 5), BENCH_WARMUP (default 1),
// BENCH_CONNECTIONS (default 32), BENCH_ONLY (comma-separated section names), BENCH_PROFILE=1 (emulators run with
// --cpu-prof into results/profiles/), BENCH_OUT (results directory, default apps/bench/results).
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { KMSClient, CreateKeyCommand } from "@aws-sdk/client-kms";
import { ACCOUNT_ID, benchKeyId, DEMO_KEY_ID, REGION } from "./fixtures.mjs";
import { assertBuilt, REPO_ROOT } from "./paths.ts";
import { measureBundle, measureCliWallTime, measureRss, measureStartup } from "./measures.ts";
import { cpuTimeUs, freePort, rssOf, run, sleep, type Started, startAnnounced, stop } from "./process.ts";
import { renderMarkdown, type Results, type Row, machineDescription } from "./report.ts";
import { type BenchCredentials, kmsRequest, signAll } from "./sign.ts";
import { runWrk, type WrkLoad, type WrkRequest } from "./wrk.ts";
import type { LaunchOptions } from "./launch-options.ts";

const BENCH_DIR = join(REPO_ROOT, "apps", "bench");
const OUT_DIR = process.env["BENCH_OUT"] ?? join(BENCH_DIR, "results");
const load: WrkLoad = {
  connections: Number(process.env["BENCH_CONNECTIONS"] ?? 32),
  threads: 1,
  seconds: Number(process.env["BENCH_SECONDS"] ?? 5),
};
const warmup = Number(process.env["BENCH_WARMUP"] ?? 1);
const only = process.env["BENCH_ONLY"]?.split(",");
const profile = process.env["BENCH_PROFILE"] === "1";
const want = (section: string) => !only || only.includes(section);

/** The AWS documentation's example credentials: the suite signs with them and lists them in the identities file. */
const CREDENTIALS: BenchCredentials = {
  accessKeyId: "AKIAIOSFODNN7EXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
};

/**
 * The identities file given to `--auth sigv4` runs. [DEC] Its format is the security branch's to define; this is the
 * one place to adjust if it differs (the probe request reports a mismatch as a failed probe, not a crash).
 */
function identitiesDocument(): string {
  return JSON.stringify(
    {
      identities: [
        {
          AccessKeyId: CREDENTIALS.accessKeyId,
          SecretAccessKey: CREDENTIALS.secretAccessKey,
          PrincipalArn: `arn:aws:iam::${ACCOUNT_ID}:root`,
        },
      ],
    },
    null,
    2,
  );
}

const rows: Row[] = [];
const started: Started[] = [];
const startedAt = Date.now();
const log = (message: string) =>
  process.stderr.write(`[bench ${((Date.now() - startedAt) / 1000).toFixed(0)}s] ${message}\n`);

async function launchEmulator(options: LaunchOptions, nodeFlags: readonly string[] = []): Promise<Started> {
  const flags = ["--expose-gc", ...nodeFlags];
  if (profile) flags.push("--cpu-prof", "--cpu-prof-dir", join(OUT_DIR, "profiles"));
  const server = await startAnnounced("node", [
    ...flags,
    join(BENCH_DIR, "src", "servers", "emulator.mjs"),
    JSON.stringify(options),
  ]);
  started.push(server);
  return server;
}

async function stopServer(server: Started): Promise<void> {
  await stop(server.child);
  const index = started.indexOf(server);
  if (index >= 0) started.splice(index, 1);
}

/** Sends one request with fetch and answers its status and text (used to probe before loading). */
async function probe(url: string, request: WrkRequest): Promise<{ status: number; text: string }> {
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => name.toLowerCase() !== "host"));
  const response = await fetch(url, { method: "POST", headers, body: request.body });
  return { status: response.status, text: await response.text() };
}

interface Scenario {
  readonly group: string;
  readonly name: string;
  readonly server: string;
  readonly requests: (url: string) => WrkRequest[] | Promise<WrkRequest[]>;
  /** What a correct answer to the first request contains. */
  readonly expect?: string;
}

/** Probes, then loads one scenario and records its row (or why it could not run). */
async function measure(url: string, scenario: Scenario, pid?: number): Promise<void> {
  const requests = await scenario.requests(url);
  const first = requests[0];
  if (!first) throw new Error(`scenario ${scenario.name} has no requests`);
  const answer = await probe(url, first);
  if (answer.status !== 200 || (scenario.expect && !answer.text.includes(scenario.expect))) {
    rows.push({ ...scenarioHead(scenario), note: `probe failed: HTTP ${answer.status} ${answer.text.slice(0, 160)}` });
    log(`${scenario.name}: probe failed (${answer.status})`);
    return;
  }
  // Requests signed at `now` must still be valid at the end of the run: sign right before it.
  const requests2 = await scenario.requests(url);
  if (warmup > 0) await runWrk(url, requests2, { ...load, seconds: warmup }, 0);
  // The server's CPU time per request: far less sensitive than throughput to other work on a shared machine.
  const cpuBefore = pid ? await cpuTimeUs(pid) : undefined;
  const result = await runWrk(url, requests2, load, 0);
  const cpuUsPerRequest =
    pid && cpuBefore !== undefined ? ((await cpuTimeUs(pid)) - cpuBefore) / result.requests : undefined;
  rows.push({ ...scenarioHead(scenario), result, ...(cpuUsPerRequest === undefined ? {} : { cpuUsPerRequest }) });
  log(
    `${scenario.name}: ${Math.round(result.requestsPerSecond)} req/s, p50 ${result.p50Us} µs, p99 ${result.p99Us} µs, ${cpuUsPerRequest?.toFixed(1) ?? "?"} CPU µs/request`,
  );
}

function scenarioHead(scenario: Scenario): Pick<Row, "group" | "name" | "server"> {
  return { group: scenario.group, name: scenario.name, server: scenario.server };
}

function unavailable(group: string, name: string, server: string, why: string): void {
  rows.push({ group, name, server, note: `not available in this build (${why})` });
  log(`${name}: not available in this build (${why})`);
}

const getKeyPolicy = (keys: readonly string[]) => (url: string) =>
  keys.map((KeyId) => kmsRequest(url, "GetKeyPolicy", { KeyId, PolicyName: "default" }));

const putKeyPolicy = (keys: readonly string[], policy: string) => (url: string) =>
  keys.map((KeyId) => kmsRequest(url, "PutKeyPolicy", { KeyId, PolicyName: "default", Policy: policy }));

/** ListKeys over `count` keys, 100 a page: every page's request in order (markers are the previous pages' last keys). */
const listKeysPaginated = (count: number) => (url: string) => {
  const pages: WrkRequest[] = [kmsRequest(url, "ListKeys", { Limit: 100 })];
  for (let last = 99; last < count - 1; last += 100)
    pages.push(kmsRequest(url, "ListKeys", { Limit: 100, Marker: benchKeyId(last) }));
  return pages;
};

const signed = (make: (url: string) => WrkRequest[]) => (url: string) =>
  signAll(make(url), CREDENTIALS, REGION, new Date());

const tenKeys = Array.from({ length: 10 }, (_, i) => benchKeyId(i));
const POLICY = JSON.stringify(JSON.parse((await import("@keypolicy/policy")).defaultKeyPolicy(ACCOUNT_ID, "aws")));

async function baselines(): Promise<void> {
  for (const [name, file, flags] of [
    ["bare node:http", "bare-node.mjs", []],
    ["bare Hono", "bare-hono.mjs", []],
    // The same young-generation bound as the memory section's second variant, so that one compares like with like.
    ["bare Hono (node --max-semi-space-size=16)", "bare-hono.mjs", ["--max-semi-space-size=16"]],
  ] as const) {
    const server = await startAnnounced("node", [...flags, join(BENCH_DIR, "src", "servers", file)]);
    started.push(server);
    await measure(
      server.url,
      {
        group: "baseline",
        name: `${name}: fixed GetKeyPolicy answer`,
        server: name,
        requests: getKeyPolicy(tenKeys),
        expect: "key-default-1",
      },
      server.child.pid,
    );
    await stopServer(server);
  }
}

async function emulatorMemory(): Promise<void> {
  const server = await launchEmulator({ keys: 10_000 });
  const srv = "emulator (Node, memory)";
  await measure(
    server.url,
    { group: "emulator", name: "GetKeyPolicy", server: srv, requests: getKeyPolicy(tenKeys), expect: "key-default-1" },
    server.child.pid,
  );
  await measure(
    server.url,
    { group: "emulator", name: "PutKeyPolicy", server: srv, requests: putKeyPolicy(tenKeys, POLICY) },
    server.child.pid,
  );
  await measure(
    server.url,
    {
      group: "emulator",
      name: "ListKeys, 10,000 keys, 100 a page",
      server: srv,
      requests: listKeysPaginated(10_000),
      expect: "Truncated",
    },
    server.child.pid,
  );
  await stopServer(server);

  const dir = await mkdtemp(join(tmpdir(), "keypolicy-bench-ids-"));
  try {
    const identitiesFile = join(dir, "identities.json");
    await writeFile(identitiesFile, identitiesDocument());
    const variants: { name: string; options: LaunchOptions; sign: boolean }[] = [
      { name: "GetKeyPolicy --auth sigv4", options: { keys: 10, auth: "sigv4", identitiesFile }, sign: true },
      { name: "GetKeyPolicy --enforce-key-policies", options: { keys: 10, enforceKeyPolicies: true }, sign: false },
      {
        name: "GetKeyPolicy --auth sigv4 --enforce-key-policies",
        options: { keys: 10, auth: "sigv4", identitiesFile, enforceKeyPolicies: true },
        sign: true,
      },
    ];
    for (const variant of variants) {
      const s = await launchEmulator(variant.options);
      if (variant.sign) {
        // A verifier must refuse a wrong signature, or the figure would not include verification.
        const [request] = await signAll(
          getKeyPolicy(tenKeys.slice(0, 1))(s.url),
          { ...CREDENTIALS, secretAccessKey: "wrong" },
          REGION,
          new Date(),
        );
        const refused = request ? (await probe(s.url, request)).status !== 200 : false;
        if (!refused) {
          unavailable("emulator", variant.name, srv, "a request with a wrong signature was answered 200");
          await stopServer(s);
          continue;
        }
      }
      const requests = variant.sign ? signed(getKeyPolicy(tenKeys)) : getKeyPolicy(tenKeys);
      await measure(
        s.url,
        { group: "emulator", name: variant.name, server: srv, requests, expect: "key-default-1" },
        s.child.pid,
      );
      await stopServer(s);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function emulatorSqlite(): Promise<void> {
  const srv = "emulator (Node, SQLite)";
  const names = ["GetKeyPolicy", "PutKeyPolicy", "ListKeys, 10,000 keys, 100 a page"];
  const dataDir = await mkdtemp(join(tmpdir(), "keypolicy-bench-sqlite-"));
  try {
    // The keys go in through a seed file (applySeed → the store API), as a user's would.
    const seedFile = join(dataDir, "seed.json");
    const keys = Array.from({ length: 10_000 }, (_, i) => ({
      KeyId: benchKeyId(i),
      AccountId: ACCOUNT_ID,
      Region: REGION,
    }));
    await writeFile(seedFile, JSON.stringify({ keys }));
    const options: LaunchOptions = { store: "sqlite", dataDir, seedFile };
    const server = await launchEmulator(options);
    await measure(
      server.url,
      { group: "sqlite", name: names[0]!, server: srv, requests: getKeyPolicy(tenKeys), expect: "key-default-1" },
      server.child.pid,
    );
    await measure(
      server.url,
      { group: "sqlite", name: names[1]!, server: srv, requests: putKeyPolicy(tenKeys, POLICY) },
      server.child.pid,
    );
    await measure(
      server.url,
      { group: "sqlite", name: names[2]!, server: srv, requests: listKeysPaginated(10_000), expect: "Truncated" },
      server.child.pid,
    );
    await stopServer(server);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function moto(): Promise<void> {
  const srv = "moto_server 5.2.1";
  const port = await freePort();
  const { spawn } = await import("node:child_process");
  const child = spawn("moto_server", ["-H", "127.0.0.1", "-p", String(port)], { stdio: "ignore" });
  const url = `http://127.0.0.1:${port}`;
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        await fetch(`${url}/moto-api/`);
        break;
      } catch {
        if (Date.now() > deadline) throw new Error("moto_server did not start within 30 s");
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const kms = new KMSClient({ endpoint: url, region: REGION, credentials: CREDENTIALS });
    const keyIds: string[] = [];
    for (let i = 0; i < 10; i++) {
      const created = await kms.send(new CreateKeyCommand({}));
      keyIds.push(created.KeyMetadata?.KeyId ?? "");
    }
    kms.destroy();
    // moto routes by the SigV4 credential scope (an unsigned request goes to S3), so its requests are signed too.
    await measure(
      url,
      { group: "peer", name: "GetKeyPolicy", server: srv, requests: signed(getKeyPolicy(keyIds)), expect: "Statement" },
      child.pid,
    );
    await measure(
      url,
      { group: "peer", name: "PutKeyPolicy", server: srv, requests: signed(putKeyPolicy(keyIds, POLICY)) },
      child.pid,
    );
  } finally {
    child.kill("SIGTERM");
  }
}

async function main(): Promise<void> {
  await mkdir(OUT_DIR, { recursive: true });
  assertBuilt();
  const wrkVersion = (await run("wrk", ["-v"], 5000)).stdout.split("\n")[0] ?? "";
  const results: Results = {
    date: new Date().toISOString(),
    command: "pnpm --filter @keypolicy/bench bench",
    settings: { ...load, warmupSeconds: warmup, tool: wrkVersion.trim(), only: only ?? "all", profile },
    machine: await machineDescription(),
    rows,
  };
  if (want("baseline")) await baselines();
  if (want("emulator")) await emulatorMemory();
  if (want("sqlite")) await emulatorSqlite();
  if (want("peer")) await moto();
  if (want("startup")) {
    log("start-up: 20 starts");
    results.startup = await measureStartup(BENCH_DIR, join(REPO_ROOT, "examples", "demo-seed.yaml"), 20);
  }
  if (want("memory")) {
    // Default Node flags, then a bounded young generation (V8 sizes it from the machine's memory: ~130 MB here).
    for (const nodeFlags of [[], ["--max-semi-space-size=16"]]) {
      const label = nodeFlags.length ? ` (node ${nodeFlags.join(" ")})` : "";
      log(`memory: idle and 100,000 keys${label}`);
      const memory = await measureRss((options) => launchEmulator(options, nodeFlags));
      for (const [keys, server] of memory.servers) {
        const ids = Array.from({ length: 10 }, (_, i) => benchKeyId(Math.floor((i * keys) / 10)));
        const name = `GetKeyPolicy, ${keys.toLocaleString("en-US")} keys stored${label}`;
        await measure(
          server.url,
          {
            group: "flat",
            name,
            server: "emulator (Node, memory)",
            requests: getKeyPolicy(ids),
            expect: "key-default-1",
          },
          server.child.pid,
        );
      }
      await sleep(500);
      const [small, large] = memory.servers.map(([, server]) => server);
      if (small && large) {
        memory.rss.idleAfterLoadBytes = await rssOf(small.child.pid ?? 0);
        memory.rss.withKeysAfterLoadBytes = await rssOf(large.child.pid ?? 0);
        memory.rss.extraBytes = memory.rss.withKeysAfterLoadBytes - memory.rss.idleAfterLoadBytes;
      }
      for (const [, server] of memory.servers) await stopServer(server);
      results.memory ??= [];
      results.memory.push({ ...memory.rss, nodeFlags: nodeFlags.join(" ") });
    }
  }
  if (want("bundle")) {
    log("bundle: Worker entry, minified and gzip");
    results.bundle = await measureBundle(BENCH_DIR);
  }
  if (want("cli")) {
    log("cli: get-key-policy wall time");
    const server = await launchEmulator({ seedFile: join(REPO_ROOT, "examples", "demo-seed.yaml") });
    results.cli = await measureCliWallTime(server.url, DEMO_KEY_ID, CREDENTIALS);
    await stopServer(server);
  }
  results.totalSeconds = Math.round((Date.now() - startedAt) / 1000);
  results.loadAtEnd = loadavg()
    .map((l) => l.toFixed(2))
    .join(", ");
  await writeFile(join(OUT_DIR, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(join(OUT_DIR, "latest.md"), renderMarkdown(results));
  log(`done in ${results.totalSeconds} s: ${join(OUT_DIR, "latest.md")}`);
}

try {
  await main();
} finally {
  for (const server of [...started]) await stop(server.child);
}
