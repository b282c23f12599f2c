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

/**
 * Sends one awsJson1_1 request (`POST /`, `X-Amz-Target: TrentService.<operation>`, KMS-FIDELITY.md §1) through
 * `fetch` and answers the raw response. `body` is sent as is when it is a string, else as JSON.
 */
export async function sendAwsJson(fetch: FetchLike, operation: string, body: unknown, scope: CallerScope): Promise<RawAnswer> {
  const request = new Request(`http://kms.${scope.region}.amazonaws.com/`, {
    method: "POST",
    headers: {
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": `TrentService.${operation}`,
      authorization: fakeSigV4Authorization(scope),
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const response = await fetch(request);
  return { status: response.status, headers: response.headers, text: await response.text() };
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
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw new Error(`answer is not a JSON object: ${answer.text}`);
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
