import { errorStatus, type KmsError } from "./errors.js";
import { CONTENT_TYPE, encodeErrorBody, REQUEST_ID_HEADER } from "./protocol.js";

/**
 * A KMS answer as data, for any transport to send: a Web `Response` (`new Response(body, { status, headers })`), a
 * Node `ServerResponse`, or bytes on a raw socket. Header names are spelt as AWS sends them.
 */
export interface EncodedResponse {
  /** The HTTP status: 200, or the error's status (see {@link errorStatus}). */
  readonly status: number;
  /** `Content-Type: application/x-amz-json-1.1` and `x-amzn-RequestId`, on every answer. */
  readonly headers: { readonly "Content-Type": typeof CONTENT_TYPE; readonly "x-amzn-RequestId": string };
  /** The JSON body text (UTF-8 on the wire); empty for an operation without output members. */
  readonly body: string;
}

/**
 * Encodes a successful answer: 200, the output members as JSON, or an empty body when `output` is `undefined`.
 *
 * @param requestId - the `x-amzn-RequestId` of this answer (a UUID).
 * @see KMS-FIDELITY.md §1
 */
export function encodeResponse(output: unknown, requestId: string): EncodedResponse {
  return { status: 200, headers: responseHeaders(requestId), body: output === undefined ? "" : JSON.stringify(output) };
}

/**
 * Encodes an error answer as AWS sends it: the error's status (400 for every client error), and
 * `{"__type":"<Name>","message":"<text>"}` (see {@link encodeErrorBody}).
 *
 * @param requestId - the `x-amzn-RequestId` of this answer (a UUID).
 * @param status - an HTTP status other than the error's own, for a transport's answer such as 417 to an `Expect`.
 * @see KMS-FIDELITY.md §1
 */
export function encodeErrorResponse(
  error: KmsError,
  requestId: string,
  status = errorStatus(error.name),
): EncodedResponse {
  return { status, headers: responseHeaders(requestId), body: encodeErrorBody(error) };
}

function responseHeaders(requestId: string): EncodedResponse["headers"] {
  return { "Content-Type": CONTENT_TYPE, [REQUEST_ID_HEADER]: requestId };
}
