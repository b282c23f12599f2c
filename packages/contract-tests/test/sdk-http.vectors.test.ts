import * as kms from "@aws-sdk/client-kms";
import { createMemoryStore } from "@keypolicy/emulator";
import { startNodeServer } from "@keypolicy/emulator-node";
import {
  createCountingIds,
  createSdkTarget,
  describeRecordedVectors,
  EMULATOR_DEFAULTS,
  FIXED_NOW,
  identityOf,
  seedStore,
  vectorEmulatorConfig,
} from "../src/index.js";

// @aws-sdk/client-kms over real HTTP to the emulator's Node server: what an application sees of each vector after
// the SDK's own signing and parsing (output members with dates as the SDK reads them, error name and message).
// Wire bytes are the other targets' concern; a body prefix is compared as the parsed member's start.
describeRecordedVectors({
  name: "@aws-sdk/client-kms over HTTP",
  async createTarget(security) {
    const store = createMemoryStore();
    const server = await startNodeServer({ host: "127.0.0.1", port: 0, store, config: vectorEmulatorConfig(security) });
    const sdk = createSdkTarget({
      defaults: EMULATOR_DEFAULTS,
      close: () => server.close(),
      clientFor: (scope) =>
        new kms.KMSClient({
          region: scope.region,
          endpoint: server.url,
          credentials: {
            accessKeyId: scope.accessKeyId,
            secretAccessKey: identityOf(security, scope.accessKeyId)?.secretAccessKey ?? "contract-test-secret",
          },
          maxAttempts: 1,
        }),
    });
    return {
      send: async (operation, input, scope) => ({ result: await sdk.call(operation, input, scope) }),
      seed: (name) => seedStore(store, name, { clock: { now: () => FIXED_NOW }, ids: createCountingIds(1) }),
      close: () => sdk.close(),
    };
  },
  cannotSend: (operation) =>
    `${operation}Command` in kms ? undefined : `@aws-sdk/client-kms has no ${operation}Command`,
});
