import { base64ToBytes, bytesToBase64 } from "@keypolicy/core";
import type { KeyPatch, KeyStore, StoredKey } from "../../store/types.js";
import type { IdSource } from "../deps.js";

/** Bytes of a key material secret: 256 bits, for AES-256-GCM [DOC: KMS symmetric keys are 256-bit AES-GCM keys]. */
export const KEY_MATERIAL_BYTES = 32;

/**
 * A new key material: its ID and the key's secrets map with the new secret added (`secrets` are the key's old ones).
 * Every place that gives a key material draws it here: CreateKey and seeds, AWS managed keys, rotations.
 */
export function drawKeyMaterial(
  ids: Pick<IdSource, "keyMaterialId" | "randomBytes">,
  secrets: Readonly<Record<string, string>> = {},
): {
  readonly currentKeyMaterialId: string;
  readonly keyMaterialId: string;
  readonly keyMaterialSecrets: Readonly<Record<string, string>>;
} {
  const keyMaterialId = ids.keyMaterialId();
  const secret = bytesToBase64(ids.randomBytes(KEY_MATERIAL_BYTES));
  return {
    currentKeyMaterialId: keyMaterialId,
    keyMaterialId,
    keyMaterialSecrets: { ...secrets, [keyMaterialId]: secret },
  };
}

/** The secret of one key material of `key`, or `undefined` when the key holds none for that ID. */
export function secretOf(key: StoredKey, keyMaterialId: string): Uint8Array | undefined {
  const text = key.keyMaterialSecrets?.[keyMaterialId];
  if (text === undefined) return undefined;
  const bytes = base64ToBytes(text);
  return bytes?.length === KEY_MATERIAL_BYTES ? bytes : undefined;
}

/**
 * The key's current material ID and secret for encrypting. A key stored before secrets existed (schema 4 or earlier)
 * gets a secret for its current material now, stored before it is used (for a replica, on the primary's copy too is
 * not needed: replicas read the primary's materials). [DEC] Two first uses at once may each store one; the later
 * write wins and a ciphertext made with the other would not decrypt: only keys from before schema 5 can meet this.
 *
 * @returns `undefined` for a key with no KMS-made material (HMAC, asymmetric, pending import).
 */
export async function currentSecret(
  store: KeyStore,
  ids: Pick<IdSource, "randomBytes">,
  key: StoredKey,
): Promise<{ readonly keyMaterialId: string; readonly secret: Uint8Array } | undefined> {
  const keyMaterialId = key.currentKeyMaterialId;
  if (keyMaterialId === undefined) return undefined;
  const existing = secretOf(key, keyMaterialId);
  if (existing !== undefined) return { keyMaterialId, secret: existing };
  const secret = ids.randomBytes(KEY_MATERIAL_BYTES);
  const patch: KeyPatch = { keyMaterialSecrets: { ...key.keyMaterialSecrets, [keyMaterialId]: bytesToBase64(secret) } };
  await store.updateKey(key, key.keyId, patch);
  return { keyMaterialId, secret };
}
