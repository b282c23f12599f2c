// Telling an AWS query-protocol (STS) request apart from a KMS awsJson1_1 request on the one `POST /` endpoint, and
// reading its `Action` and `Version`. Runtime-neutral: URLSearchParams and TextDecoder are web-platform globals.

/** The header that names a KMS operation; an STS query request carries none. */
const TARGET_HEADER = "x-amz-target";

// The service of a SigV4 credential scope: `Credential=<AKID>/<yyyymmdd>/<region>/<service>/aws4_request`.
const SCOPE_SERVICE = /Credential=[^/,\s]+\/\d{8}\/[^/,\s]+\/([^/,\s]+)\/aws4_request/;

/** An STS request's form parameters that select the operation: the first of each, as STS reads them. */
export interface QueryAction {
  /** `Action`; `undefined` when the body has none. */
  readonly action: string | undefined;
  /** `Version`; `undefined` when the body has none (STS then says `NO_VERSION_SPECIFIED`). */
  readonly version: string | undefined;
}

/** Whether a `Content-Type` is the query protocol's `application/x-www-form-urlencoded` (parameters ignored). */
export function isFormContentType(header: string | null | undefined): boolean {
  return header?.split(";")[0]?.trim().toLowerCase() === "application/x-www-form-urlencoded";
}

/** The service named by the SigV4 credential scope of an `Authorization` header, e.g. `sts`; else `undefined`. */
export function scopeServiceOf(authorization: string | null | undefined): string | undefined {
  return authorization ? SCOPE_SERVICE.exec(authorization)?.[1] : undefined;
}

/**
 * Reads a form-encoded body. Never throws: bytes that are not UTF-8 decode with replacement characters and a body
 * that is not a form gives whatever pairs `URLSearchParams` finds (possibly none).
 *
 * [RPT] STS takes the first `Action` and the first `Version` when one is repeated, and ignores unknown parameters
 * (a public probe suite run against live STS: `duplicate-action`, `duplicate-version`, `unknown-parameter`).
 */
export function readQueryAction(body: Uint8Array): QueryAction {
  const form = new URLSearchParams(new TextDecoder().decode(body));
  return { action: form.get("Action") ?? undefined, version: form.get("Version") ?? undefined };
}

/**
 * Whether a `POST /` is an STS query request [DEC]: it names no KMS operation (`X-Amz-Target` absent), its body is
 * form-encoded, and either its SigV4 credential scope is for `sts` or its body (never the URL's query) has `Action`.
 * AWS serves STS on its own host; the emulator answers both services on one endpoint, as LocalStack does.
 */
export function isStsRequest(headers: Headers, body: Uint8Array): boolean {
  if (headers.has(TARGET_HEADER) || !isFormContentType(headers.get("content-type"))) return false;
  return scopeServiceOf(headers.get("authorization")) === "sts" || readQueryAction(body).action !== undefined;
}
