import { KMSClient } from "@aws-sdk/client-kms";
import { startBunEmulator } from "../src/runtimes/index.js";
import { createSdkTarget, describeKmsContract, describeWireHygiene, EMULATOR_DEFAULTS } from "../src/index.js";
import { EMULATOR_KNOWN_FAILURES } from "./known-failures.js";

// Bun running the emulator's src/bun.ts (the fetch entry, keys in memory), @aws-sdk/client-kms over HTTP. The entry
// has no seed and runs on Bun's clock, so cases that load a seed or need {{now}} are skipped with that reason.
describeKmsContract({
  name: "SDK over HTTP to Bun (src/bun.ts)",
  capabilities: { anyCaller: true, seeds: [], reportsHttpStatus: true },
  knownFailures: EMULATOR_KNOWN_FAILURES,
  async createTarget() {
    const bun = await startBunEmulator();
    return createSdkTarget({
      defaults: EMULATOR_DEFAULTS,
      close: () => bun.close(),
      clientFor: (scope) =>
        new KMSClient({
          region: scope.region,
          endpoint: bun.url,
          credentials: { accessKeyId: scope.accessKeyId, secretAccessKey: "contract-test-secret" },
          maxAttempts: 1,
        }),
    });
  },
});

describeWireHygiene({ name: "Bun (src/bun.ts)", start: startBunEmulator });
