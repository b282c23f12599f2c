import {
  bytesToBase64,
  createKmsError,
  err,
  type GenerateRandomRequest,
  type GenerateRandomResponse,
  messages,
  ok,
  type Result,
} from "@keypolicy/core";
import { authorizeResource } from "../auth/authorize.js";
import type { OperationContext } from "../deps.js";

/**
 * GenerateRandom: `NumberOfBytes` (1–1024) bytes from the app's injected randomness. Without `NumberOfBytes`:
 * ValidationException `NumberOfBytes is required.` [REC]. Authorized by IAM policy alone (`kms:GenerateRandom` on
 * `*`). A `CustomKeyStoreId` is CustomKeyStoreNotFoundException [DEC: the emulator has no custom key stores]; a
 * `Recipient` UnsupportedOperationException [DEC].
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateRandom.html
 */
export async function generateRandom(
  ctx: OperationContext,
  input: GenerateRandomRequest,
): Promise<Result<GenerateRandomResponse>> {
  if (input.NumberOfBytes === undefined)
    return err(createKmsError("ValidationException", messages.numberOfBytesRequired()));
  const allowed = await authorizeResource(ctx, "GenerateRandom", { resource: "*" });
  if (!allowed.success) return allowed;
  if (input.CustomKeyStoreId !== undefined)
    return err(
      createKmsError("CustomKeyStoreNotFoundException", messages.customKeyStoreNotFound(input.CustomKeyStoreId)),
    );
  if (input.Recipient !== undefined)
    return err(createKmsError("UnsupportedOperationException", messages.recipientUnsupported()));
  return ok({ Plaintext: bytesToBase64(ctx.ids.randomBytes(input.NumberOfBytes)) });
}
