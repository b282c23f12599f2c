import {
  createEmulatorHarness,
  createWireVectorTarget,
  describeRecordedVectors,
  FIXED_NOW,
  vectorEmulatorConfig,
} from "../src/index.js";

// The emulator's Hono app called with app.request(): the vectors' raw bytes, status and headers, no sockets.
describeRecordedVectors({
  name: "emulator in-process (app.request)",
  async createTarget(security) {
    const emulator = createEmulatorHarness(vectorEmulatorConfig(security));
    return createWireVectorTarget({
      fetch: (request) => emulator.app.request(request),
      ...(security ? { security } : {}),
      now: emulator.clock.now,
      // The fixed clock makes every key's creation date known in advance.
      bindings: { creationDate: FIXED_NOW / 1000 },
      seed: emulator.seed,
    });
  },
});
