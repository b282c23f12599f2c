import { KMSClient } from "@aws-sdk/client-kms";
import { createMemoryStore } from "@keypolicy/emulator";
import { startNodeServer } from "@keypolicy/emulator-node";
import {
  createCountingIds,
  createSdkTarget,
  describeKmsContract,
  EMULATOR_DEFAULTS,
  FIXED_NOW,
  seedStore,
} from "../src/index.js";
import { EMULATOR_KNOWN_FAILURES } from "./known-failures.js";

// @aws-sdk/client-kms over real HTTP to the emulator's Node server on 127.0.0.1, port 0.
describeKmsContract({
  name: "SDK over HTTP (startNodeServer)",
  capabilities: { anyCaller: true, seeds: ["documented-key"], reportsHttpStatus: true },
  knownFailures: EMULATOR_KNOWN_FAILURES,
  async createTarget() {
    const store = createMemoryStore();
    const server = await startNodeServer({ host: "127.0.0.1", port: 0, store });
    return createSdkTarget({
      defaults: EMULATOR_DEFAULTS,
      seed: (name) => seedStore(store, name, { clock: { now: () => FIXED_NOW }, ids: createCountingIds(1) }),
      close: () => server.close(),
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
