import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "./process.ts";

/** One HTTP request wrk sends (POST / with these headers and body). */
export interface WrkRequest {
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** What one wrk run measured. Latencies in microseconds. */
export interface WrkResult {
  readonly requests: number;
  readonly durationUs: number;
  readonly requestsPerSecond: number;
  readonly p50Us: number;
  readonly p99Us: number;
  readonly meanUs: number;
  readonly maxUs: number;
  /** Socket errors and timeouts. */
  readonly socketErrors: number;
  /** Answers with a status other than 2xx/3xx. */
  readonly non2xx: number;
}

/** How to drive one run: connections, threads, seconds. */
export interface WrkLoad {
  readonly connections: number;
  readonly threads: number;
  readonly seconds: number;
}

function luaString(text: string): string {
  let level = 0;
  while (text.includes(`]${"=".repeat(level)}]`)) level++;
  const eq = "=".repeat(level);
  // A long bracket drops a first newline, so one is always given.
  return `[${eq}[\n${text}]${eq}]`;
}

/**
 * The Lua script that makes wrk send `requests` in turn (round robin per thread), pre-formatted once in init(), and
 * print a `BENCH_JSON {...}` summary line when done.
 */
export function wrkScript(requests: readonly WrkRequest[]): string {
  const specs = requests
    .map((r) => {
      const headers = Object.entries(r.headers)
        .map(([name, value]) => `[ ${luaString(name)} ] = ${luaString(value)}`)
        .join(", ");
      return `  { headers = { ${headers} }, body = ${luaString(r.body)} }`;
    })
    .join(",\n");
  return `local specs = {
${specs}
}
local formatted = {}
local n = 0
function init(args)
  for i, s in ipairs(specs) do formatted[i] = wrk.format("POST", "/", s.headers, s.body) end
end
function request()
  n = n + 1
  if n > #formatted then n = 1 end
  return formatted[n]
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('BENCH_JSON {"requests":%d,"durationUs":%d,"p50Us":%d,"p99Us":%d,"meanUs":%.1f,"maxUs":%d,"socketErrors":%d,"non2xx":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.mean, latency.max,
    e.connect + e.read + e.write + e.timeout, e.status))
end
`;
}

/**
 * Runs wrk against `url`: a short warm-up (discarded), then the measured run.
 *
 * @throws when wrk fails or prints no summary.
 */
export async function runWrk(
  url: string,
  requests: readonly WrkRequest[],
  load: WrkLoad,
  warmupSeconds: number,
): Promise<WrkResult> {
  const dir = await mkdtemp(join(tmpdir(), "keypolicy-bench-"));
  try {
    const script = join(dir, "requests.lua");
    await writeFile(script, wrkScript(requests));
    const args = (seconds: number) => [
      `-t${load.threads}`,
      `-c${load.connections}`,
      `-d${seconds}s`,
      "--timeout",
      "5s",
      "-s",
      script,
      url,
    ];
    if (warmupSeconds > 0) await run("wrk", args(warmupSeconds), (warmupSeconds + 20) * 1000);
    const out = await run("wrk", args(load.seconds), (load.seconds + 20) * 1000);
    const line = out.stdout.split("\n").find((l) => l.startsWith("BENCH_JSON "));
    if (out.code !== 0 || !line) throw new Error(`wrk failed (${out.code}): ${out.stderr || out.stdout}`);
    const raw = JSON.parse(line.slice("BENCH_JSON ".length)) as Omit<WrkResult, "requestsPerSecond">;
    return { ...raw, requestsPerSecond: raw.requests / (raw.durationUs / 1e6) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
