import type { KmsErrorName } from "@keypolicy/core";

/**
 * What the SDK writes into an exception's `message` when the error body carries none (or an empty one): the body's
 * `message ?? Message ?? "UnknownError"`, then `exception.message || exception.Message || "UnknownError"` [REC
 * @aws-sdk/core 3.981 `AwsJsonRpcProtocol.handleError`, @smithy/core 3.41 `decorateServiceException`].
 */
export const SDK_NO_MESSAGE = "UnknownError";

/** An error name as AWS sent it: one of core's {@link KmsErrorName}s, or any other name, verbatim. */
export type AwsErrorName = KmsErrorName | (string & {});

/**
 * An error the service answered, read from the SDK's exception: core's `KmsError` shape (`name`, `message`) plus the
 * HTTP status and what the SDK knew about the call.
 */
export interface SdkServiceError {
  readonly kind: "service";
  /**
   * The AWS error name (`__type` without its namespace), verbatim. A name core's table does not know (an error of an
   * operation outside the key-policy surface, or one AWS added later) is kept, never replaced: check it with core's
   * `isKmsErrorName`.
   */
  readonly name: AwsErrorName;
  /**
   * The message as AWS sent it; `""` when AWS sent none. KMS leaves an empty message out of the body (core's
   * `KmsError`), and the SDK fills in {@link SDK_NO_MESSAGE} for both, so an absent, an empty and (a text KMS does not
   * send) a literal `"UnknownError"` message all read as `""`, which is what the AWS CLI prints [REC AWS CLI v2.9.19
   * `…operation: ` for MalformedPolicyDocumentException].
   */
  readonly message: string;
  /** The HTTP status of the answer (`$metadata.httpStatusCode`): 400 for every KMS client error, 500/503 faults. */
  readonly status: number;
  /** `$fault`: whether AWS blames the request (`client`) or itself (`server`). */
  readonly fault: "client" | "server";
  /** How many requests the SDK sent before giving up (`$metadata.attempts`, 1 when it did not retry). */
  readonly attempts: number;
  /** `x-amzn-RequestId` of the last answer, when there was one. */
  readonly requestId?: string;
  /** False: the service answered. */
  readonly local: false;
  /** The SDK's exception (a `KMSServiceException` subclass: `instanceof NotFoundException` works on it). */
  readonly cause: unknown;
}

/**
 * A call that got no answer from the service:
 * - `no-credentials`: the credential provider chain found none (`CredentialsProviderError`);
 * - `connect-timeout` / `read-timeout`: the HTTP handler's own connection or socket timeout ran out;
 * - `unreachable`: a socket or DNS failure (`ECONNREFUSED`, `ENOTFOUND`, …, anywhere in the `cause` chain) or another
 *   timeout;
 * - `other`: anything else the SDK threw (a response it could not parse, a bug).
 */
export interface SdkTransportError {
  readonly kind: "no-credentials" | "connect-timeout" | "read-timeout" | "unreachable" | "other";
  /** The thrown error's `name` (`TimeoutError`, `Error`, …); `Error` for a thrown non-error. */
  readonly name: string;
  /** The thrown error's `message`; the thrown value as text for a non-error. */
  readonly message: string;
  /** `server`, as before this type had a `kind`: no service blamed anyone. */
  readonly fault: "server";
  /** False: something was (or would have been) sent. */
  readonly local: false;
  /** What the SDK threw. */
  readonly cause: unknown;
}

/** What {@link fromSdkError} reads from anything `KMSClient.send` throws. */
export type SdkError = SdkServiceError | SdkTransportError;

/** Error codes of Node's sockets and DNS meaning "the endpoint could not be reached". */
const CONNECTION_ERROR_CODES: ReadonlySet<string> = new Set([
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

/** How deep {@link fromSdkError} follows `cause` looking for a socket error. */
const MAX_CAUSE_DEPTH = 5;

interface ThrownShape {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly code?: unknown;
  readonly $fault?: unknown;
  readonly $metadata?: { readonly attempts?: unknown; readonly httpStatusCode?: unknown; readonly requestId?: unknown };
  readonly $response?: { readonly statusCode?: unknown; readonly reason?: unknown };
}

/**
 * Reads whatever `KMSClient.send` threw as data, the one way keypolicy does it (the SDK adapter, the CLI and the
 * contract suite all call this). Recognised by shape, never `instanceof` (duplicate SDK copies break it):
 * - an SDK service exception (`$fault` `client`/`server` and a numeric `$metadata.httpStatusCode`) is a
 *   {@link SdkServiceError}: the name verbatim, the message with the SDK's {@link SDK_NO_MESSAGE} read as `""`;
 * - an answer whose body names no error (not JSON, such as a proxy's HTML 502, or empty, such as a bare 404) is a
 *   service error named by its HTTP status (`"502"`) with the HTTP reason phrase as its message (`Bad Gateway`, `""`
 *   when the server sent none), as the AWS CLI prints it: `An error occurred (502) when calling …: Bad Gateway`
 *   [DOC botocore's parser: an error body without a code takes the status code and the reason];
 * - anything else is a {@link SdkTransportError} saying why no answer came (credentials, timeouts, connection).
 *
 * Pure: looks at the value only, never throws.
 *
 * @param cause what `send` threw (an SDK exception, a Node network error, anything).
 */
export function fromSdkError(cause: unknown): SdkError {
  const shape: ThrownShape = typeof cause === "object" && cause !== null ? cause : {};
  const name = typeof shape.name === "string" ? shape.name : "Error";
  const message = typeof shape.message === "string" ? shape.message : String(cause);
  const status = shape.$metadata?.httpStatusCode;
  if (typeof status === "number" && status >= 300 && isUnnamedAnswer(shape, name, message)) {
    const { attempts, requestId } = shape.$metadata ?? {};
    const reason = shape.$response?.reason;
    return {
      kind: "service",
      name: String(status),
      message: typeof reason === "string" ? reason : "",
      status,
      fault: status >= 500 ? "server" : "client",
      attempts: typeof attempts === "number" && attempts > 0 ? attempts : 1,
      ...(typeof requestId === "string" ? { requestId } : {}),
      local: false,
      cause,
    };
  }
  if ((shape.$fault === "client" || shape.$fault === "server") && typeof status === "number") {
    const { attempts, requestId } = shape.$metadata ?? {};
    return {
      kind: "service",
      name,
      message: message === SDK_NO_MESSAGE ? "" : message,
      status,
      fault: shape.$fault,
      attempts: typeof attempts === "number" && attempts > 0 ? attempts : 1,
      ...(typeof requestId === "string" ? { requestId } : {}),
      local: false,
      cause,
    };
  }
  return { kind: transportKind(name, message, shape, cause), name, message, fault: "server", local: false, cause };
}

/**
 * Whether the SDK got an HTTP answer whose body named no error: it could not parse it (a `SyntaxError` carrying the
 * raw `$response`), or it found no error name in it (`Unknown` with the SDK's filler message).
 */
function isUnnamedAnswer(shape: ThrownShape, name: string, message: string): boolean {
  if (typeof shape.$response?.statusCode !== "number") return false;
  return name === "SyntaxError" || (name === "Unknown" && message === SDK_NO_MESSAGE);
}

function transportKind(name: string, message: string, shape: ThrownShape, cause: unknown): SdkTransportError["kind"] {
  if (name === "CredentialsProviderError") return "no-credentials";
  // The handler's own timeouts have no code; the OS's ETIMEDOUT is a failed connection instead.
  if (name === "TimeoutError" && shape.code === undefined) {
    if (message.includes(CONNECT_TIMEOUT_TEXT)) return "connect-timeout";
    if (message.includes(READ_TIMEOUT_TEXT)) return "read-timeout";
  }
  return isConnectionError(cause) ? "unreachable" : "other";
}

function isConnectionError(cause: unknown): boolean {
  let current = cause;
  for (let depth = 0; typeof current === "object" && current !== null && depth < MAX_CAUSE_DEPTH; depth++) {
    const { code, name } = current as { code?: unknown; name?: unknown };
    if (typeof code === "string" && CONNECTION_ERROR_CODES.has(code)) return true;
    if (name === "TimeoutError") return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
