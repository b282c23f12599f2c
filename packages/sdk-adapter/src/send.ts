import { type KMSClient, KMSServiceException } from "@aws-sdk/client-kms";
import type { OperationName } from "@keypolicy/core";
import type { OperationInput, OperationOutput } from "./commands.js";
import { type SafeSendError, safeSend } from "./safe-send.js";

/** A thrown error with the {@link SafeSendError} it was read as (its `name` and `message`) on `kmsError`. */
export type WithKmsError<E> = E & { readonly kmsError: Pick<SafeSendError, "name" | "message"> };

/**
 * Like {@link safeSend}, but throws as the SDK does: the SDK's own exception for AWS errors (`instanceof
 * NotFoundException` works), the network error for failed connections, each with the error as data on `kmsError`.
 * Inputs refused before sending throw a `KMSServiceException` named after the AWS error (`ValidationException`,
 * `NotFoundException`), with `$fault` and empty `$metadata`.
 *
 * @returns the SDK's output for `operation`.
 * @throws {@link WithKmsError} of the SDK's exception, the network error, or a `KMSServiceException`.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_Operations.html
 */
export async function send<O extends OperationName>(
  client: KMSClient,
  operation: O,
  input: OperationInput<O>,
): Promise<OperationOutput<O>> {
  const result = await safeSend(client, operation, input);
  if (result.success) return result.data;
  throw toThrown(result.error);
}

/** The value {@link send} throws for `error`: its cause (or a `KMSServiceException`), with `kmsError` set. */
export function toThrown(error: SafeSendError): unknown {
  const kmsError = { name: error.name, message: error.message };
  const thrown =
    error.kind === "local"
      ? new KMSServiceException({ name: error.name, $fault: error.fault, $metadata: {}, message: error.message })
      : error.cause;
  if (
    typeof thrown === "object" &&
    thrown !== null &&
    Object.isExtensible(thrown) &&
    !Object.hasOwn(thrown, "kmsError")
  ) {
    Object.defineProperty(thrown, "kmsError", { value: kmsError, enumerable: false });
  }
  return thrown;
}
