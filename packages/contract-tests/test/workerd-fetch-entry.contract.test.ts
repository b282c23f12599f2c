import { KMSClient } from "@aws-sdk/client-kms";
import { startWorkerdFetchEntry } from "../src/runtimes/index.js";
import { createSdkTarget, describeKmsContract, describeWireHygiene, EMULATOR_DEFAULTS } from "../src/index.js";
import { EMULATOR_KNOWN_FAILURES } from "./known-failures.js";

// The emulator's fetch entry (src/fetch.ts, keys in memory) bundled for workerd and run by Miniflare without
// nodejs_compat: Web APIs only, as in Deno. The Cloudflare Worker with D1 is apps/worker's contract run. No seed,
// workerd's own clock: cases that load a seed or need {{now}} are skipped with that reason.
describeKmsContract({
  name: "SDK over HTTP to workerd without nodejs_compat (src/fetch.ts)",
  capabilities: { anyCaller: true, seeds: [], reportsHttpStatus: true },
  knownFailures: EMULATOR_KNOWN_FAILURES,
  async createTarget() {
    const workerd = await startWorkerdFetchEntry();
    console.info(`fetch entry bundle: ${workerd.bundle.bytes} B minified, ${workerd.bundle.gzipBytes} B gzip`);
    return createSdkTarget({
      defaults: EMULATOR_DEFAULTS,
      close: () => workerd.close(),
      clientFor: (scope) =>
        new KMSClient({
          region: scope.region,
          endpoint: workerd.url,
          credentials: { accessKeyId: scope.accessKeyId, secretAccessKey: "contract-test-secret" },
          maxAttempts: 1,
        }),
    });
  },
});

describeWireHygiene({ name: "workerd without nodejs_compat (src/fetch.ts)", start: startWorkerdFetchEntry });
