import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createMemoryStore } from "@keypolicy/emulator";
import { createSqliteStore, type SqliteStore } from "@keypolicy/emulator-node/sqlite";
import { afterAll } from "vitest";
import { describeKeyStore } from "../src/index.js";

// The KeyStore suite against the stores the emulator package ships; apps/worker runs it against D1 in Miniflare.
const root = mkdtempSync(join(tmpdir(), "keypolicy-key-store-"));
let sqlite: SqliteStore | undefined;
afterAll(() => {
  sqlite?.close();
  rmSync(root, { recursive: true, force: true });
});

describeKeyStore({ name: "memory", open: async () => createMemoryStore() });
describeKeyStore({
  name: "SQLite file",
  open: async () => (sqlite = createSqliteStore({ path: join(root, "keys.sqlite") })),
});
