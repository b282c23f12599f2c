import { Sha256 } from "@smithy/core/checksum";
import { SignatureV4 } from "@smithy/signature-v4";
import type { Hono } from "hono";
import type { Identity } from "../../src/app/auth/identities.js";
import { createEmulatorApp } from "../../src/app/create-app.js";
import type { EmulatorConfig, IdSource } from "../../src/app/deps.js";
import { createMemoryStore } from "../../src/store/memory.js";

/** Identities the security tests use: a user, a role session with a token, a user of another account. */
export const alice: Identity = {
  accessKeyId: "AKIAALICE000000000001",
  secretAccessKey: "alice-secret-0000000000000000000000000000",
  accountId: "111122223333",
  partition: "aws",
  principalArn: "arn:aws:iam::111122223333:user/alice",
};
export const session: Identity = {
  accessKeyId: "ASIASESSION00000000001",
  secretAccessKey: "session-secret-00000000000000000000000000",
  sessionToken: "FwoGZXIvYXdzEXAMPLETOKEN//////////",
  accountId: "111122223333",
  partition: "aws",
  principalArn: "arn:aws:sts::111122223333:assumed-role/Admin/session-1",
};
export const bob: Identity = {
  accessKeyId: "AKIABOB00000000000001",
  secretAccessKey: "bob-secret-000000000000000000000000000000",
  accountId: "444455556666",
  partition: "aws",
  principalArn: "arn:aws:iam::444455556666:user/bob",
};

/** Sequential IDs, so answers are reproducible. */
export function sequentialIds(): IdSource {
  let n = 0;
  const hex = () => (++n).toString(16).padStart(12, "0");
  return {
    keyId: () => `00000000-0000-4000-8000-${hex()}`,
    requestId: () => `10000000-0000-4000-8000-${hex()}`,
    keyMaterialId: () => hex().padStart(64, "0"),
  };
}

/** A clock the test moves. */
export function manualClock(start: number) {
  let now = start;
  return { now: () => now, set: (t: number) => void (now = t) };
}

/** An emulator in `sigv4` mode with the test identities, a memory store and a manual clock. */
export function createSigV4App(now: number, config: Partial<EmulatorConfig> = {}) {
  const clock = manualClock(now);
  const store = createMemoryStore();
  const app: Hono = createEmulatorApp({
    store,
    clock,
    ids: sequentialIds(),
    config: { auth: { mode: "sigv4", identities: [alice, session, bob] }, ...config },
  });
  return { app, clock, store };
}

export interface SignOptions {
  readonly identity: Pick<Identity, "accessKeyId" | "secretAccessKey"> & { sessionToken?: string };
  readonly operation: string;
  readonly body: string;
  readonly date: number;
  readonly region?: string;
  readonly service?: string;
  readonly host?: string;
}

/** Signs a KMS request with `@smithy/signature-v4` (as the SDK does) and returns it as a Fetch request. */
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

/** The JSON body and status of a response (`body` undefined for an empty body, as PutKeyPolicy answers). */
export async function answer(response: Response): Promise<{ status: number; body: unknown }> {
  const text = await response.text();
  return { status: response.status, body: text === "" ? undefined : JSON.parse(text) };
}

/** The exact InvalidSignatureException text for a signature that does not match (KMS-FIDELITY.md §9). */
export const MISMATCH =
  "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

/** The AWS error an SDK call ends in: its name, message and HTTP status. Throws when the call succeeds. */
export async function failure(promise: Promise<unknown>): Promise<{ name: string; message: string; status?: number }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, message: e.message, ...(e.$metadata?.httpStatusCode ? { status: e.$metadata.httpStatusCode } : {}) };
  }
  throw new Error("the request succeeded");
}
