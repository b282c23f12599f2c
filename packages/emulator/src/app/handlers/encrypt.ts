import { type EncryptRequest, type EncryptResponse, ok, type Result } from "@keypolicy/core";
import { checkAlgorithm, dryRunAnswer, encryptUnder, findEncryptingKey } from "../crypto/symmetric.js";
import type { OperationContext } from "../deps.js";

/**
 * Encrypt: up to 4096 bytes under a symmetric encryption key, the encryption context bound as authenticated data
 * (app/crypto/ciphertext-format.ts, a [DEC] format). Answers the blob, the key ARN and `SYMMETRIC_DEFAULT` ([REC]
 * LocalStack snapshot `kms-encrypt-initial-response`).
 *
 * Errors, in order: the key (NotFoundException …); authorization (`kms:Encrypt`, with `kms:EncryptionContext:<k>`,
 * `kms:EncryptionContextKeys`, `kms:EncryptionAlgorithm`); its state (DisabledException, KMSInvalidStateException);
 * key usage and spec (InvalidKeyUsageException); the algorithm; DryRunOperationException.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_Encrypt.html
 */
export async function encrypt(ctx: OperationContext, input: EncryptRequest): Promise<Result<EncryptResponse>> {
  const found = await findEncryptingKey(ctx, "Encrypt", input.KeyId, {
    EncryptionContext: input.EncryptionContext,
    EncryptionAlgorithm: input.EncryptionAlgorithm,
  });
  if (!found.success) return found;
  const algorithm = checkAlgorithm(found.data, input.EncryptionAlgorithm);
  if (!algorithm.success) return algorithm;
  const dryRun = dryRunAnswer(input.DryRun);
  if (!dryRun.success) return dryRun;
  const sealed = await encryptUnder(ctx, found.data, input.Plaintext, input.EncryptionContext);
  if (!sealed.success) return sealed;
  return ok({ CiphertextBlob: sealed.data.blob, KeyId: found.data.arn, EncryptionAlgorithm: "SYMMETRIC_DEFAULT" });
}
