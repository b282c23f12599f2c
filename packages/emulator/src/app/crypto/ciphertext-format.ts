import type { IdSource } from "../deps.js";

/**
 * The emulator's ciphertext blob [DEC: AWS's own format is not public; KMS-FIDELITY.md §14]. Self-describing, so
 * that Decrypt finds the key without a `KeyId`:
 *
 * | bytes | content |
 * |---|---|
 * | 3 | `KP` and format version `0x01` |
 * | 1 | length `n` of the key ARN |
 * | n | the key ARN, UTF-8 (`arn:<partition>:kms:<region>:<account>:key/<key-id>`) |
 * | 32 | the key material ID, raw (64 hex digits on the API) |
 * | 12 | the AES-GCM nonce (random) |
 * | rest | AES-256-GCM ciphertext and its 16-byte tag |
 *
 * The additional authenticated data is every byte before the nonce followed by the canonical encryption context
 * ({@link canonicalEncryptionContext}), so a changed header, another key or material, or another context fails the
 * tag check. AES-GCM runs on Web Crypto, alike on Node, workerd and Bun.
 */
const MAGIC = [0x4b, 0x50, 0x01] as const;
const MATERIAL_ID_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** What a ciphertext blob says about itself. */
export interface CiphertextHeader {
  readonly keyArn: string;
  readonly keyMaterialId: string;
}

interface ParsedCiphertext extends CiphertextHeader {
  readonly aadPrefix: Uint8Array;
  readonly nonce: Uint8Array;
  readonly sealed: Uint8Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/**
 * The encryption context as authenticated data: its pairs sorted by key (UTF-16 code units), as a JSON array of
 * `[key, value]` pairs, UTF-8. KMS treats the context as an unordered map [DOC encrypt_context], so the order the
 * caller wrote it in must not matter.
 */
export function canonicalEncryptionContext(context: Readonly<Record<string, string>> | undefined): Uint8Array {
  const pairs = Object.entries(context ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return encoder.encode(JSON.stringify(pairs));
}

/** Reads a blob's header; `undefined` for anything this format did not make (too short, wrong magic, bad ARN). */
export function parseCiphertext(blob: Uint8Array): (ParsedCiphertext & CiphertextHeader) | undefined {
  if (blob.length < MAGIC.length + 1) return undefined;
  if (MAGIC.some((byte, i) => blob[i] !== byte)) return undefined;
  const arnLength = blob[MAGIC.length] as number;
  const arnEnd = MAGIC.length + 1 + arnLength;
  const nonceEnd = arnEnd + MATERIAL_ID_BYTES + NONCE_BYTES;
  if (blob.length < nonceEnd + TAG_BYTES) return undefined;
  let keyArn: string;
  try {
    keyArn = decoder.decode(blob.subarray(MAGIC.length + 1, arnEnd));
  } catch {
    return undefined;
  }
  if (!/^arn:[a-z-]+:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/.test(keyArn)) return undefined;
  const materialBytes = blob.subarray(arnEnd, arnEnd + MATERIAL_ID_BYTES);
  const keyMaterialId = Array.from(materialBytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return {
    keyArn,
    keyMaterialId,
    aadPrefix: blob.subarray(0, arnEnd + MATERIAL_ID_BYTES),
    nonce: blob.subarray(arnEnd + MATERIAL_ID_BYTES, nonceEnd),
    sealed: blob.subarray(nonceEnd),
  };
}

function header(keyArn: string, keyMaterialId: string): Uint8Array {
  const arn = encoder.encode(keyArn);
  if (arn.length > 255) throw new Error(`key ARN of ${arn.length} bytes does not fit a ciphertext header`);
  if (!/^[0-9a-f]{64}$/.test(keyMaterialId)) throw new Error("a key material ID is 64 lowercase hex digits");
  const out = new Uint8Array(MAGIC.length + 1 + arn.length + MATERIAL_ID_BYTES);
  out.set(MAGIC, 0);
  out[MAGIC.length] = arn.length;
  out.set(arn, MAGIC.length + 1);
  for (let i = 0; i < MATERIAL_ID_BYTES; i++) {
    out[MAGIC.length + 1 + arn.length + i] = Number.parseInt(keyMaterialId.slice(i * 2, i * 2 + 2), 16);
  }
  return out;
}

function concat(...parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

async function importKey(secret: Uint8Array, usage: "encrypt" | "decrypt") {
  return crypto.subtle.importKey("raw", concat(secret), { name: "AES-GCM" }, false, [usage]);
}

/** Encrypts `plaintext` under one key material, binding the encryption context; answers the whole blob. */
export async function sealCiphertext(options: {
  readonly keyArn: string;
  readonly keyMaterialId: string;
  readonly secret: Uint8Array;
  readonly plaintext: Uint8Array;
  readonly encryptionContext?: Readonly<Record<string, string>> | undefined;
  readonly ids: Pick<IdSource, "randomBytes">;
}): Promise<Uint8Array> {
  const prefix = header(options.keyArn, options.keyMaterialId);
  const nonce = concat(options.ids.randomBytes(NONCE_BYTES));
  const key = await importKey(options.secret, "encrypt");
  const additionalData = concat(prefix, canonicalEncryptionContext(options.encryptionContext));
  const sealed = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv: nonce, additionalData },
    key,
    concat(options.plaintext),
  );
  return concat(prefix, nonce, new Uint8Array(sealed));
}

/** Decrypts a parsed blob with its material's secret; `undefined` when the tag does not verify. */
export async function openCiphertext(
  parsed: ParsedCiphertext,
  secret: Uint8Array,
  encryptionContext: Readonly<Record<string, string>> | undefined,
): Promise<Uint8Array | undefined> {
  const key = await importKey(secret, "decrypt");
  const additionalData = concat(parsed.aadPrefix, canonicalEncryptionContext(encryptionContext));
  try {
    const plain = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: concat(parsed.nonce), additionalData },
      key,
      concat(parsed.sealed),
    );
    return new Uint8Array(plain);
  } catch {
    return undefined;
  }
}

/** The type of a parsed ciphertext, for handlers. */
export type { ParsedCiphertext };
