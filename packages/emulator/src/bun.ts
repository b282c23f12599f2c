// Bun entry: `bun run bun.ts` serves the emulator on 127.0.0.1:$PORT (default 4566), keys in memory, aws:SourceIp
// from Bun's server.requestIP (Bun passes the server as fetch's second argument, Hono's env).
import { createEmulatorApp } from "./app/create-app.js";
import { bunSourceIp } from "./runtime/bun-source-ip.js";
import { consoleLogError, webClock, webIds } from "./runtime/web.js";
import { createMemoryStore } from "./store/memory.js";

/** The Bun globals this entry reads (Bun's own types are not a dependency of this runtime-neutral package). */
declare const Bun: {
  readonly env: Readonly<Record<string, string | undefined>>;
  file(path: URL): { json(): Promise<unknown> };
};

// src/bun.ts and dist/bun.js both sit one level below package.json.
const { version } = (await Bun.file(new URL("../package.json", import.meta.url)).json()) as { version: string };
const token = Bun.env["KEYPOLICY_CONTROL_TOKEN"];

const app = createEmulatorApp({
  store: createMemoryStore(),
  clock: webClock,
  ids: webIds,
  sourceIp: bunSourceIp,
  config: { logError: consoleLogError },
  // Test control for loopback peers (Bun's socket address), or anyone with KEYPOLICY_CONTROL_TOKEN.
  control: {
    version,
    store: "memory",
    runtime: "bun",
    startedAt: webClock.now(),
    peer: bunSourceIp,
    ...(token ? { token } : {}),
  },
});

export default {
  hostname: "127.0.0.1",
  port: Number(Bun.env["PORT"] ?? 4566),
  fetch: app.fetch,
};
