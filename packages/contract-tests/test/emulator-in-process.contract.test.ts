import { FIXED_NOW, createEmulatorHarness, createFetchTarget, describeKmsContract } from "../src/index.js";
import { EMULATOR_KNOWN_FAILURES } from "./known-failures.js";

// The emulator's Hono app called with app.request(): awsJson1_1 on the wire format, no sockets, no SDK.
describeKmsContract({
  name: "emulator in-process (app.request)",
  capabilities: { anyCaller: true, seeds: ["documented-key"], reportsHttpStatus: true, fixedNow: FIXED_NOW / 1000 },
  knownFailures: EMULATOR_KNOWN_FAILURES,
  async createTarget() {
    const emulator = createEmulatorHarness();
    return createFetchTarget({ fetch: (request) => emulator.app.request(request), seed: emulator.seed });
  },
});
