import { ok, type ReEncryptRequest, type ReEncryptResponse, type Result } from "@keypolicy/core";
import { authorizeKeyAction } from "../auth/authorize.js";
import { checkAlgorithm, decryptBlob, dryRunAnswer, encryptUnder, findEncryptingKey } from "../crypto/symmetric.js";
import type { OperationContext } from "../deps.js";

/**
 * ReEncrypt: decrypts the blob as Decrypt does (`SourceKeyId`, `SourceEncryptionContext`; authorized as
 * `kms:ReEncryptFrom` on the source key), then encrypts the plaintext under `DestinationKeyId` with
 * `DestinationEncryptionContext` (`kms:ReEncryptTo` on the destination key), the plaintext never leaving. Answers
 * the new blob, `SourceKeyId` and `KeyId` (ARNs) and both algorithms ([REC] LocalStack snapshot `test_re_encrypt`).
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ReEncrypt.html
 */
export async function reEncrypt(ctx: OperationContext, input: ReEncryptRequest): Promise<Result<ReEncryptResponse>> {
  const source = await decryptBlob(ctx, "ReEncrypt", {
    blob: input.CiphertextBlob,
    keyId: input.SourceKeyId,
    encryptionContext: input.SourceEncryptionContext,
    algorithm: input.SourceEncryptionAlgorithm,
  });
  if (!source.success) return source;
  const parameters = {
    EncryptionContext: input.DestinationEncryptionContext,
    EncryptionAlgorithm: input.DestinationEncryptionAlgorithm,
  };
  const destination = await findEncryptingKey(ctx, "ReEncrypt", input.DestinationKeyId, parameters, "kms:ReEncryptTo");
  if (!destination.success) return destination;
  const allowed = await authorizeKeyAction(ctx, "ReEncrypt", "kms:ReEncryptTo", destination.data, parameters);
  if (!allowed.success) return allowed;
  const algorithm = checkAlgorithm(destination.data, input.DestinationEncryptionAlgorithm);
  if (!algorithm.success) return algorithm;
  const dryRun = dryRunAnswer(input.DryRun);
  if (!dryRun.success) return dryRun;
  const sealed = await encryptUnder(ctx, destination.data, source.data.plaintext, input.DestinationEncryptionContext);
  if (!sealed.success) return sealed;
  return ok({
    CiphertextBlob: sealed.data.blob,
    SourceKeyId: source.data.found.arn,
    KeyId: destination.data.arn,
    SourceEncryptionAlgorithm: "SYMMETRIC_DEFAULT",
    DestinationEncryptionAlgorithm: "SYMMETRIC_DEFAULT",
  });
}
