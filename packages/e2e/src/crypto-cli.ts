import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { expect } from "vitest";
import { cliErrorLine } from "./aws-cli.js";
import type { RunResult } from "./clients.js";

/** Bytes that are not UTF-8 text, so only a raw-bytes path (`fileb://`) carries them intact. */
export const CLI_PLAINTEXT = Buffer.from([0x00, 0x01, 0x7f, 0x80, 0xfe, 0xff, ...Buffer.from("cli data plane ✓")]);

/**
 * The data plane scenario both AWS CLI suites run: `encrypt` of a file's bytes (`fileb://`) under an encryption
 * context, its base64 `CiphertextBlob` decoded into a file and `decrypt`ed from there (`fileb://`, raw bytes in v1 and
 * v2 alike); `generate-data-key` by alias; `re-encrypt` to a second key; `generate-random`; and the error lines of
 * Decrypt under another context and of garbage.
 *
 * @param aws - runs `aws kms <args…>` against the emulator, in a Region of its own (the scenario creates keys).
 * @param dir - a folder for the scenario's files.
 * @param errorExit - the CLI's exit code for a service error: 255 for v1, 254 for v2.
 */
export async function checkDataPlaneWithCli(
  aws: (...args: string[]) => Promise<RunResult>,
  dir: string,
  region: string,
  accountId: string,
  errorExit: number,
): Promise<void> {
  const ok = (out: RunResult) => {
    expect(out.code, out.stderr).toBe(0);
    return out.stdout;
  };
  const [first, second] = await Promise.all([
    aws("create-key", "--query", "KeyMetadata.KeyId", "--output", "text"),
    aws("create-key", "--query", "KeyMetadata.KeyId", "--output", "text"),
  ]);
  const [key, other] = [ok(first).trim(), ok(second).trim()];
  const arnOf = (keyId: string) => `arn:aws:kms:${region}:${accountId}:key/${keyId}`;
  ok(await aws("create-alias", "--alias-name", "alias/e2e-cli-crypto", "--target-key-id", key));

  const plaintextFile = join(dir, "plaintext.bin");
  await writeFile(plaintextFile, CLI_PLAINTEXT);
  const encrypted = await aws(
    "encrypt",
    "--key-id",
    key,
    "--plaintext",
    `fileb://${plaintextFile}`,
    "--encryption-context",
    "purpose=test",
    "--output",
    "text",
    "--query",
    "CiphertextBlob",
  );
  const blob = Buffer.from(ok(encrypted).trim(), "base64");
  expect(blob.length).toBeGreaterThan(CLI_PLAINTEXT.length);
  const blobFile = join(dir, "ciphertext.bin");
  const garbageFile = join(dir, "garbage.bin");
  await Promise.all([writeFile(blobFile, blob), writeFile(garbageFile, "not a ciphertext blob")]);

  const decrypt = (...args: string[]) => aws("decrypt", "--ciphertext-blob", `fileb://${blobFile}`, ...args);
  const [text, decryptedJson, wrongContext, garbage, dataKeyOut, randomOut, reEncryptedOut] = await Promise.all([
    decrypt("--encryption-context", "purpose=test", "--output", "text", "--query", "Plaintext"),
    decrypt("--encryption-context", "purpose=test"),
    decrypt("--encryption-context", "purpose=other"),
    aws("decrypt", "--ciphertext-blob", `fileb://${garbageFile}`),
    aws("generate-data-key", "--key-id", "alias/e2e-cli-crypto", "--key-spec", "AES_256"),
    aws("generate-random", "--number-of-bytes", "16"),
    aws(
      "re-encrypt",
      "--ciphertext-blob",
      `fileb://${blobFile}`,
      "--source-encryption-context",
      "purpose=test",
      "--destination-key-id",
      other,
      "--destination-encryption-context",
      "purpose=moved",
      "--query",
      "CiphertextBlob",
      "--output",
      "text",
    ),
  ]);
  // `--output text --query Plaintext`: the base64 of the file's bytes, one line.
  expect(ok(text)).toBe(`${CLI_PLAINTEXT.toString("base64")}\n`);
  const decrypted = JSON.parse(ok(decryptedJson));
  expect(decrypted).toMatchObject({
    KeyId: arnOf(key),
    Plaintext: CLI_PLAINTEXT.toString("base64"),
    EncryptionAlgorithm: "SYMMETRIC_DEFAULT",
  });
  // AWS's InvalidCiphertextException has no message: the CLI's line ends after "operation: ".
  for (const refused of [wrongContext, garbage]) {
    expect(refused.code).toBe(errorExit);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toBe(`\n${cliErrorLine("InvalidCiphertextException", "Decrypt", "")}\n`);
  }

  const dataKey = JSON.parse(ok(dataKeyOut));
  expect(Object.keys(dataKey).sort()).toEqual(["CiphertextBlob", "KeyId", "Plaintext"]);
  expect(dataKey.KeyId).toBe(arnOf(key));
  expect(Buffer.from(dataKey.Plaintext, "base64")).toHaveLength(32);
  expect(Buffer.from(JSON.parse(ok(randomOut)).Plaintext, "base64")).toHaveLength(16);

  // The data key's blob and the re-encrypted blob, each through a file again.
  const dataKeyFile = join(dir, "data-key.bin");
  const movedFile = join(dir, "moved.bin");
  await Promise.all([
    writeFile(dataKeyFile, Buffer.from(dataKey.CiphertextBlob, "base64")),
    writeFile(movedFile, Buffer.from(ok(reEncryptedOut).trim(), "base64")),
  ]);
  const [dataKeyBack, moved] = await Promise.all([
    aws("decrypt", "--ciphertext-blob", `fileb://${dataKeyFile}`),
    aws("decrypt", "--ciphertext-blob", `fileb://${movedFile}`, "--encryption-context", "purpose=moved"),
  ]);
  expect(JSON.parse(ok(dataKeyBack))).toMatchObject({ KeyId: arnOf(key), Plaintext: dataKey.Plaintext });
  expect(JSON.parse(ok(moved))).toMatchObject({ KeyId: arnOf(other), Plaintext: CLI_PLAINTEXT.toString("base64") });
  // The bytes survive the round trip raw: what was written is what was read back.
  expect(await readFile(plaintextFile)).toEqual(CLI_PLAINTEXT);
}
