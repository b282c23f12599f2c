import { Sha256 } from "@smithy/core/checksum";
import { SignatureV4 } from "@smithy/signature-v4";
import type { CallResult, CallerScope } from "../target.js";

/** Anything with a WHATWG `fetch` signature: `app.request`, `app.fetch`, a Worker's `fetch`. */
export type FetchLike = (request: Request) => Response | Promise<Response>;

/** A raw awsJson1_1 answer: status, headers and the body text as sent. */
export interface RawAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

/**
 * An `Authorization` header in SigV4's form that carries the credential scope but no real signature
 * (`Signature=0`): enough for the emulator to derive account and region (KMS-FIDELITY.md §8).
 */
export function fakeSigV4Authorization(scope: CallerScope): string {
  return `AWS4-HMAC-SHA256 Credential=${scope.accessKeyId}/20240101/${scope.region}/kms/aws4_request, SignedHeaders=host, Signature=0`;
}

/** A secret to sign with SigV4 (the caller's access key ID comes from the scope) and the signing time. */
export interface SigningKey {
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  /** The signing time, epoch milliseconds: the clock of the emulator that verifies it. */
  readonly date: number;
}

/** Where {@link sendAwsJson} sends and how it authenticates. */
export interface SendAwsJsonOptions {
  /**
   * The endpoint, e.g. a local server's `http://127.0.0.1:<port>`. Default `http://kms.<region>.amazonaws.com/`, for
   * in-process fetch functions (`app.request`) that never open a socket: never pass the default to a network fetch.
   */
  readonly url?: string;
  /** Sign with SigV4 (`@smithy/signature-v4`, as the SDK does) instead of sending the fake Authorization header. */
  readonly signWith?: SigningKey;
}

/**
 * Sends one awsJson1_1 request (`POST /`, `X-Amz-Target: TrentService.<operation>`, KMS-FIDELITY.md §1) through
 * `fetch` and answers the raw response. `body` is sent as is when it is a string, else as JSON. Unsigned requests
 * carry {@link fakeSigV4Authorization}; signed ones a real SigV4 signature over the exact bytes sent.
 */
export async function sendAwsJson(
  fetch: FetchLike,
  operation: string,
  body: unknown,
  scope: CallerScope,
  options: SendAwsJsonOptions = {},
): Promise<RawAnswer> {
  const url = new URL(options.url ?? `http://kms.${scope.region}.amazonaws.com/`);
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const headers: Record<string, string> = {
    "content-type": "application/x-amz-json-1.1",
    "x-amz-target": `TrentService.${operation}`,
  };
  const authenticated = options.signWith
    ? await signedHeaders(url, headers, text, scope, options.signWith)
    : { ...headers, authorization: fakeSigV4Authorization(scope) };
  const response = await fetch(new Request(url, { method: "POST", headers: authenticated, body: text }));
  return { status: response.status, headers: response.headers, text: await response.text() };
}

async function signedHeaders(
  url: URL,
  headers: Record<string, string>,
  body: string,
  scope: CallerScope,
  key: SigningKey,
): Promise<Record<string, string>> {
  const signer = new SignatureV4({
    credentials: {
      accessKeyId: scope.accessKeyId,
      secretAccessKey: key.secretAccessKey,
      ...(key.sessionToken === undefined ? {} : { sessionToken: key.sessionToken }),
    },
    region: scope.region,
    service: "kms",
    sha256: Sha256,
  });
  const signed = await signer.sign(
    {
      method: "POST",
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port === "" ? {} : { port: Number(url.port) }),
      path: url.pathname,
      query: {},
      // The Host header fetch will send (host and port), so the signature covers what arrives.
      headers: { host: url.host, ...headers },
      body,
    },
    { signingDate: new Date(key.date) },
  );
  return signed.headers;
}

/**
 * Reads a raw answer as a {@link CallResult}: 200 with a JSON body (empty body: no output members), or
 * `{"__type":…,"message":…}` (no `message` member: empty text).
 *
 * @throws Error when the body is not the JSON AWS would send (HTML, a stack trace): a target defect, not an AWS error.
 */
export function decodeAnswer(answer: RawAnswer): CallResult {
  let body: unknown = {};
  if (answer.text !== "") {
    try {
      body = JSON.parse(answer.text);
    } catch {
      throw new Error(`status ${answer.status} with a body that is not JSON: ${answer.text.slice(0, 200)}`);
    }
  }
  if (body === null || typeof body !== "object" || Array.isArray(body))
    throw new Error(`answer is not a JSON object: ${answer.text}`);
  const members = body as Record<string, unknown>;
  if (answer.status === 200) return { ok: true, output: members, httpStatus: 200 };
  if (typeof members["__type"] !== "string") throw new Error(`error answer without __type: ${answer.text}`);
  const message = members["message"];
  return {
    ok: false,
    error: { name: members["__type"], message: typeof message === "string" ? message : "" },
    httpStatus: answer.status,
  };
}
