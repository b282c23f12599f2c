// Durability: once CreateKey or PutKeyPolicy has been answered 200, the change survives kill -9 of the server.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CreateKeyCommand,
  GetKeyPolicyCommand,
  KMSClient,
  ListKeysCommand,
  PutKeyPolicyCommand,
} from "@aws-sdk/client-kms";
import { formatPolicy, parseJson } from "@keypolicy/policy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Bundle, bundleEntry } from "./support/bundle.js";
import { type Child, freePort, spawnChild, stopChild, waitForHttp } from "./support/processes.js";

const STREAMS = 6;
/** Acknowledged writes after which the server is killed, while every stream still has a request in flight. */
const KILL_AFTER_ACKS = 240;
/** Bound on each stream's writes, in case the kill never comes. */
const MAX_WRITES_PER_STREAM = 200;

/** A policy unique to (stream, write): single-line as sent, and the pretty text GetKeyPolicy must answer. */
function policyFor(stream: number, write: number): { sent: string; stored: string } {
  const sent = JSON.stringify({
    Version: "2012-10-17",
    Id: `crash-${stream}-${write}`,
    Statement: [
      {
        Sid: "Root",
        Effect: "Allow",
        Principal: { AWS: "arn:aws:iam::111122223333:root" },
        Action: "kms:*",
        Resource: "*",
      },
      {
        Sid: `Pad${write}`,
        Effect: "Deny",
        Principal: { AWS: "*" },
        Action: ["kms:Decrypt"],
        Resource: "*",
        Condition: { StringEquals: { "kms:ViaService": "x".repeat(1500) } },
      },
    ],
  });
  const parsed = parseJson(sent);
  if (!parsed.success) throw new Error("test policy is not JSON");
  return { sent, stored: formatPolicy(parsed.data) };
}

interface KeyRecord {
  /** The policy of the last acknowledged write. */
  acked: string;
  /** The policy of a PutKeyPolicy sent but not answered when the server died. */
  inFlight?: string;
}

describe("durability across kill -9", () => {
  let bundle: Bundle;
  let dataDir: string;
  const children: Child[] = [];

  beforeAll(async () => {
    bundle = await bundleEntry(new URL("./fixtures/serve-data-dir.ts", import.meta.url).pathname, "serve-data-dir");
    dataDir = mkdtempSync(join(tmpdir(), "keypolicy-crash-"));
  });
  afterAll(async () => {
    for (const child of children) await stopChild(child, "SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(bundle.path, { force: true });
  });

  async function start(): Promise<{ child: Child; endpoint: string }> {
    const port = await freePort();
    const child = spawnChild(process.execPath, [bundle.path], { PORT: String(port), DATA_DIR: dataDir });
    children.push(child);
    const endpoint = `http://127.0.0.1:${port}`;
    await waitForHttp(endpoint, child.process).catch((cause: Error) => {
      throw new Error(`${cause.message}\n${child.output()}`);
    });
    return { child, endpoint };
  }

  const client = (endpoint: string): KMSClient =>
    new KMSClient({
      endpoint,
      region: "us-east-2",
      credentials: { accessKeyId: "111122223333", secretAccessKey: "s" },
      maxAttempts: 1,
    });

  it("keeps every acknowledged CreateKey and PutKeyPolicy, with its exact policy", async () => {
    const first = await start();
    const kms = client(first.endpoint);
    const keys = new Map<string, KeyRecord>();
    let acks = 0;
    let killed = false;
    let inFlightAtKill = 0;
    const inFlight = new Set<number>();

    const kill = (): void => {
      if (killed) return;
      killed = true;
      inFlightAtKill = inFlight.size;
      first.child.process.kill("SIGKILL");
    };

    // Each stream creates a key, then keeps replacing its policy; a second key every 25 writes keeps CreateKey in
    // the stream too. Every request's outcome is recorded only when it is answered 200.
    async function stream(s: number): Promise<void> {
      let keyId: string | undefined;
      for (let write = 0; write < MAX_WRITES_PER_STREAM && !killed; write++) {
        const policy = policyFor(s, write);
        inFlight.add(s);
        try {
          if (keyId === undefined || write % 25 === 0) {
            const created = await kms.send(new CreateKeyCommand({ Policy: policy.sent }));
            keyId = created.KeyMetadata?.KeyId as string;
            keys.set(keyId, { acked: policy.stored });
          } else {
            const record = keys.get(keyId) as KeyRecord;
            record.inFlight = policy.stored;
            await kms.send(new PutKeyPolicyCommand({ KeyId: keyId, Policy: policy.sent }));
            keys.set(keyId, { acked: policy.stored });
          }
          acks += 1;
          if (acks >= KILL_AFTER_ACKS) kill();
        } catch {
          // Only a request cut off by the kill fails; its outcome is unknown and checked as such below.
          expect(killed).toBe(true);
          return;
        } finally {
          inFlight.delete(s);
        }
      }
    }
    await Promise.all(Array.from({ length: STREAMS }, (_, s) => stream(s)));
    kms.destroy();
    expect(killed).toBe(true);
    await first.child.exited;
    expect(first.child.process.signalCode).toBe("SIGKILL");

    const second = await start();
    const after = client(second.endpoint);
    try {
      let verified = 0;
      for (const [keyId, record] of keys) {
        const got = await after.send(new GetKeyPolicyCommand({ KeyId: keyId }));
        // The last acknowledged policy, or a later one whose answer the kill cut off (written or not: unknown).
        expect([record.acked, record.inFlight].filter(Boolean)).toContain(got.Policy);
        if (got.Policy === record.acked) verified += 1;
      }
      const listed = new Set<string>();
      let marker: string | undefined;
      for (let page = 0; page < 100; page++) {
        const out = await after.send(new ListKeysCommand({ Limit: 1000, ...(marker ? { Marker: marker } : {}) }));
        for (const k of out.Keys ?? []) listed.add(k.KeyId as string);
        marker = out.NextMarker;
        if (!out.Truncated) break;
      }
      for (const keyId of keys.keys()) expect(listed.has(keyId)).toBe(true);
      expect(acks).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
      // Every key's state is the acknowledged one except where a write was cut off mid-flight.
      expect(verified).toBeGreaterThanOrEqual(keys.size - inFlightAtKill);
      console.info(
        `crash test: ${acks} acknowledged writes on ${keys.size} keys, ${inFlightAtKill} in flight at kill -9; all kept`,
      );
    } finally {
      after.destroy();
    }
  }, 60_000);
});
