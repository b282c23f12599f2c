// Helpers for targets that run the emulator in a child process: free ports, readiness, clean shutdown.
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";

/** A free TCP port on 127.0.0.1, found by binding port 0 and releasing it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/**
 * Waits until `url` answers any HTTP response: polls every 50 ms, at most 1000 attempts. A hang guard, not a timing
 * assertion.
 *
 * @throws Error when the child exits first or no attempt got an answer.
 */
export async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; attempt < 1000 && Date.now() < deadline; attempt++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before answering`);
    try {
      await fetch(url, { method: "POST", signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** A child process, its output collected for error messages. */
export interface Child {
  readonly process: ChildProcess;
  /** The last 4000 characters of stdout and stderr. */
  output(): string;
  /** Resolves once the process has exited. */
  readonly exited: Promise<void>;
}

/** Spawns `command` with `args` and the current environment plus `env`; stdout and stderr are collected. */
export function spawnChild(command: string, args: readonly string[], env: Record<string, string>): Child {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return { process: child, output: () => output.slice(-4000), exited };
}

/** Stops a child with `signal` and waits for it to exit. */
export async function stopChild(child: Child, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill(signal);
  await child.exited;
}
