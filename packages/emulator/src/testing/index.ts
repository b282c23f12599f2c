// Helpers for tests that drive the emulator's app in-process (`app.fetch(request)`), as `hono/testing` does for Hono:
// reproducible ids, a clock the test moves, and KMS requests signed as the AWS SDK signs them. Runtime-neutral.
import { Sha256 } from "@smithy/core/checksum";
import { SignatureV4 } from "@smithy/signature-v4";
import type { Identity } from "../app/auth/identities.js";
import type { Clock, IdSource } from "../app/deps.js";

/**
 * Ids that count up from 1, so answers are reproducible: key ids `00000000-0000-4000-8000-000000000001`, …,
 * request ids `10000000-0000-4000-8000-…`, key-material ids of 64 hex digits. One counter serves all three.
 */
export function sequentialIds(): IdSource {
  let n = 0;
  const hex = () => (++n).toString(16).padStart(12, "0");
  return {
    keyId: () => `00000000-0000-4000-8000-${hex()}`,
    requestId: () => `10000000-0000-4000-8000-${hex()}`,
    keyMaterialId: () => hex().padStart(64, "0"),
    grantId: () => hex().padStart(64, "6"),
    // Counting bytes, not random ones: reproducible ciphertexts (never reuse these ids outside tests).
    randomBytes: (length) => {
      const seed = ++n;
      return Uint8Array.from({ length }, (_, i) => (seed * 31 + i) & 0xff);
    },
  };
}

/** A {@link Clock} that stands still until the test moves it: `now()` answers `start`, then whatever `set` gave (ms since the epoch). */
export function manualClock(start: number): Clock & { set(epochMs: number): void } {
  let now = start;
  return {
    now: () => now,
    set: (epochMs: number) => {
      now = epochMs;
    },
  };
}

/** What {@link signedRequest} signs. */
export interface SignOptions {
  /** The credentials to sign with; `sessionToken` goes in `X-Amz-Security-Token`. */
  readonly identity: Pick<Identity, "accessKeyId" | "secretAccessKey"> & { sessionToken?: string };
  /** The KMS operation, e.g. `GetKeyPolicy` (sent as `X-Amz-Target: TrentService.GetKeyPolicy`). */
  readonly operation: string;
  /** The JSON request body, as sent. */
  readonly body: string;
  /** The signing time, ms since the epoch. */
  readonly date: number;
  /** Default `us-east-2`. */
  readonly region?: string;
  /** The signing scope's service; default `kms`. */
  readonly service?: string;
  /** Default `kms.us-east-2.amazonaws.com`. */
  readonly host?: string;
}

/**
 * A KMS request (AWS JSON 1.1, `POST /`) signed with `@smithy/signature-v4` as the AWS SDK signs it, as a Fetch
 * `Request` for `app.fetch`.
 */
export async function signedRequest(options: SignOptions): Promise<Request> {
  const host = options.host ?? "kms.us-east-2.amazonaws.com";
  const signer = new SignatureV4({
    credentials: options.identity,
    region: options.region ?? "us-east-2",
    service: options.service ?? "kms",
    sha256: Sha256,
  });
  const signed = await signer.sign(
    {
      method: "POST",
      protocol: "http:",
      hostname: host,
      path: "/",
      query: {},
      headers: {
        host,
        "content-type": "application/x-amz-json-1.1",
        "x-amz-target": `TrentService.${options.operation}`,
      },
      body: options.body,
    },
    { signingDate: new Date(options.date) },
  );
  return new Request(`http://${host}/`, {
    method: "POST",
    headers: signed.headers as Record<string, string>,
    body: options.body,
  });
}

/** A response's status and JSON body (`body` undefined for an empty body, as PutKeyPolicy answers). */
export async function answer(response: Response): Promise<{ status: number; body: unknown }> {
  const text = await response.text();
  return { status: response.status, body: text === "" ? undefined : JSON.parse(text) };
}

/**
 * The AWS error an SDK call ends in: its `name` (the `__type`), `message` and HTTP `status`, as the AWS SDK for
 * JavaScript v3 reports them.
 *
 * @throws Error when the call succeeds.
 */
export async function failure(promise: Promise<unknown>): Promise<{ name: string; message: string; status?: number }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return {
      name: e.name,
      message: e.message,
      ...(e.$metadata?.httpStatusCode ? { status: e.$metadata.httpStatusCode } : {}),
    };
  }
  throw new Error("the request succeeded");
}
