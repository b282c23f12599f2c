import { createKmsError, type KmsError } from "./errors.js";
import { messages } from "./messages.js";
import { err, ok, type Result } from "./result.js";

/**
 * The awsJson1_1 protocol rules KMS speaks: `POST /`, `X-Amz-Target: TrentService.<Operation>`,
 * `Content-Type: application/x-amz-json-1.1`, a JSON body, SigV4 signing name `kms`.
 *
 * @see KMS-FIDELITY.md §1 ([DOC] botocore kms/2014-11-01/service-2.json metadata)
 */
export const TARGET_PREFIX = "TrentService";
/** The content type of every request and response body. */
export const CONTENT_TYPE = "application/x-amz-json-1.1";
/** The SigV4 signing name (service) of KMS. */
export const SIGNING_NAME = "kms";
/** The header that names the operation. */
export const TARGET_HEADER = "x-amz-target";
/** The response header every KMS answer carries (a UUID). */
export const REQUEST_ID_HEADER = "x-amzn-RequestId";

/**
 * Whether a request's Content-Type selects the JSON protocol: `application/x-amz-json-1.1` as the SDKs send [DOC],
 * also `-1.0` and plain `application/json` [DEC: accepted for hand-written requests], parameters such as `charset`
 * ignored and the type compared case-insensitively. [DEC] Anything else (or none) is answered
 * `UnknownOperationException`, as AWS's front end picks the protocol by content type and finds no JSON operation there.
 */
export function isJsonContentType(header: string | null | undefined): boolean {
  const type = header?.split(";")[0]?.trim().toLowerCase();
  return type === CONTENT_TYPE || type === "application/x-amz-json-1.0" || type === "application/json";
}

/**
 * Reads the operation name out of an `X-Amz-Target` header value.
 *
 * @returns the operation name (`"GetKeyPolicy"`), or `UnknownOperationException` with no message when the header is
 *   missing, has another prefix, or names nothing ([RPT] §1: the wire body is `{"__type":"UnknownOperationException"}`).
 *   Whether the name is an operation the caller implements is the caller's decision.
 */
export function parseTarget(target: string | null | undefined): Result<string> {
  if (target) {
    const dot = target.indexOf(".");
    if (dot > 0 && target.slice(0, dot) === TARGET_PREFIX && dot < target.length - 1) {
      return ok(target.slice(dot + 1));
    }
  }
  return err(createKmsError("UnknownOperationException"));
}

/** Formats an `X-Amz-Target` header value for an operation. Inverse of {@link parseTarget}. */
export function formatTarget(operation: string): string {
  return `${TARGET_PREFIX}.${operation}`;
}

/**
 * Decodes a request body into a JSON object.
 *
 * An empty body counts as `{}` (so a missing required member is a ValidationException, not a parse error).
 * Unparseable JSON, or JSON that is not an object, is a `SerializationException` [DEC §1: AWS's text is not
 * recorded; peers answer an HTML 500 here, which breaks clients].
 */
export function decodeRequestBody(body: string): Result<Record<string, unknown>> {
  if (body.trim() === "") return ok({});
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return err(createKmsError("SerializationException", messages.bodyNotJson()));
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    // [DEC] Coral's text for a body that is JSON but not a structure.
    return err(createKmsError("SerializationException", messages.bodyNotStructure()));
  }
  return ok(value as Record<string, unknown>);
}

/**
 * Encodes an error as AWS sends it: `{"__type":"<Name>","message":"<text>"}`, with `message` left out when empty
 * ([REC] §1: `{"__type":"InvalidCiphertextException"}`).
 */
export function encodeErrorBody(error: KmsError): string {
  return error.message === ""
    ? `{"__type":${JSON.stringify(error.name)}}`
    : `{"__type":${JSON.stringify(error.name)},"message":${JSON.stringify(error.message)}}`;
}

/**
 * Decodes an AWS JSON error body liberally, as the SDKs do: `__type` may be `Name` or `com.amazonaws.kms#Name`
 * (or carry a `:`-suffix), the text may be `message` or `Message`.
 *
 * @returns `{ name, message }` with the bare name, or `undefined` when the body is not an AWS error body.
 */
export function decodeErrorBody(body: string): { name: string; message: string } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const type = record["__type"] ?? record["code"];
  if (typeof type !== "string") return undefined;
  const name = (type.split("#").pop() ?? type).split(":")[0] ?? type;
  const message = record["message"] ?? record["Message"];
  return { name, message: typeof message === "string" ? message : "" };
}
