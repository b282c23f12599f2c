import type { Clock, IdSource } from "../app/deps.js";

/** The wall clock, for runtimes without Node (Workers, Bun, Deno); the same as Node's. */
export const webClock: Clock = { now: () => Date.now() };

/** Random identifiers from the Web Crypto API (`crypto.randomUUID`, `crypto.getRandomValues`), present in every runtime. */
export const webIds: IdSource = {
  keyId: () => crypto.randomUUID(),
  requestId: () => crypto.randomUUID(),
  keyMaterialId: () =>
    Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, "0")).join(""),
  grantId: () =>
    Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, "0")).join(""),
  randomBytes: (length) => crypto.getRandomValues(new Uint8Array(length)),
};

/**
 * Writes the cause of an internal error (a 500 KMSInternalException) to the runtime's console: stderr on Node and
 * Bun, the Worker's logs (`wrangler tail`) on Cloudflare. The cause never reaches the wire.
 */
export const consoleLogError = (message: string, cause: unknown): void => console.error(message, cause);
