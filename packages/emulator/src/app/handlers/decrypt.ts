import {
  bytesToBase64,
  createKmsError,
  type DecryptRequest,
  type DecryptResponse,
  err,
  messages,
  ok,
  type Result,
} from "@keypolicy/core";
import { decryptBlob } from "../crypto/symmetric.js";
import type { OperationContext } from "../deps.js";

/**
 * Decrypt: finds the key from the blob (`KeyId`, when given, must name it), checks the encryption context, and
 * answers the key ARN, the plaintext, `SYMMETRIC_DEFAULT` and the `KeyMaterialId` that decrypted it ([REC] LocalStack
 * snapshot `decrypt_response_with_encryption_context`). Ciphertexts made before a rotation decrypt with their own
 * material. Errors: see `decryptBlob` (InvalidCiphertextException, IncorrectKeyException, the key's state and
 * authorization). A `Recipient` (Nitro Enclaves attestation) is UnsupportedOperationException [DEC].
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html
 */
export async function decrypt(ctx: OperationContext, input: DecryptRequest): Promise<Result<DecryptResponse>> {
  if (input.Recipient !== undefined)
    return err(createKmsError("UnsupportedOperationException", messages.recipientUnsupported()));
  const decrypted = await decryptBlob(ctx, "Decrypt", {
    blob: input.CiphertextBlob,
    keyId: input.KeyId,
    encryptionContext: input.EncryptionContext,
    algorithm: input.EncryptionAlgorithm,
    dryRun: input.DryRun,
  });
  if (!decrypted.success) return decrypted;
  return ok({
    KeyId: decrypted.data.found.arn,
    Plaintext: bytesToBase64(decrypted.data.plaintext),
    EncryptionAlgorithm: "SYMMETRIC_DEFAULT",
    KeyMaterialId: decrypted.data.keyMaterialId,
  });
}
