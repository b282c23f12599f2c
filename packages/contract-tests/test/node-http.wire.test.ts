import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startNodeServer } from "@keypolicy/emulator-node";
import { describeWireHygiene } from "../src/index.js";

// The Node server's own error path for a body that is not JSON, in memory and with a SQLite data dir; the contract
// cases run over HTTP in sdk-http.contract.test.ts and sdk-http-sqlite.contract.test.ts.
describeWireHygiene({ name: "Node, in-memory store", start: () => startNodeServer({ host: "127.0.0.1", port: 0 }) });
describeWireHygiene({
  name: "Node, SQLite data dir",
  async start() {
    const dir = await mkdtemp(join(tmpdir(), "keypolicy-wire-sqlite-"));
    const server = await startNodeServer({ host: "127.0.0.1", port: 0, dataDir: dir });
    return {
      url: server.url,
      async close() {
        await server.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  },
});
