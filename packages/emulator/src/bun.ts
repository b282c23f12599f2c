// Bun entry: `bun run bun.ts` serves the emulator on 127.0.0.1:$PORT (default 4566), keys in memory, aws:SourceIp
// from Bun's server.requestIP (Bun passes the server as fetch's second argument, Hono's env).
import { createEmulatorApp } from "./app/create-app.js";
import { bunSourceIp } from "./runtime/bun-source-ip.js";
import { consoleLogError, webClock, webIds } from "./runtime/web.js";
import { createMemoryStore } from "./store/memory.js";

/** The one Bun global this entry reads (Bun's own types are not a dependency of this runtime-neutral package). */
declare const Bun: { readonly env: Readonly<Record<string, string | undefined>> };

const app = createEmulatorApp({
  store: createMemoryStore(),
  clock: webClock,
  ids: webIds,
  sourceIp: bunSourceIp,
  config: { logError: consoleLogError },
});

export default {
  hostname: "127.0.0.1",
  port: Number(Bun.env["PORT"] ?? 4566),
  fetch: app.fetch,
};
