import type { KMSClient } from "@aws-sdk/client-kms";
import {
  err,
  errorStatus,
  type KmsError,
  KMS_ERRORS,
  ok,
  type OperationName,
  OPERATIONS,
  type Result,
  validateRequest,
} from "@keypolicy/core";
import { COMMANDS, type OperationInput, type OperationOutput, type SendableCommand } from "./commands.js";
import { fromSdkError, type SdkError } from "./from-sdk-error.js";
import { checkBeforeSending } from "./local-checks.js";

/** An input refused before anything was sent, with the error KMS would have answered. */
export interface LocalKmsError extends KmsError {
  readonly kind: "local";
  /** The HTTP status KMS answers this error with (400 for every client error). */
  readonly status: number;
  /** `client` or `server`, as core's error table says. */
  readonly fault: "client" | "server";
  /** True: refused here, no request was sent. */
  readonly local: true;
}

/**
 * Why {@link safeSend} failed, told apart by `kind`: `local` (refused before sending, see {@link LocalKmsError}),
 * `service` (KMS answered an error, see `SdkServiceError`), or why no answer came (`no-credentials`,
 * `connect-timeout`, `read-timeout`, `unreachable`, `other`: see `SdkTransportError`). Every kind has `name` and
 * `message`, as core's `KmsError`.
 */
export type SafeSendError = LocalKmsError | SdkError;

/**
 * Sends one KMS operation on the caller's client, the one way this package does it:
 * 1. validates `input` against the operation's model shape from core's `OPERATIONS`, exactly as KMS's front end does
 *    (`validateRequest`: the same ValidationException and SerializationException texts), and makes the checks KMS
 *    makes next without looking anything up (the key ID format on the policy operations: NotFoundException
 *    `Invalid keyId '…'`); a refusal is a `local` error and nothing is sent;
 * 2. sends the operation's @aws-sdk/client-kms command with the validated input (unknown members dropped);
 * 3. answers the SDK's output, or what it threw read by `fromSdkError`.
 *
 * Never throws for a refused input or an AWS error; a throw means a bug.
 *
 * @param operation an AWS operation name from core's `OPERATIONS` (`"PutKeyPolicy"`).
 * @param input the SDK's input shape for it (`PutKeyPolicyCommandInput`).
 * @returns the SDK's output (with `$metadata`), or a {@link SafeSendError}.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_Operations.html
 */
export async function safeSend<O extends OperationName>(
  client: KMSClient,
  operation: O,
  input: OperationInput<O>,
): Promise<Result<OperationOutput<O>, SafeSendError>> {
  const valid = validateRequest(OPERATIONS[operation].input, input);
  if (!valid.success) return err(localError(valid.error));
  const checked = checkBeforeSending(operation, valid.data);
  if (!checked.success) return err(localError(checked.error));
  // The validated request is the SDK's input with unknown members dropped: the shapes are AWS's on both sides.
  const Command = COMMANDS[operation] as unknown as SendableCommand;
  const command = new Command(checked.data);
  try {
    return ok((await client.send(command)) as OperationOutput<O>);
  } catch (cause) {
    return err(fromSdkError(cause));
  }
}

/** A {@link KmsError} found before sending, as a {@link LocalKmsError}. */
export function localError(error: KmsError): LocalKmsError {
  return { ...error, kind: "local", status: errorStatus(error.name), fault: KMS_ERRORS[error.name].fault, local: true };
}
