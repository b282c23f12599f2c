import { type ChildProcess, spawn } from "node:child_process";
import { createServer, type Server, type Socket, connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../src/main.js";
import { DEMO_KEY_ID, fakeIo, isolateProcessEnv, testEnv } from "./helpers.js";

// Each case waits out three 1-second timeouts (the SDK's retries): a limit for a hung test, not a timing assertion.
vi.setConfig({ testTimeout: 30_000 });

/** A TCP server that accepts every connection and never answers; counts the connections. */
let silent: Server;
let silentUrl: string;
let connections = 0;
const held: Socket[] = [];
beforeAll(async () => {
  isolateProcessEnv();
  silent = createServer((socket) => {
    connections += 1;
    held.push(socket);
  });
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  silentUrl = `http://127.0.0.1:${(silent.address() as { port: number }).port}`;
});
afterAll(async () => {
  for (const socket of held) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
});

async function run(argv: string[]) {
  const fake = fakeIo(testEnv({ AWS_REGION: "us-east-2" }));
  const code = await main(argv, fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

describe("--cli-read-timeout", () => {
  it.each(["get-key-policy", "list-key-policies"])(
    "%s gives up on an endpoint that accepts and never answers, with the AWS CLI's message, exit code 255",
    async (command) => {
      const before = connections;
      const result = await run([
        command,
        "--key-id",
        DEMO_KEY_ID,
        "--endpoint-url",
        silentUrl,
        "--cli-read-timeout",
        "1",
      ]);
      expect(result).toEqual({ code: 255, stdout: "", stderr: `\nRead timeout on endpoint URL: "${silentUrl}/"\n` });
      // The AWS CLI v2's standard retry mode: 3 attempts, a read timeout is retried.
      expect(connections - before).toBe(3);
    },
  );

  it("applies to put-key-policy too", async () => {
    const policy = '{"Version":"2012-10-17","Statement":[]}';
    const result = await run([
      "put-key-policy",
      "--key-id",
      DEMO_KEY_ID,
      "--policy",
      policy,
      "--endpoint-url",
      silentUrl,
      "--cli-read-timeout",
      "1",
    ]);
    expect(result.code).toBe(255);
    expect(result.stderr).toBe(`\nRead timeout on endpoint URL: "${silentUrl}/"\n`);
  });
});

/**
 * A listening socket whose owner never accepts: a child process listens with a backlog of 1, then blocks its event
 * loop. Two connections fill Linux's accept queue (it holds backlog + 1); then the kernel drops further SYNs, so a
 * new connection never completes.
 */
async function unacceptingServer(): Promise<{ url: string; child: ChildProcess; fillers: Socket[] }> {
  const script =
    "const s=require('node:net').createServer();s.listen({port:0,host:'127.0.0.1',backlog:1},()=>{" +
    "process.stdout.write(String(s.address().port)+'\\n',()=>Atomics.wait(new Int32Array(new SharedArrayBuffer(4)),0,0));});";
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve) =>
    child.stdout?.once("data", (chunk: Buffer) => resolve(Number(chunk.toString().trim()))),
  );
  const fillers = [connect(port, "127.0.0.1"), connect(port, "127.0.0.1")];
  await Promise.all(fillers.map((filler) => new Promise((resolve) => filler.once("connect", resolve))));
  return { url: `http://127.0.0.1:${port}`, child, fillers };
}

describe("--cli-connect-timeout", () => {
  it.runIf(process.platform === "linux")(
    "gives up on an endpoint that never completes the connection, with the AWS CLI's message, exit code 255",
    async () => {
      const { url, child, fillers } = await unacceptingServer();
      try {
        const result = await run([
          "get-key-policy",
          "--key-id",
          DEMO_KEY_ID,
          "--endpoint-url",
          url,
          "--cli-connect-timeout",
          "1",
        ]);
        expect(result).toEqual({ code: 255, stdout: "", stderr: `\nConnect timeout on endpoint URL: "${url}/"\n` });
      } finally {
        for (const filler of fillers) filler.destroy();
        child.kill("SIGKILL");
      }
    },
  );
});

describe("timeout flags", () => {
  it.each([
    ["--cli-read-timeout", "1.5"],
    ["--cli-connect-timeout", "-1"],
    ["--cli-read-timeout", "soon"],
  ])("refuses %s %s as a usage error, exit code 252", async (flag, value) => {
    const { code, stderr } = await run(["get-key-policy", "--key-id", DEMO_KEY_ID, flag, value]);
    expect(code).toBe(252);
    expect(stderr).toContain(
      `keypolicy: error: option '${flag} <seconds>' argument '${value}' is invalid. must be a whole number of seconds (0: no timeout).`,
    );
  });
});
