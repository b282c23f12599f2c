import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { KMSClient } from "@aws-sdk/client-kms";
import { startNodeServer } from "@keypolicy/emulator-node";
import { createSqliteStore } from "@keypolicy/emulator-node/sqlite";
import {
  createCountingIds,
  createSdkTarget,
  describeKmsContract,
  EMULATOR_DEFAULTS,
  FIXED_NOW,
  seedStore,
} from "../src/index.js";
import { EMULATOR_KNOWN_FAILURES } from "./known-failures.js";

// @aws-sdk/client-kms over real HTTP to the emulator's Node server with its keys in SQLite (a fresh database file in
// a temporary folder), as `keypolicy serve --data-dir` keeps them: every answer has crossed the SQLite store.
describeKmsContract({
  name: "SDK over HTTP (startNodeServer, SQLite store)",
  capabilities: { anyCaller: true, seeds: ["documented-key"], reportsHttpStatus: true },
  knownFailures: EMULATOR_KNOWN_FAILURES,
  async createTarget() {
    const dir = await mkdtemp(join(tmpdir(), "keypolicy-contract-sqlite-"));
    const store = createSqliteStore({ path: join(dir, "keypolicy.sqlite") });
    const server = await startNodeServer({ host: "127.0.0.1", port: 0, store });
    return createSdkTarget({
      defaults: EMULATOR_DEFAULTS,
      seed: (name) => seedStore(store, name, { clock: { now: () => FIXED_NOW }, ids: createCountingIds(1) }),
      async close() {
        await server.close();
        store.close();
        await rm(dir, { recursive: true, force: true });
      },
      clientFor: (scope) =>
        new KMSClient({
          region: scope.region,
          endpoint: server.url,
          credentials: { accessKeyId: scope.accessKeyId, secretAccessKey: "contract-test-secret" },
          maxAttempts: 1,
        }),
    });
  },
});
