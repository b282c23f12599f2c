// Many clients on one key see each request atomically; work on different keys does not interfere.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateKeyCommand, GetKeyPolicyCommand, KMSClient, PutKeyPolicyCommand } from "@aws-sdk/client-kms";
import { formatPolicy, parseJson } from "@keypolicy/policy";
import { afterAll, describe, expect, it } from "vitest";
import { startNodeServer } from "../src/index.js";

const CLIENTS = 8;
const ROUNDS = 15;
const root = mkdtempSync(join(tmpdir(), "keypolicy-concurrency-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Client `c`'s policy for round `r`: distinct, a few KiB, so a torn read could not pass for a whole one. */
function policy(c: number, r: number): { sent: string; stored: string } {
  const sent = JSON.stringify({
    Version: "2012-10-17",
    Id: `client-${c}-round-${r}`,
    Statement: Array.from({ length: 6 }, (_, i) => ({
      Sid: `S${c}x${r}x${i}`,
      Effect: "Allow",
      // The first statement keeps the caller (the account root) able to put the policy again: the lockout check.
      Principal: {
        AWS:
          i === 0
            ? "arn:aws:iam::444455556666:root"
            : `arn:aws:iam::111122223333:role/${"team/".repeat(40)}c${c}-s${i}`,
      },
      Action: ["kms:GetKeyPolicy", "kms:PutKeyPolicy"],
      Resource: "*",
    })),
  });
  const parsed = parseJson(sent);
  if (!parsed.success) throw new Error("test policy is not JSON");
  return { sent, stored: formatPolicy(parsed.data) };
}

const clientFor = (endpoint: string): KMSClient =>
  new KMSClient({
    endpoint,
    region: "eu-central-1",
    credentials: { accessKeyId: "444455556666", secretAccessKey: "s" },
    maxAttempts: 1,
  });

describe.each([
  { store: "in-memory", dataDir: undefined },
  { store: "SQLite", dataDir: join(root, "db") },
])("concurrent clients on a Node server with the $store store", ({ dataDir }) => {
  it(`answers every read among ${CLIENTS} writers of one key with one complete policy that some write stored`, async () => {
    const server = await startNodeServer({ port: 0, ...(dataDir ? { dataDir } : {}) });
    const clients = Array.from({ length: CLIENTS }, () => clientFor(server.url));
    try {
      const created = await clients[0]!.send(new CreateKeyCommand({}));
      const keyId = created.KeyMetadata?.KeyId as string;
      const initial = (await clients[0]!.send(new GetKeyPolicyCommand({ KeyId: keyId }))).Policy as string;
      const allowed = new Set([initial]);
      for (let c = 0; c < CLIENTS; c++) for (let r = 0; r < ROUNDS; r++) allowed.add(policy(c, r).stored);

      const reads: string[] = [];
      await Promise.all(
        clients.map(async (kms, c) => {
          for (let r = 0; r < ROUNDS; r++) {
            await Promise.all([
              kms.send(new PutKeyPolicyCommand({ KeyId: keyId, Policy: policy(c, r).sent })),
              kms.send(new GetKeyPolicyCommand({ KeyId: keyId })).then((out) => reads.push(out.Policy as string)),
            ]);
          }
        }),
      );
      expect(reads).toHaveLength(CLIENTS * ROUNDS);
      const torn = reads.filter((p) => !allowed.has(p));
      expect(torn).toEqual([]);
      // The last write wins: the final policy is some client's last round.
      const final = (await clients[0]!.send(new GetKeyPolicyCommand({ KeyId: keyId }))).Policy;
      expect(Array.from({ length: CLIENTS }, (_, c) => policy(c, ROUNDS - 1).stored)).toContain(final);
    } finally {
      for (const kms of clients) kms.destroy();
      await server.close();
    }
  });

  it(`keeps ${CLIENTS} clients working on their own keys apart: each key ends with its own client's last write`, async () => {
    const server = await startNodeServer({ port: 0, ...(dataDir ? { dataDir } : {}) });
    const clients = Array.from({ length: CLIENTS }, () => clientFor(server.url));
    try {
      const keyIds = await Promise.all(
        clients.map(async (kms, c) => {
          const created = await kms.send(new CreateKeyCommand({ Description: `client ${c}` }));
          const keyId = created.KeyMetadata?.KeyId as string;
          for (let r = 0; r < ROUNDS; r++) {
            await kms.send(new PutKeyPolicyCommand({ KeyId: keyId, Policy: policy(c, r).sent }));
            expect((await kms.send(new GetKeyPolicyCommand({ KeyId: keyId }))).Policy).toBe(policy(c, r).stored);
          }
          return keyId;
        }),
      );
      expect(new Set(keyIds).size).toBe(CLIENTS);
    } finally {
      for (const kms of clients) kms.destroy();
      await server.close();
    }
  });
});
