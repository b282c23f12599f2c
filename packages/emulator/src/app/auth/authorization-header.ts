import { createKmsError, type KmsError, type Result, err, ok } from "@keypolicy/core";
import { authMessages } from "./messages.js";

/** The SigV4 algorithm this front end verifies. */
export const SIGV4_ALGORITHM = "AWS4-HMAC-SHA256";

/** The parts of a SigV4 `Authorization` header. */
export interface SigV4Authorization {
  readonly accessKeyId: string;
  /** `yyyymmdd` of the credential scope. */
  readonly scopeDate: string;
  readonly region: string;
  readonly service: string;
  /** Lowercase header names, in the order the header lists them. */
  readonly signedHeaders: readonly string[];
  /** The signature as sent (64 lowercase hex digits when well-formed). */
  readonly signature: string;
}

/**
 * Parses `AWS4-HMAC-SHA256 Credential=<key>/<yyyymmdd>/<region>/<service>/aws4_request, SignedHeaders=a;b,
 * Signature=<hex>` (parts separated by commas and/or whitespace, in any order, as AWS's front end splits them: a space
 * inside `Credential=<key> /<date>/…` makes `/<date>/…` a part of its own [RPT
 * awslabs/fhir-works-on-aws-deployment#379, iann0036/cloud9-sync#10]).
 *
 * Two `Authorization` header lines reach the app joined by `, ` (Fetch and `@hono/node-server` both join them), so
 * the second line's `AWS4-HMAC-SHA256` is a part without `=`: refused as AWS refuses a doubled header, `'AWS4-HMAC-SHA256'
 * not a valid key=value pair (missing equal-sign) in Authorization header: '…'.` [RPT envoyproxy/envoy#23702].
 *
 * @returns the parts, or `IncompleteSignatureException` naming what is wrong: another algorithm, a part without `=`,
 *   a missing `Credential`/`SignedHeaders`/`Signature`, or a credential scope that is not five `/`-separated elements
 *   ending in `aws4_request` (texts in {@link authMessages}, KMS-FIDELITY.md §9).
 */
export function parseAuthorizationHeader(header: string): Result<SigV4Authorization, KmsError> {
  const incomplete = (message: string) => err(createKmsError("IncompleteSignatureException", message));
  const space = header.indexOf(" ");
  if (space < 0 || header.slice(0, space) !== SIGV4_ALGORITHM)
    return incomplete(authMessages.unsupportedAlgorithm(header));
  const parts = new Map<string, string>();
  for (const part of header.slice(space + 1).split(/[\s,]+/)) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    if (eq < 0) return incomplete(authMessages.notKeyValuePair(part, header));
    // First occurrence wins; the names are fixed, so a Map cannot be polluted by `__proto__`.
    const name = part.slice(0, eq);
    if (!parts.has(name)) parts.set(name, part.slice(eq + 1));
  }
  const credential = parts.get("Credential");
  const signedHeaders = parts.get("SignedHeaders");
  const signature = parts.get("Signature");
  const missing: string[] = [];
  if (credential === undefined) missing.push("'Credential' parameter");
  if (signature === undefined) missing.push("'Signature' parameter");
  if (signedHeaders === undefined) missing.push("'SignedHeaders' parameter");
  if (credential === undefined || signature === undefined || signedHeaders === undefined) {
    return incomplete(authMessages.incompleteSignature(missing, header));
  }
  const scope = credential.split("/");
  const [accessKeyId, scopeDate, region, service, terminator] = scope;
  if (
    scope.length !== 5 ||
    !accessKeyId ||
    !scopeDate ||
    !/^\d{8}$/.test(scopeDate) ||
    !region ||
    !service ||
    terminator !== "aws4_request"
  ) {
    return incomplete(authMessages.malformedCredential(credential));
  }
  const names = signedHeaders.split(";");
  if (names.some((name) => name === ""))
    return incomplete(authMessages.incompleteSignature(["'SignedHeaders' parameter"], header));
  return ok({ accessKeyId, scopeDate, region, service, signedHeaders: names, signature });
}
