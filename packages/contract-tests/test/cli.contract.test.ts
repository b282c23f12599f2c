import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { KMSClient } from "@aws-sdk/client-kms";
import { createMemoryStore } from "@keypolicy/emulator";
import { startNodeServer } from "@keypolicy/emulator-node";
import {
  createCliTarget,
  createCountingIds,
  createSdkTarget,
  describeKmsContract,
  EMULATOR_DEFAULTS,
  FIXED_NOW,
  seedStore,
} from "../src/index.js";
import { EMULATOR_KNOWN_FAILURES } from "./known-failures.js";

// KEYPOLICY_CLI_BIN points at another build of the CLI (e.g. a branch not merged yet).
const BIN = process.env["KEYPOLICY_CLI_BIN"] ?? fileURLToPath(new URL("../../cli/dist/bin.js", import.meta.url));

// The keypolicy CLI, spawned per call, against the emulator's Node server; CreateKey (no CLI command) goes through an
// SDK client to the same server.
describeKmsContract({
  name: "CLI (node packages/cli/dist/bin.js)",
  capabilities: {
    anyCaller: true,
    seeds: ["documented-key"],
    reportsHttpStatus: false,
    operations: ["GetKeyPolicy", "PutKeyPolicy", "ListKeyPolicies"],
  },
  ...(existsSync(BIN) ? {} : { skipAll: "CLI not built" }),
  skip: {
    "GetKeyPolicy without KeyId is a ValidationException":
      "the CLI requires --key-id and refuses its absence as a usage error before calling, as the AWS CLI does",
    "PutKeyPolicy without KeyId is a ValidationException":
      "the CLI requires --key-id and refuses its absence as a usage error before calling, as the AWS CLI does",
    "ListKeyPolicies without KeyId is a ValidationException":
      "the CLI requires --key-id and refuses its absence as a usage error before calling, as the AWS CLI does",
  },
  knownFailures: EMULATOR_KNOWN_FAILURES,
  timeout: 30_000,
  async createTarget() {
    const store = createMemoryStore();
    const server = await startNodeServer({ host: "127.0.0.1", port: 0, store });
    const home = await mkdtemp(join(tmpdir(), "keypolicy-contract-cli-"));
    const sdk = createSdkTarget({
      defaults: EMULATOR_DEFAULTS,
      clientFor: (scope) =>
        new KMSClient({
          region: scope.region,
          endpoint: server.url,
          credentials: { accessKeyId: scope.accessKeyId, secretAccessKey: "contract-test-secret" },
          maxAttempts: 1,
        }),
    });
    return createCliTarget({
      binPath: BIN,
      endpointUrl: server.url,
      defaults: EMULATOR_DEFAULTS,
      home,
      setup: (operation, input, scope) => sdk.call(operation, input, scope),
      seed: (name) => seedStore(store, name, { clock: { now: () => FIXED_NOW }, ids: createCountingIds(2) }),
      async close() {
        await sdk.close();
        await server.close();
        await rm(home, { recursive: true, force: true });
      },
    });
  },
});
