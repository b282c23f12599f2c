import type { Hono } from "hono";
import type { Identity } from "../../src/app/auth/identities.js";
import { createEmulatorApp } from "../../src/app/create-app.js";
import type { EmulatorConfig } from "../../src/app/deps.js";
import { createMemoryStore } from "../../src/store/memory.js";
import { answer, failure, manualClock, sequentialIds, signedRequest } from "../../src/testing/index.js";

export { answer, failure, manualClock, sequentialIds, signedRequest };

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

/** The exact InvalidSignatureException text for a signature that does not match (KMS-FIDELITY.md §9). */
export const MISMATCH =
  "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
