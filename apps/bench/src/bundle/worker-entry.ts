// A Cloudflare Worker entry for the emulator, used only to measure bundle size when the repository has no Worker app
// yet: the runtime-neutral app, the memory store, Web Crypto ids and the wall clock.
import { createEmulatorApp, createMemoryStore } from "@keypolicy/emulator";

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

const app = createEmulatorApp({
  store: createMemoryStore(),
  clock: { now: () => Date.now() },
  ids: {
    keyId: () => crypto.randomUUID(),
    requestId: () => crypto.randomUUID(),
    keyMaterialId: () => hex(crypto.getRandomValues(new Uint8Array(32))),
    grantId: () => hex(crypto.getRandomValues(new Uint8Array(32))),
    randomBytes: (length) => crypto.getRandomValues(new Uint8Array(length)),
  },
});

export default { fetch: app.fetch };
