// Ciphertexts survive a restart of a SQLite-backed server: the key material secrets are in the data dir, and a seeded
// key (stored before its first cryptographic use) gets its secret once and keeps it.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CreateKeyCommand,
  DecryptCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  KMSClient,
  RotateKeyOnDemandCommand,
} from "@aws-sdk/client-kms";
import { afterAll, describe, expect, it } from "vitest";
import { startNodeServer } from "../src/index.js";

const root = mkdtempSync(join(tmpdir(), "keypolicy-crypto-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const SEEDED = "1234abcd-12ab-34cd-56ef-1234567890ab";
const seedFile = join(root, "seed.yaml");
writeFileSync(seedFile, `keys:\n  - KeyId: ${SEEDED}\n    AccountId: "111122223333"\n    Region: us-east-2\n`);

const client = (url: string) =>
  new KMSClient({
    endpoint: url,
    region: "us-east-2",
    credentials: { accessKeyId: "111122223333", secretAccessKey: "s" },
  });

describe("the data plane on a SQLite data dir", () => {
  it("decrypts after a restart what was encrypted before it, before and after a rotation, and seeded keys' too", async () => {
    const dataDir = join(root, "data");
    const context = { app: "restart" };
    const first = await startNodeServer({ port: 0, dataDir, seedFile });
    const kms1 = client(first.url);
    const blobs: Uint8Array[] = [];
    let dataKey: Uint8Array;
    let keyId: string;
    try {
      keyId = (await kms1.send(new CreateKeyCommand({}))).KeyMetadata?.KeyId as string;
      const plain = new TextEncoder().encode("kept on disk");
      for (const id of [keyId, SEEDED]) {
        blobs.push(
          (await kms1.send(new EncryptCommand({ KeyId: id, Plaintext: plain, EncryptionContext: context })))
            .CiphertextBlob as Uint8Array,
        );
      }
      await kms1.send(new RotateKeyOnDemandCommand({ KeyId: keyId }));
      blobs.push(
        (await kms1.send(new EncryptCommand({ KeyId: keyId, Plaintext: plain, EncryptionContext: context })))
          .CiphertextBlob as Uint8Array,
      );
      const generated = await kms1.send(new GenerateDataKeyCommand({ KeyId: SEEDED, KeySpec: "AES_256" }));
      dataKey = generated.Plaintext as Uint8Array;
      blobs.push(generated.CiphertextBlob as Uint8Array);
    } finally {
      kms1.destroy();
      await first.close();
    }
    const second = await startNodeServer({ port: 0, dataDir, seedFile });
    const kms2 = client(second.url);
    try {
      for (const blob of blobs.slice(0, 3)) {
        const out = await kms2.send(new DecryptCommand({ CiphertextBlob: blob, EncryptionContext: context }));
        expect(new TextDecoder().decode(out.Plaintext)).toBe("kept on disk");
      }
      const envelope = await kms2.send(new DecryptCommand({ CiphertextBlob: blobs[3] }));
      expect(envelope.Plaintext).toEqual(dataKey);
      expect(envelope.KeyId).toBe(`arn:aws:kms:us-east-2:111122223333:key/${SEEDED}`);
    } finally {
      kms2.destroy();
      await second.close();
    }
  });
});
