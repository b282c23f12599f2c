import { EXIT_CODES } from "../exit-codes.js";
import type { CommandDone } from "../io.js";
import { CONFIG_MESSAGES, cliError } from "./settings.js";

/** Error codes of Node's sockets and DNS meaning "the endpoint could not be reached". */
const CONNECTION_ERROR_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EPIPE",
]);

/**
 * How @smithy/node-http-handler words its own timeouts (its errors are all named `TimeoutError`, without a code that
 * tells them apart) [REC @smithy/node-http-handler 4.14 `set-connection-timeout.js`, `set-socket-timeout.js`].
 */
const CONNECT_TIMEOUT_TEXT = "did not establish a connection with the server within the configured timeout";
const READ_TIMEOUT_TEXT = "ms of inactivity";

/**
 * The AWS CLI's report of an error the service sent (or that was found locally for the same reason):
 * `\nAn error occurred (<Name>) when calling the <Operation> operation: <message>\n`, exit 254; when the SDK retried
 * until it gave up, ` (reached max retries: N)` follows the operation name [DOC botocore `ClientError` template;
 * REC format AWS CLI v2.9.19].
 */
export function serviceError(operation: string, name: string, message: string, retries = 0): CommandDone {
  const retryInfo = retries > 0 ? ` (reached max retries: ${retries})` : "";
  return cliError(EXIT_CODES.service, `An error occurred (${name}) when calling the ${operation} operation${retryInfo}: ${message}`);
}

/**
 * Reports whatever `client.send` threw, as the AWS CLI would:
 * - an AWS error response (an SDK service exception, recognised by its `$fault` and `$metadata`) → exit 254;
 * - no credentials from the provider chain → exit 253 with the AWS CLI's text;
 * - `--cli-connect-timeout` / `--cli-read-timeout` exceeded (after the retries) → exit 255
 *   `Connect timeout on endpoint URL: "<url>"` / `Read timeout on endpoint URL: "<url>"` [REC botocore
 *   `ConnectTimeoutError`, `ReadTimeoutError` texts; exit 255 as any botocore error, AWS CLI v2 `errorhandler.py`];
 * - a socket or DNS failure → exit 255 `Could not connect to the endpoint URL: "<url>"` [REC AWS CLI v2.9.19];
 * - anything else → exit 255 with its message.
 *
 * @param endpointUrl the URL shown for connection errors (the request URL, e.g. `http://127.0.0.1:4566/`).
 */
export function sendError(operation: string, cause: unknown, endpointUrl: string): CommandDone {
  const error = (typeof cause === "object" && cause !== null ? cause : {}) as {
    name?: unknown;
    message?: unknown;
    code?: unknown;
    $fault?: unknown;
    $metadata?: { attempts?: number; httpStatusCode?: number };
    cause?: unknown;
  };
  const name = typeof error.name === "string" ? error.name : "Error";
  const message = typeof error.message === "string" ? error.message : String(cause);
  if ((error.$fault === "client" || error.$fault === "server") && error.$metadata?.httpStatusCode !== undefined) {
    // The SDK fills in "UnknownError" when the error body has no message; the AWS CLI prints the empty message
    // [REC AWS CLI v2.9.19: `…operation: ` for MalformedPolicyDocumentException].
    const shown = message === "UnknownError" ? "" : message;
    return serviceError(operation, name, shown, Math.max(0, (error.$metadata.attempts ?? 1) - 1));
  }
  if (name === "CredentialsProviderError") return cliError(EXIT_CODES.configuration, CONFIG_MESSAGES.noCredentials);
  const timeout = timeoutKind(error);
  if (timeout === "connect") return cliError(EXIT_CODES.other, `Connect timeout on endpoint URL: "${endpointUrl}"`);
  if (timeout === "read") return cliError(EXIT_CODES.other, `Read timeout on endpoint URL: "${endpointUrl}"`);
  if (isConnectionError(error)) return cliError(EXIT_CODES.other, `Could not connect to the endpoint URL: "${endpointUrl}"`);
  return cliError(EXIT_CODES.other, message);
}

/** Which of the HTTP handler's own timeouts `error` is (not the OS's ETIMEDOUT, a failed connection). */
function timeoutKind(error: { name?: unknown; message?: unknown; code?: unknown }): "connect" | "read" | undefined {
  if (error.name !== "TimeoutError" || typeof error.message !== "string" || error.code !== undefined) return undefined;
  if (error.message.includes(CONNECT_TIMEOUT_TEXT)) return "connect";
  if (error.message.includes(READ_TIMEOUT_TEXT)) return "read";
  return undefined;
}

function isConnectionError(error: { name?: unknown; code?: unknown; cause?: unknown }): boolean {
  for (let current: unknown = error, depth = 0; typeof current === "object" && current !== null && depth < 5; depth++) {
    const { code, name } = current as { code?: unknown; name?: unknown };
    if (typeof code === "string" && CONNECTION_ERROR_CODES.has(code)) return true;
    if (name === "TimeoutError") return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
