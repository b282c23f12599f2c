import {
  bytesToBase64,
  createKmsError,
  err,
  type KmsErrorName,
  messages,
  ok,
  OPERATIONS,
  type Result,
} from "@keypolicy/core";
import type { ConditionKeyParameters } from "@keypolicy/policy";
import type { OperationContext } from "../deps.js";
import { checkKeyState, type FoundKey, findKey } from "../keys.js";
import { currentSecret, secretOf } from "./key-material.js";
import { openCiphertext, parseCiphertext, sealCiphertext } from "./ciphertext-format.js";

/** The operations of the symmetric data plane that act on a key. */
export type SymmetricOperation =
  | "Encrypt"
  | "Decrypt"
  | "ReEncrypt"
  | "GenerateDataKey"
  | "GenerateDataKeyWithoutPlaintext";

const fail = (name: KmsErrorName, message = "") => err(createKmsError(name, message));

/**
 * `EncryptionAlgorithm` of a symmetric operation: absent or `SYMMETRIC_DEFAULT`. [DEC] Another algorithm on a
 * symmetric key is InvalidKeyUsageException `Algorithm <alg> is incompatible with key spec SYMMETRIC_DEFAULT.`, the
 * text KMS gives for a MAC algorithm that does not fit an HMAC key [REC test_invalid_generate_mac].
 */
export function checkAlgorithm(found: FoundKey, algorithm: string | undefined): Result<undefined> {
  if (algorithm === undefined || algorithm === "SYMMETRIC_DEFAULT") return ok(undefined);
  return fail("InvalidKeyUsageException", messages.encryptionAlgorithmUnsupported(algorithm, found.key.keySpec));
}

/**
 * Whether the key can do a symmetric operation: key usage ENCRYPT_DECRYPT ([REC] `<arn> key usage is SIGN_VERIFY
 * which is not valid for Encrypt.`), then key spec SYMMETRIC_DEFAULT ([DEC] asymmetric encryption keys come with the
 * next issue; until then InvalidKeyUsageException with the algorithm text above).
 */
export function checkSymmetricKey(found: FoundKey, operation: SymmetricOperation): Result<undefined> {
  const { key, arn } = found;
  if (key.keyUsage !== "ENCRYPT_DECRYPT")
    return fail("InvalidKeyUsageException", messages.invalidKeyUsage(arn, key.keyUsage, operation));
  if (key.keySpec !== "SYMMETRIC_DEFAULT")
    return fail("InvalidKeyUsageException", messages.encryptionAlgorithmUnsupported("SYMMETRIC_DEFAULT", key.keySpec));
  return ok(undefined);
}

/** DryRunOperationException once every check has passed [REC text; DOC API reference `DryRun`]. */
export function dryRunAnswer(dryRun: boolean | undefined): Result<undefined> {
  return dryRun === true ? fail("DryRunOperationException", messages.dryRun()) : ok(undefined);
}

/**
 * Finds, authorizes and checks the key of an operation that encrypts (Encrypt, GenerateDataKey…, ReEncrypt's
 * destination with `action` `kms:ReEncryptTo`): identifier, authorization with the encryption context's condition
 * keys, key state (Enabled), key usage and spec.
 */
export async function findEncryptingKey(
  ctx: OperationContext,
  operation: SymmetricOperation,
  keyId: string,
  parameters: ConditionKeyParameters,
  action: string = OPERATIONS[operation].action,
): Promise<Result<FoundKey>> {
  const found = await findKey(ctx, keyId, OPERATIONS[operation].keyIdentifiers, action, {
    parameters,
    ...(action === OPERATIONS[operation].action ? {} : { authorize: false as const }),
  });
  if (!found.success) return found;
  const state = checkKeyState(found.data, OPERATIONS[operation].keyStates);
  if (!state.success) return state;
  const usage = checkSymmetricKey(found.data, operation);
  if (!usage.success) return usage;
  return found;
}

/** Encrypts `plaintext` under the key's current material; answers the blob as base64 and the material used. */
export async function encryptUnder(
  ctx: OperationContext,
  found: FoundKey,
  plaintext: Uint8Array,
  encryptionContext: Readonly<Record<string, string>> | undefined,
): Promise<Result<{ readonly blob: string; readonly keyMaterialId: string }>> {
  const material = await currentSecret(ctx.store, ctx.ids, found.key);
  // A symmetric AWS_KMS key always has material; one without (a key pending import never gets this far) is a fault.
  if (material === undefined) return fail("KMSInternalException", "The key has no key material.");
  const blob = await sealCiphertext({
    keyArn: found.arn,
    keyMaterialId: material.keyMaterialId,
    secret: material.secret,
    plaintext,
    encryptionContext,
    ids: ctx.ids,
  });
  return ok({ blob: bytesToBase64(blob), keyMaterialId: material.keyMaterialId });
}

/** What a decrypted blob gave: the key that decrypted it, the material and the plaintext. */
export interface Decrypted {
  readonly found: FoundKey;
  readonly keyMaterialId: string;
  readonly plaintext: Uint8Array;
}

/**
 * Decrypts a ciphertext blob for Decrypt, or for ReEncrypt's source (`operation` ReEncrypt: `kms:ReEncryptFrom`).
 * In order:
 * - a blob this emulator did not make, or whose key cannot be found from it: InvalidCiphertextException with no
 *   message [REC `decrypt_response_with_invalid_ciphertext`];
 * - `keyId` given: it is resolved as usual (its own NotFoundException etc.), and must name the blob's key, else
 *   IncorrectKeyException [REC `decrypt-invalid-key-id`, `incorrect-source-key`];
 * - the key found from the blob: the blob's ARN; in another Region, a multi-Region key's copy in the caller's Region
 *   (they share material [DOC]), else InvalidCiphertextException [DEC];
 * - authorization (with the encryption context's condition keys), key state, usage, algorithm, DryRun;
 * - the material's secret and the GCM tag over header and encryption context: any change, or another context,
 *   InvalidCiphertextException [REC `decrypt_response_without_encryption_context`].
 */
export async function decryptBlob(
  ctx: OperationContext,
  operation: "Decrypt" | "ReEncrypt",
  request: {
    readonly blob: Uint8Array;
    readonly keyId: string | undefined;
    readonly encryptionContext: Readonly<Record<string, string>> | undefined;
    readonly algorithm: string | undefined;
    readonly dryRun?: boolean | undefined;
  },
): Promise<Result<Decrypted>> {
  const spec = OPERATIONS[operation];
  const parameters: ConditionKeyParameters = {
    EncryptionContext: request.encryptionContext,
    EncryptionAlgorithm: request.algorithm,
  };
  // A KeyId given is resolved and authorized first, as for any operation on a key; then the blob is read.
  const named =
    request.keyId === undefined
      ? undefined
      : await findKey(ctx, request.keyId, spec.keyIdentifiers, spec.action, { parameters });
  if (named !== undefined && !named.success) return named;
  const parsed = parseCiphertext(request.blob);
  if (parsed === undefined) return fail("InvalidCiphertextException");
  const blobKey = keyArnInCallerRegion(ctx, parsed.keyArn);
  if (blobKey === undefined) return fail("InvalidCiphertextException");
  let found: Result<FoundKey>;
  if (named !== undefined) {
    if (named.data.arn !== blobKey) return fail("IncorrectKeyException", messages.incorrectKey());
    found = named;
  } else {
    found = await findKey(ctx, blobKey, { aliases: false, crossAccount: true }, spec.action, { parameters });
    if (!found.success && found.error.name === "NotFoundException") return fail("InvalidCiphertextException");
    if (!found.success) return found;
  }
  const state = checkKeyState(found.data, spec.keyStates);
  if (!state.success) return state;
  if (found.data.key.keyUsage !== "ENCRYPT_DECRYPT" || found.data.key.keySpec !== "SYMMETRIC_DEFAULT")
    return fail("IncorrectKeyException", messages.incorrectKey());
  const algorithm = checkAlgorithm(found.data, request.algorithm);
  if (!algorithm.success) return algorithm;
  const dryRun = dryRunAnswer(request.dryRun);
  if (!dryRun.success) return dryRun;
  const secret = secretOf(found.data.key, parsed.keyMaterialId);
  if (secret === undefined) return fail("InvalidCiphertextException");
  const plaintext = await openCiphertext(parsed, secret, request.encryptionContext);
  if (plaintext === undefined) return fail("InvalidCiphertextException");
  return ok({ found: found.data, keyMaterialId: parsed.keyMaterialId, plaintext });
}

/**
 * The ARN under which the caller's Region holds the blob's key: the blob's own ARN in its Region; for a multi-Region
 * key (`mrk-…`) the ARN of its copy in the caller's Region; `undefined` for a single-Region key of another Region.
 */
function keyArnInCallerRegion(ctx: OperationContext, keyArn: string): string | undefined {
  const [, partition, , region, accountId, resource] = keyArn.split(":");
  if (region === ctx.caller.region) return keyArn;
  const keyId = resource?.slice("key/".length) ?? "";
  if (!keyId.startsWith("mrk-")) return undefined;
  return `arn:${partition}:kms:${ctx.caller.region}:${accountId}:key/${keyId}`;
}
