import { KMSClient } from "@aws-sdk/client-kms";
import { createInProcessHandler } from "@keypolicy/sdk-adapter";
import {
  FIXED_NOW,
  createEmulatorHarness,
  createSdkTarget,
  describeKmsContract,
  EMULATOR_DEFAULTS,
} from "../src/index.js";
import { EMULATOR_KNOWN_FAILURES } from "./known-failures.js";

// @aws-sdk/client-kms with the adapter's in-process requestHandler: real SDK serialisation and signing into app.fetch,
// no sockets. Every operation of core's table goes through the adapter's safeSend (GetKeyPolicy: safeGetKeyPolicy).
describeKmsContract({
  name: "SDK adapter in-process (createInProcessHandler, safeSend)",
  capabilities: { anyCaller: true, seeds: ["documented-key"], reportsHttpStatus: true, fixedNow: FIXED_NOW / 1000 },
  knownFailures: EMULATOR_KNOWN_FAILURES,
  async createTarget() {
    const emulator = createEmulatorHarness();
    const requestHandler = createInProcessHandler(emulator.app.fetch);
    return createSdkTarget({
      defaults: EMULATOR_DEFAULTS,
      via: "adapter",
      seed: emulator.seed,
      clientFor: (scope) =>
        new KMSClient({
          region: scope.region,
          endpoint: "http://kms.in-process.test",
          credentials: { accessKeyId: scope.accessKeyId, secretAccessKey: "contract-test-secret" },
          requestHandler,
          maxAttempts: 1,
        }),
    });
  },
});
