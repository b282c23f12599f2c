// State kept in D1 survives a restart of the Worker (Miniflare disposed and started again on the same persistence).
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CreateKeyCommand,
  DecryptCommand,
  EncryptCommand,
  GetKeyPolicyCommand,
  KMSClient,
  ListKeysCommand,
  PutKeyPolicyCommand,
  RotateKeyOnDemandCommand,
} from "@aws-sdk/client-kms";
import { afterAll, describe, expect, inject, it } from "vitest";
import { applyMigrations } from "./support/migrations.js";
import { migratedCopy, startWorker } from "./support/worker-target.js";

const MIGRATIONS = new URL("../../../packages/emulator/migrations/", import.meta.url);
const root = mkdtempSync(join(tmpdir(), "keypolicy-worker-persist-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const client = (endpoint: string): KMSClient =>
  new KMSClient({
    endpoint,
    region: "ap-southeast-2",
    credentials: { accessKeyId: "777788889999", secretAccessKey: "s" },
    maxAttempts: 1,
  });

describe("the Worker's D1 state across a Miniflare restart", () => {
  it("gets its schema from the emulator's migrations, applied by wrangler and recorded in d1_migrations", async () => {
    expect(inject("migrationOutput")).toMatch(/0001_init\.sql[\s\S]*✅/);
    const dir = migratedCopy(join(root, "migrations"));
    const worker = await startWorker(dir);
    try {
      const db = await worker.mf.getD1Database("DB");
      const { results } = await db.prepare("SELECT name FROM d1_migrations ORDER BY id").all<{ name: string }>();
      expect(results.map((r) => r.name)).toEqual(
        readdirSync(MIGRATIONS)
          .filter((f) => f.endsWith(".sql"))
          .sort(),
      );
    } finally {
      await worker.close();
    }
    // Applying again finds nothing to do.
    expect(await applyMigrations(dir)).toMatch(/No migrations to apply/);
  });

  it("keeps keys and their policies after the Worker is stopped and started again", async () => {
    const dir = migratedCopy(join(root, "restart"));
    const policy =
      '{\n  "Version" : "2012-10-17",\n  "Id" : "after-restart",\n  "Statement" : [ {\n    "Sid" : "Root",\n    "Effect" : "Allow",\n    "Principal" : {\n      "AWS" : "arn:aws:iam::777788889999:root"\n    },\n    "Action" : "kms:*",\n    "Resource" : "*"\n  } ]\n}';

    const first = await startWorker(dir);
    const kms1 = client(first.endpoint);
    const ids: string[] = [];
    try {
      for (let i = 0; i < 3; i++)
        ids.push((await kms1.send(new CreateKeyCommand({ Description: `k${i}` }))).KeyMetadata?.KeyId as string);
      await kms1.send(
        new PutKeyPolicyCommand({
          KeyId: ids[1] as string,
          Policy:
            '{"Version":"2012-10-17","Id":"after-restart","Statement":[{"Sid":"Root","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::777788889999:root"},"Action":"kms:*","Resource":"*"}]}',
        }),
      );
    } finally {
      kms1.destroy();
      await first.close();
    }

    const second = await startWorker(dir);
    const kms2 = client(second.endpoint);
    try {
      expect((await kms2.send(new ListKeysCommand({}))).Keys?.map((k) => k.KeyId)).toEqual(ids);
      expect((await kms2.send(new GetKeyPolicyCommand({ KeyId: ids[1] as string }))).Policy).toBe(policy);
      expect((await kms2.send(new GetKeyPolicyCommand({ KeyId: ids[0] as string }))).Policy).toContain(
        '"AWS" : "arn:aws:iam::777788889999:root"',
      );
    } finally {
      kms2.destroy();
      await second.close();
    }
  });

  it("decrypts after a restart the ciphertexts made before it, before and after a rotation", async () => {
    const dir = migratedCopy(join(root, "crypto"));
    const context = { purpose: "restart" };
    const first = await startWorker(dir);
    const kms1 = client(first.endpoint);
    let keyId: string;
    let before: Uint8Array;
    let after: Uint8Array;
    try {
      keyId = (await kms1.send(new CreateKeyCommand({}))).KeyMetadata?.KeyId as string;
      const plain = new TextEncoder().encode("kept in D1");
      before = (await kms1.send(new EncryptCommand({ KeyId: keyId, Plaintext: plain, EncryptionContext: context })))
        .CiphertextBlob as Uint8Array;
      await kms1.send(new RotateKeyOnDemandCommand({ KeyId: keyId }));
      after = (await kms1.send(new EncryptCommand({ KeyId: keyId, Plaintext: plain, EncryptionContext: context })))
        .CiphertextBlob as Uint8Array;
    } finally {
      kms1.destroy();
      await first.close();
    }
    const second = await startWorker(dir);
    const kms2 = client(second.endpoint);
    try {
      for (const blob of [before, after]) {
        const out = await kms2.send(new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: context }));
        expect(new TextDecoder().decode(out.Plaintext)).toBe("kept in D1");
        expect(out.KeyId).toBe(`arn:aws:kms:ap-southeast-2:777788889999:key/${keyId}`);
      }
    } finally {
      kms2.destroy();
      await second.close();
    }
  });
});
