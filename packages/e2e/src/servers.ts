import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { createMemoryStore, type KeyStore } from "@keypolicy/emulator";
import { type RunningServer, startNodeServer } from "@keypolicy/emulator-node";

const REPO = join(import.meta.dirname, "..", "..", "..");
/** The demo seed: key 1234abcd-12ab-34cd-56ef-1234567890ab in 111122223333/us-east-2 with alias/ExampleAlias. */
export const DEMO_SEED = join(REPO, "examples", "demo-seed.yaml");
/** The demo key of the GetKeyPolicy documentation. */
export const DEMO_KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";

/** Starts the emulator on 127.0.0.1 on a free port with a seed file (and the store given, else a new in-memory one). */
export function startEmulator(seedFile = DEMO_SEED, store?: KeyStore): Promise<RunningServer> {
  return startNodeServer({ port: 0, seedFile, ...(store ? { store } : {}) });
}

/** A running emulator whose store the test holds, so it can let time pass for one key. */
export interface EmulatorWithStore {
  readonly server: RunningServer;
  /**
   * Makes the key's next automatic rotation due `agoMs` milliseconds ago, as if its rotation period had passed: the
   * next request that reads the key finds the rotation done, dated then (the emulator materialises due rotations
   * on read, KMS-FIDELITY.md §5a). The key must have automatic rotation enabled. Answers the due date (epoch ms).
   */
  makeAutomaticRotationDue(region: string, accountId: string, keyId: string, agoMs?: number): Promise<number>;
}

/** Starts the emulator with the demo seed on an in-memory store the test can reach (see {@link EmulatorWithStore}). */
export async function startEmulatorWithStore(seedFile = DEMO_SEED): Promise<EmulatorWithStore> {
  const store = createMemoryStore();
  const server = await startEmulator(seedFile, store);
  return {
    server,
    async makeAutomaticRotationDue(region, accountId, keyId, agoMs = 60_000) {
      const key = await store.getKey({ region, accountId }, keyId);
      if (key?.nextRotationDate === undefined) throw new Error(`key ${keyId} has no automatic rotation scheduled`);
      const due = Date.now() - agoMs;
      await store.updateKey({ region, accountId }, keyId, { nextRotationDate: due });
      return due;
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A running moto_server. */
export interface MotoServer {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Starts `moto_server -H 127.0.0.1 -p <free port>` and waits (at most `timeoutMs`) until it answers a KMS request.
 *
 * @throws Error when it does not come up in time (its output is in the message).
 */
export async function startMoto(
  path: string,
  env: Record<string, string> = {},
  timeoutMs = 30_000,
): Promise<MotoServer> {
  const port = await freePort();
  const child = spawn(path, ["-H", "127.0.0.1", "-p", String(port)], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
    });
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; attempt < 300 && Date.now() < deadline; attempt++) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/x-amz-json-1.1",
          "x-amz-target": "TrentService.ListKeys",
          authorization:
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/kms/aws4_request, SignedHeaders=host, Signature=0",
        },
        body: "{}",
      });
      if (response.status === 200) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`moto_server did not answer on ${url} within ${timeoutMs} ms:\n${output}`);
}
