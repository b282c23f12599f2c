import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, existsSync, openSync } from "node:fs";
import { join } from "node:path";
import { type RunningServer, startNodeServer } from "@keypolicy/emulator-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_DEFAULT_POLICY, DEMO_KEY_ID, DEMO_SEED, REPO_ROOT, testEnv } from "./helpers.js";

/** The built bin, as `npm i -g @keypolicy/cli` installs it. `pnpm build` (or `pnpm test` at the root) makes it. */
const BIN = join(REPO_ROOT, "packages/cli/dist/bin.js");

function childEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: "/nonexistent/keypolicy-test", ...testEnv(extra) };
}

/** Collects a child's output and its exit; rejects if it has not exited after `ms`. */
function exited(child: ChildProcess, ms = 15_000) {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>(
    (resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        reject(new Error(`no exit after ${ms} ms; stderr: ${stderr}`));
      }, ms);
      child.on("exit", (code, signal) => {
        clearTimeout(timer);
        // "exit" may come before the pipes are drained; "close" follows once they are.
        child.on("close", () => resolve({ code, signal, stdout, stderr }));
      });
    },
  );
}

function firstLine(child: ChildProcess, ms = 15_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    const timer = setTimeout(() => reject(new Error(`no line after ${ms} ms: ${text}`)), ms);
    child.stdout?.on("data", (chunk: Buffer) => {
      text += chunk.toString();
      const end = text.indexOf("\n");
      if (end >= 0) {
        clearTimeout(timer);
        resolve(text.slice(0, end));
      }
    });
    child.on("exit", (code) => reject(new Error(`exited with ${code} before printing a line`)));
  });
}

describe("the built keypolicy bin", () => {
  it("exists (run `pnpm build` first)", () => {
    expect(existsSync(BIN), `${BIN} is missing: run pnpm build`).toBe(true);
  });

  it.each(["SIGTERM", "SIGINT"] as const)(
    "serves the demo seed, answers get-key-policy from another process, and exits 0 on %s",
    async (signal) => {
      const server = spawn(process.execPath, [BIN, "serve", "--port", "0", "--seed", DEMO_SEED], {
        env: childEnv(),
        stdio: ["ignore", "pipe", "pipe"],
      });
      const serverExit = exited(server);
      try {
        const line = await firstLine(server);
        const match = /^keypolicy emulator listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
        expect(match, line).not.toBeNull();
        const url = match?.[1] ?? "";

        const client = spawn(process.execPath, [BIN, "get-key-policy", "--key-id", DEMO_KEY_ID, "--output", "text"], {
          env: childEnv({ AWS_REGION: "us-east-2", AWS_ENDPOINT_URL_KMS: url }),
          stdio: ["ignore", "pipe", "pipe"],
        });
        expect(await exited(client)).toEqual({ code: 0, signal: null, stdout: `${DEMO_DEFAULT_POLICY}\n`, stderr: "" });
      } finally {
        server.kill(signal);
      }
      const seeded = `keypolicy: seed ${DEMO_SEED}: keys: 1 created, 0 kept, 0 overwritten; aliases: 1 created, 0 kept, 0 overwritten\n`;
      expect(await serverExit).toMatchObject({ code: 0, signal: null, stderr: seeded });
    },
  );

  it("exits 254 with the AWS CLI's message when the key does not exist", async () => {
    const client = spawn(process.execPath, [BIN, "get-key-policy", "--key-id", "nope", "--region", "us-east-2"], {
      env: childEnv(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    expect(await exited(client)).toEqual({
      code: 254,
      signal: null,
      stdout: "",
      stderr: "\nAn error occurred (NotFoundException) when calling the GetKeyPolicy operation: Invalid keyId 'nope'\n",
    });
  });
});

describe("the built bin's standard streams", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startNodeServer({ port: 0, seedFile: DEMO_SEED });
  });
  afterAll(() => server.close());

  const getKeyPolicy = () => [
    "get-key-policy",
    "--key-id",
    DEMO_KEY_ID,
    "--endpoint-url",
    server.url,
    "--region",
    "us-east-2",
  ];
  const NO_NODE_TRACE = /^\s+at |node:internal|Unhandled 'error' event/m;

  it.each([
    ["--help", () => ["--help"]],
    ["get-key-policy", getKeyPolicy],
  ])("ends %s quietly with exit code 0 when standard output's reader is gone (| head -1)", async (_, argv) => {
    const child = spawn(process.execPath, [BIN, ...argv()], { env: childEnv(), stdio: ["ignore", "pipe", "pipe"] });
    // Closed before the child has even loaded Node: its first write meets a pipe without a reader (EPIPE).
    child.stdout?.destroy();
    const result = await exited(child);
    expect(result.stderr).not.toMatch(NO_NODE_TRACE);
    expect(result).toMatchObject({ code: 0, signal: null, stderr: "" });
  });

  it.runIf(existsSync("/dev/full")).each([
    ["--help", () => ["--help"]],
    ["get-key-policy", getKeyPolicy],
  ])(
    "ends %s with one line on stderr and exit code 255 when standard output is full (> /dev/full)",
    async (_, argv) => {
      const full = openSync("/dev/full", "w");
      try {
        const child = spawn(process.execPath, [BIN, ...argv()], { env: childEnv(), stdio: ["ignore", full, "pipe"] });
        const result = await exited(child);
        expect(result.stderr).not.toMatch(NO_NODE_TRACE);
        expect(result).toMatchObject({
          code: 255,
          signal: null,
          stderr: "\nCould not write to standard output: No space left on device (ENOSPC)\n",
        });
      } finally {
        closeSync(full);
      }
    },
  );
});
