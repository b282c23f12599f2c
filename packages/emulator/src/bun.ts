// Bun entry: `bun run bun.ts` serves the fetch entry on 127.0.0.1:$PORT (default 4566), keys in memory.
import entry from "./fetch.js";

export default {
  hostname: "127.0.0.1",
  port: Number(process.env["PORT"] ?? 4566),
  fetch: entry.fetch,
};
