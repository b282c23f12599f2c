import { buildClient, CommitmentPolicy, getClient, KmsKeyringNode } from "@aws-crypto/client-node";
import { CreateKeyCommand, KMS, KMSClient } from "@aws-sdk/client-kms";
import { type RunningServer, startNodeServer } from "@keypolicy/emulator-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The AWS Encryption SDK for JavaScript (@aws-crypto/client-node, a client nobody here wrote) encrypting and
// decrypting through the emulator over HTTP with a KMS keyring: GenerateDataKey on encrypt, Decrypt on decrypt, the
// encryption context bound to both, and key policies enforced.
const REGION = "us-east-2";
const ACCOUNT = "111122223333";
const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const credentials = { accessKeyId: ACCOUNT, secretAccessKey: "test-secret" };

let server: RunningServer;
let kms: KMSClient;
beforeAll(async () => {
  server = await startNodeServer({ port: 0, config: { enforceKeyPolicies: true, defaultRegion: REGION } });
  kms = new KMSClient({ region: REGION, endpoint: server.url, credentials });
});
afterAll(async () => {
  kms?.destroy();
  await server?.close();
});

const policy = (...statements: object[]) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { AWS: ROOT }, Action: "kms:*", Resource: "*" }, ...statements],
  });

async function createKey(...statements: object[]): Promise<string> {
  const created = await kms.send(new CreateKeyCommand({ Policy: policy(...statements) }));
  return created.KeyMetadata?.Arn as string;
}

/** A KMS keyring whose clients go to the emulator (the SDK makes one KMS client per Region it needs). */
function keyring(generatorKeyId: string, keyIds: string[] = []) {
  // The keyring types its own KMS interface; the v3 `KMS` class is what it calls at run time.
  const clientProvider = getClient(KMS as never, { endpoint: server.url, credentials });
  return new KmsKeyringNode({ generatorKeyId, keyIds, clientProvider });
}

const { encrypt, decrypt } = buildClient(CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT);
const context = { tenant: "blue", purpose: "keypolicy-e2e" };

describe("AWS Encryption SDK for JavaScript, KMS keyring", () => {
  it("encrypts and decrypts a message with an encryption context", async () => {
    const keyArn = await createKey();
    const plaintext = Buffer.from("a message for the envelope, twice: a message for the envelope");
    const { result } = await encrypt(keyring(keyArn), plaintext, { encryptionContext: context });
    expect(Buffer.from(result).includes(plaintext)).toBe(false);
    const decrypted = await decrypt(keyring(keyArn), result);
    expect(Buffer.from(decrypted.plaintext).toString()).toBe(plaintext.toString());
    expect(decrypted.messageHeader.encryptionContext).toMatchObject(context);
    // The data key was encrypted by this key: the header names it as the provider info.
    expect(decrypted.messageHeader.encryptedDataKeys.map((k) => k.providerInfo)).toEqual([keyArn]);
  });

  it("encrypts under two keys, and either key alone decrypts", async () => {
    const first = await createKey();
    const second = await createKey();
    const { result } = await encrypt(keyring(first, [second]), Buffer.from("two keys"), { encryptionContext: context });
    expect(Buffer.from((await decrypt(keyring(second), result)).plaintext).toString()).toBe("two keys");
    expect(Buffer.from((await decrypt(keyring(first), result)).plaintext).toString()).toBe("two keys");
  });

  it("fails to encrypt when the key policy denies kms:GenerateDataKey, with AWS's AccessDeniedException", async () => {
    const keyArn = await createKey({
      Effect: "Deny",
      Principal: { AWS: ROOT },
      Action: "kms:GenerateDataKey",
      Resource: "*",
    });
    await expect(
      encrypt(keyring(keyArn), Buffer.from("refused"), { encryptionContext: context }),
    ).rejects.toMatchObject({
      name: "AccessDeniedException",
      message: `User: ${ROOT} is not authorized to perform: kms:GenerateDataKey on resource: ${keyArn} with an explicit deny in a resource-based policy`,
    });
  });

  it("fails to decrypt when the key policy denies kms:Decrypt unless the encryption context matches", async () => {
    const keyArn = await createKey({
      Effect: "Deny",
      Principal: { AWS: ROOT },
      Action: "kms:Decrypt",
      Resource: "*",
      Condition: { StringNotEquals: { "kms:EncryptionContext:tenant": "blue" } },
    });
    const blue = await encrypt(keyring(keyArn), Buffer.from("blue"), { encryptionContext: context });
    expect(Buffer.from((await decrypt(keyring(keyArn), blue.result)).plaintext).toString()).toBe("blue");
    const red = await encrypt(keyring(keyArn), Buffer.from("red"), { encryptionContext: { tenant: "red" } });
    // The keyring gathers the KMS errors of each data key it tried into one error.
    await expect(decrypt(keyring(keyArn), red.result)).rejects.toThrow(/AccessDeniedException|not authorized/);
  });
});
