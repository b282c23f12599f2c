import { createKmsError, type KmsError, type Result, err, ok } from "@keypolicy/core";
// The SDK's own SHA-256: native node:crypto on Node, WebCrypto where the "browser" condition applies (workerd),
// chosen by @smithy/core's conditional exports, so this file stays free of Node APIs. It replaced a pure-JS hash,
// which made SigV4 verification cost about 4x more CPU per request.
import { Sha256 } from "@smithy/core/checksum";
import { escapeUriPath } from "@smithy/core/protocols";
import { SignatureV4 } from "@smithy/signature-v4";
import type { HttpRequest, QueryParameterBag } from "@smithy/types";
import { formatAmzDate, parseAmzDate } from "./amz-date.js";
import { parseAuthorizationHeader, type SigV4Authorization } from "./authorization-header.js";
import type { Identity } from "./identities.js";
import { authMessages } from "./messages.js";

/** A request as the server received it, before anything is decoded. */
export interface ReceivedRequest {
  /** `GET`, `POST`, … */
  readonly method: string;
  /** The path exactly as on the wire (percent-encoded, dot segments kept), without the query. */
  readonly path: string;
  /** The query string exactly as on the wire, without `?`; `""` when there is none. */
  readonly query: string;
  /** The header lines as received: names in any case; a name may occur more than once. */
  readonly headers: Iterable<readonly [string, string]>;
  /** The exact body bytes. */
  readonly body: Uint8Array;
}

/** What {@link verifySigV4} checks a request against. */
export interface SigV4Options {
  /** Finds the identity that owns an access key ID. */
  readonly lookupIdentity: (accessKeyId: string) => Identity | undefined;
  /** The current time, epoch milliseconds (from the app's clock). */
  readonly now: number;
  /** The signing name the scope must name: `kms` for KMS ([DOC] KMS-FIDELITY.md §1). */
  readonly service: string;
  /** Regions the scope may name; absent: any. */
  readonly regions?: readonly string[];
  /**
   * Whether dot segments and empty segments are removed from the path before it is encoded (every AWS service but
   * S3, KMS included). Default `true`.
   */
  readonly normalizePath?: boolean;
  /**
   * Signers kept between requests, by access key, region, service and path handling, so each one's cache of
   * derived signing keys (four HMACs per key and day) is reused. Owned by the caller (the authenticator); absent:
   * a signer per request.
   */
  readonly signers?: Map<string, SignatureV4>;
}

/** The most signers a {@link SigV4Options.signers} cache is given (identity × region × service). */
const MAX_CACHED_SIGNERS = 1024;

/** A request whose signature verified: who signed it, and the region of its credential scope. */
export interface VerifiedRequest {
  readonly identity: Identity;
  readonly region: string;
}

/** [DOC] SigV4: a request must be dated within 5 minutes of the server's time. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

const AMZ_DATE_HEADER = "x-amz-date";
const TOKEN_HEADER = "x-amz-security-token";
const CONTENT_SHA256_HEADER = "x-amz-content-sha256";

/**
 * Verifies the AWS Signature Version 4 (`Authorization` header form) of a received request: reconstructs the request
 * from what was received (method, path, query, the signed headers as received, the exact body bytes), signs it again
 * with `@smithy/signature-v4` using the identity's secret and the date, region and service of the request's credential
 * scope, and compares the signatures in constant time.
 *
 * Checks, in order ([DEC] the order; texts KMS-FIDELITY.md §9): no `Authorization` → MissingAuthenticationTokenException;
 * a malformed one, no `X-Amz-Date`, `host` not signed → IncompleteSignatureException; an unknown access key →
 * UnrecognizedClientException; a scope for another service or region, a date more than 5 minutes away from `now`, a
 * scope date that is not the request's date → InvalidSignatureException; a session token that is not the identity's
 * → UnrecognizedClientException; a signature that differs → InvalidSignatureException.
 *
 * [DEC] Requests signed with only a `Date` header (no `X-Amz-Date`) and presigned (query) requests are not accepted.
 *
 * @returns the identity and region, or the AWS error to answer with (all 400).
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
 */
export async function verifySigV4(
  request: ReceivedRequest,
  options: SigV4Options,
): Promise<Result<VerifiedRequest, KmsError>> {
  const headers = collectHeaders(request.headers);
  const authorization = headers.get("authorization");
  if (authorization === undefined) {
    return err(createKmsError("MissingAuthenticationTokenException", authMessages.missingAuthenticationToken()));
  }
  const parsed = parseAuthorizationHeader(authorization.join(","));
  if (!parsed.success) return parsed;
  const auth = parsed.data;

  const dateText = headers.get(AMZ_DATE_HEADER)?.join(",");
  if (dateText === undefined) {
    return incomplete(
      authMessages.incompleteSignature(
        ["existence of either a 'X-Amz-Date' or a 'Date' header"],
        authorization.join(","),
      ),
    );
  }
  const date = parseAmzDate(dateText.trim());
  if (!date.success) return incomplete(authMessages.malformedDate(dateText));
  if (!auth.signedHeaders.includes("host")) return incomplete(authMessages.hostNotSigned());

  const identity = options.lookupIdentity(auth.accessKeyId);
  if (identity === undefined) return unrecognized();
  if (auth.service !== options.service) return invalid(authMessages.wrongService(options.service));
  if (options.regions !== undefined && !options.regions.includes(auth.region))
    return invalid(authMessages.wrongRegion(auth.region));

  const skew = checkClockSkew(date.data, options.now);
  if (!skew.success) return skew;
  const longDate = formatAmzDate(date.data);
  if (auth.scopeDate !== longDate.slice(0, 8)) return invalid(authMessages.scopeDateMismatch(auth.scopeDate, longDate));

  const token = headers.get(TOKEN_HEADER)?.join(",");
  if (
    identity.sessionToken === undefined
      ? token !== undefined
      : token === undefined || !constantTimeEqual(token, identity.sessionToken)
  ) {
    return unrecognized();
  }

  const matches = await signatureMatches(
    request,
    headers,
    auth,
    identity,
    date.data,
    options.normalizePath ?? true,
    options.signers,
  );
  if (!matches) return invalid(authMessages.signatureMismatch());
  return ok({ identity, region: auth.region });
}

/**
 * Checks that a request's date is within {@link MAX_CLOCK_SKEW_MS} of `now` (both epoch milliseconds).
 *
 * @returns InvalidSignatureException `Signature expired: …` or `Signature not yet current: …` ([RPT] §9).
 */
export function checkClockSkew(date: number, now: number): Result<undefined, KmsError> {
  if (date < now - MAX_CLOCK_SKEW_MS) {
    return invalid(
      authMessages.signatureExpired(formatAmzDate(date), formatAmzDate(now - MAX_CLOCK_SKEW_MS), formatAmzDate(now)),
    );
  }
  if (date > now + MAX_CLOCK_SKEW_MS) {
    return invalid(
      authMessages.signatureNotYetCurrent(
        formatAmzDate(date),
        formatAmzDate(now + MAX_CLOCK_SKEW_MS),
        formatAmzDate(now),
      ),
    );
  }
  return ok(undefined);
}

async function signatureMatches(
  request: ReceivedRequest,
  headers: ReadonlyMap<string, readonly string[]>,
  auth: SigV4Authorization,
  identity: Identity,
  date: number,
  normalizePath: boolean,
  signers: Map<string, SignatureV4> | undefined,
): Promise<boolean> {
  try {
    const signed: Record<string, string> = {};
    for (const name of auth.signedHeaders) {
      const values = headers.get(name);
      // A signed header that did not arrive: the recomputed SignedHeaders differ, so the signature cannot match.
      if (values !== undefined) signed[name] = values.join(",");
    }
    // The payload hash is computed here from the received bytes; a signed `x-amz-content-sha256` must equal it (the
    // signer would otherwise trust the header and a tampered body would verify).
    const payloadHash = await sha256Hex(request.body);
    const declared = signed[CONTENT_SHA256_HEADER];
    if (declared !== undefined && declared.trim() !== payloadHash) return false;

    const signerKey = `${identity.accessKeyId}\n${auth.region}\n${auth.service}\n${normalizePath ? 1 : 0}`;
    let signer = signers?.get(signerKey);
    if (signer === undefined) {
      signer = new SignatureV4({
        credentials: { accessKeyId: identity.accessKeyId, secretAccessKey: identity.secretAccessKey },
        region: auth.region,
        service: auth.service,
        sha256: Sha256,
        uriEscapePath: normalizePath,
        applyChecksum: false,
      });
      // Capped, so a flood of requests naming made-up regions cannot grow the cache without end.
      if (signers !== undefined && signers.size < MAX_CACHED_SIGNERS) signers.set(signerKey, signer);
    }
    const toSign: HttpRequest = {
      method: request.method,
      protocol: "https:",
      hostname: signed["host"] ?? "",
      path: normalizePath ? request.path : escapeUriPath(request.path),
      query: parseQuery(request.query),
      headers: signed,
      body: request.body,
    };
    const result = await signer.sign(toSign, {
      signingDate: new Date(date),
      signingRegion: auth.region,
      signingService: auth.service,
      signableHeaders: new Set(auth.signedHeaders),
    });
    const expected = parseAuthorizationHeader(String(result.headers["authorization"]));
    if (!expected.success) return false;
    const sameHeaders = expected.data.signedHeaders.join(";") === auth.signedHeaders.join(";");
    return constantTimeEqual(expected.data.signature, auth.signature) && sameHeaders;
  } catch {
    // [DEC] Anything the signer cannot reproduce (e.g. a path that does not encode) is a signature that does not match.
    return false;
  }
}

/** Header values by lowercase name, in the order received. Fetch `Headers` already joins repeats with `, `. */
function collectHeaders(lines: Iterable<readonly [string, string]>): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const [name, value] of lines) {
    const key = name.toLowerCase();
    const values = map.get(key);
    if (values) values.push(value);
    else map.set(key, [value]);
  }
  return map;
}

/** Decodes a raw query string into the signer's bag: repeated names become lists, `a` alone is `a=`. */
function parseQuery(query: string): QueryParameterBag {
  const bag: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  for (const pair of query.split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const name = decode(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? "" : decode(pair.slice(eq + 1));
    const previous = bag[name];
    bag[name] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return { ...bag };
}

function decode(component: string): string {
  try {
    return decodeURIComponent(component);
  } catch {
    return component;
  }
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const hash = new Sha256();
  hash.update(bytes);
  const digest = await hash.digest();
  let hex = "";
  for (const byte of digest) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

/** Compares two strings in time that depends only on their lengths (signatures and tokens are public-length). */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

function incomplete(message: string): Result<never, KmsError> {
  return err(createKmsError("IncompleteSignatureException", message));
}

function invalid(message: string): Result<never, KmsError> {
  return err(createKmsError("InvalidSignatureException", message));
}

function unrecognized(): Result<never, KmsError> {
  return err(createKmsError("UnrecognizedClientException", authMessages.unrecognizedClient()));
}
