import {
  bytesToBase64,
  createKmsError,
  err,
  type GenerateDataKeyRequest,
  type GenerateDataKeyResponse,
  type GenerateDataKeyWithoutPlaintextRequest,
  type GenerateDataKeyWithoutPlaintextResponse,
  messages,
  ok,
  type Result,
} from "@keypolicy/core";
import { dryRunAnswer, encryptUnder, findEncryptingKey } from "../crypto/symmetric.js";
import type { OperationContext } from "../deps.js";

/** Bytes of a data key of each `KeySpec` [DOC API_GenerateDataKey]. */
const DATA_KEY_BYTES = { AES_128: 16, AES_256: 32 } as const;

/**
 * The length of the data key asked for: exactly one of `KeySpec` and `NumberOfBytes` [DOC "You must specify either
 * the KeySpec or the NumberOfBytes parameter (but not both)"]; neither or both is ValidationException [DEC text],
 * checked before the key is looked up.
 */
function dataKeyLength(input: GenerateDataKeyWithoutPlaintextRequest): Result<number> {
  if ((input.KeySpec === undefined) === (input.NumberOfBytes === undefined))
    return err(createKmsError("ValidationException", messages.dataKeySpecOrLength()));
  return ok(input.KeySpec === undefined ? (input.NumberOfBytes as number) : DATA_KEY_BYTES[input.KeySpec]);
}

async function makeDataKey(
  ctx: OperationContext,
  operation: "GenerateDataKey" | "GenerateDataKeyWithoutPlaintext",
  input: GenerateDataKeyWithoutPlaintextRequest,
): Promise<Result<{ readonly blob: string; readonly plaintext: Uint8Array; readonly keyArn: string }>> {
  const length = dataKeyLength(input);
  if (!length.success) return length;
  const found = await findEncryptingKey(ctx, operation, input.KeyId, { EncryptionContext: input.EncryptionContext });
  if (!found.success) return found;
  const dryRun = dryRunAnswer(input.DryRun);
  if (!dryRun.success) return dryRun;
  const plaintext = ctx.ids.randomBytes(length.data);
  const sealed = await encryptUnder(ctx, found.data, plaintext, input.EncryptionContext);
  if (!sealed.success) return sealed;
  return ok({ blob: sealed.data.blob, plaintext, keyArn: found.data.arn });
}

/**
 * GenerateDataKey: a random data key (`KeySpec` AES_128/AES_256, or `NumberOfBytes` 1–1024) in plaintext and
 * encrypted under the key, for envelope encryption: the blob decrypts to the same bytes with Decrypt. Answers
 * `CiphertextBlob`, `Plaintext` and `KeyId` (the key ARN) ([REC] LocalStack snapshot `generate-data-key-result`).
 * Errors as Encrypt, after the length check. A `Recipient` is UnsupportedOperationException [DEC].
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateDataKey.html
 */
export async function generateDataKey(
  ctx: OperationContext,
  input: GenerateDataKeyRequest,
): Promise<Result<GenerateDataKeyResponse>> {
  if (input.Recipient !== undefined)
    return err(createKmsError("UnsupportedOperationException", messages.recipientUnsupported()));
  const made = await makeDataKey(ctx, "GenerateDataKey", input);
  if (!made.success) return made;
  return ok({ CiphertextBlob: made.data.blob, Plaintext: bytesToBase64(made.data.plaintext), KeyId: made.data.keyArn });
}

/**
 * GenerateDataKeyWithoutPlaintext: as GenerateDataKey, answering only `CiphertextBlob` and `KeyId` ([REC]
 * `generate-data-key-without-plaintext`); Decrypt of the blob gives the data key.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateDataKeyWithoutPlaintext.html
 */
export async function generateDataKeyWithoutPlaintext(
  ctx: OperationContext,
  input: GenerateDataKeyWithoutPlaintextRequest,
): Promise<Result<GenerateDataKeyWithoutPlaintextResponse>> {
  const made = await makeDataKey(ctx, "GenerateDataKeyWithoutPlaintext", input);
  if (!made.success) return made;
  return ok({ CiphertextBlob: made.data.blob, KeyId: made.data.keyArn });
}
