import { fromSdkError, type SafeSendError } from "@keypolicy/sdk-adapter";
import { EXIT_CODES } from "../exit-codes.js";
import type { CommandDone } from "../io.js";
import { CONFIG_MESSAGES, cliError } from "./settings.js";

/**
 * The AWS CLI's report of an error the service sent (or that was found locally for the same reason):
 * `\nAn error occurred (<Name>) when calling the <Operation> operation: <message>\n`, exit 254; when the SDK retried
 * until it gave up, ` (reached max retries: N)` follows the operation name [DOC botocore `ClientError` template;
 * REC format AWS CLI v2.9.19].
 */
export function serviceError(operation: string, name: string, message: string, retries = 0): CommandDone {
  const retryInfo = retries > 0 ? ` (reached max retries: ${retries})` : "";
  return cliError(
    EXIT_CODES.service,
    `An error occurred (${name}) when calling the ${operation} operation${retryInfo}: ${message}`,
  );
}

/**
 * Reports a failed call as the AWS CLI would, from the adapter's reading of it (`safeSend`, `fromSdkError`):
 * - an error KMS sent (`service`), or the same error found before sending (`local`) → exit 254; when the SDK retried
 *   until it gave up, the retries are named;
 * - no credentials from the provider chain → exit 253 with the AWS CLI's text;
 * - `--cli-connect-timeout` / `--cli-read-timeout` exceeded (after the retries) → exit 255
 *   `Connect timeout on endpoint URL: "<url>"` / `Read timeout on endpoint URL: "<url>"` [REC botocore
 *   `ConnectTimeoutError`, `ReadTimeoutError` texts; exit 255 as any botocore error, AWS CLI v2 `errorhandler.py`];
 * - a socket or DNS failure → exit 255 `Could not connect to the endpoint URL: "<url>"` [REC AWS CLI v2.9.19];
 * - anything else → exit 255 with its message.
 *
 * An error KMS sent without a message prints an empty one, as the AWS CLI does [REC AWS CLI v2.9.19: `…operation: `
 * for MalformedPolicyDocumentException]: `fromSdkError` reads the SDK's `UnknownError` filler as `""`.
 *
 * @param endpointUrl the URL shown for connection errors (the request URL, e.g. `http://127.0.0.1:4566/`).
 */
export function reportSendError(operation: string, error: SafeSendError, endpointUrl: string): CommandDone {
  switch (error.kind) {
    case "local":
      return serviceError(operation, error.name, error.message);
    case "service":
      return serviceError(operation, error.name, error.message, error.attempts - 1);
    case "no-credentials":
      return cliError(EXIT_CODES.configuration, CONFIG_MESSAGES.noCredentials);
    case "connect-timeout":
      return cliError(EXIT_CODES.other, `Connect timeout on endpoint URL: "${endpointUrl}"`);
    case "read-timeout":
      return cliError(EXIT_CODES.other, `Read timeout on endpoint URL: "${endpointUrl}"`);
    case "unreachable":
      return cliError(EXIT_CODES.other, `Could not connect to the endpoint URL: "${endpointUrl}"`);
    case "other":
      return cliError(EXIT_CODES.other, error.message);
  }
}

/** Reports whatever `client.send` (or a command around it) threw, as {@link reportSendError} does. */
export function sendError(operation: string, cause: unknown, endpointUrl: string): CommandDone {
  return reportSendError(operation, fromSdkError(cause), endpointUrl);
}
