// Seeding a persistent store is idempotent: a restart with the same seed neither duplicates keys nor overwrites
// changes made since.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GetKeyPolicyCommand, KMSClient, ListKeysCommand, PutKeyPolicyCommand } from "@aws-sdk/client-kms";
import { afterAll, describe, expect, it } from "vitest";
import { startNodeServer } from "../src/index.js";

const root = mkdtempSync(join(tmpdir(), "keypolicy-seed-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
const seedFile = join(root, "seed.yaml");
writeFileSync(
  seedFile,
  `keys:\n  - KeyId: ${KEY_ID}\n    AccountId: "111122223333"\n    Region: us-east-2\n    Description: seeded\n    Aliases: [alias/ExampleAlias]\n`,
);

describe("seeding a SQLite data dir", () => {
  it("creates the seed once, and on restart keeps the keys, aliases and policies changed since", async () => {
    const dataDir = join(root, "data");
    const first = await startNodeServer({ port: 0, dataDir, seedFile });
    expect(first.seed).toEqual({
      keysCreated: 1,
      keysExisting: 0,
      keysOverwritten: 0,
      aliasesCreated: 1,
      aliasesExisting: 0,
      aliasesOverwritten: 0,
    });
    const changed =
      '{\n  "Version" : "2012-10-17",\n  "Statement" : [ {\n    "Sid" : "Root",\n    "Effect" : "Allow",\n    "Principal" : {\n      "AWS" : "arn:aws:iam::111122223333:root"\n    },\n    "Action" : "kms:*",\n    "Resource" : "*"\n  } ]\n}';
    const kms1 = new KMSClient({
      endpoint: first.url,
      region: "us-east-2",
      credentials: { accessKeyId: "111122223333", secretAccessKey: "s" },
    });
    await kms1.send(
      new PutKeyPolicyCommand({
        KeyId: "alias/ExampleAlias",
        Policy:
          '{"Version":"2012-10-17","Statement":[{"Sid":"Root","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"}]}',
      }),
    );
    kms1.destroy();
    await first.close();

    const second = await startNodeServer({ port: 0, dataDir, seedFile });
    const kms2 = new KMSClient({
      endpoint: second.url,
      region: "us-east-2",
      credentials: { accessKeyId: "111122223333", secretAccessKey: "s" },
    });
    try {
      expect(second.seed).toEqual({
        keysCreated: 0,
        keysExisting: 1,
        keysOverwritten: 0,
        aliasesCreated: 0,
        aliasesExisting: 1,
        aliasesOverwritten: 0,
      });
      expect((await kms2.send(new GetKeyPolicyCommand({ KeyId: KEY_ID }))).Policy).toBe(changed);
      expect((await kms2.send(new ListKeysCommand({}))).Keys?.map((k) => k.KeyId)).toEqual([KEY_ID]);
    } finally {
      kms2.destroy();
      await second.close();
    }
  });
});
