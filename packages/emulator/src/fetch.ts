// Runtime-neutral entry: `export default { fetch }` as Cloudflare Workers, Bun and `deno serve` expect. Keys live in
// memory for the life of the process. No Node APIs here, so Deno can serve it.
import { createEmulatorApp } from "./app/create-app.js";
import { consoleLogError, webClock, webIds } from "./runtime/web.js";
import { createMemoryStore } from "./store/memory.js";

const app = createEmulatorApp({
  store: createMemoryStore(),
  clock: webClock,
  ids: webIds,
  config: { logError: consoleLogError },
});

export default { fetch: app.fetch };
