import { KMSClient } from "@aws-sdk/client-kms";
import {
  createSdkTarget,
  describeKmsContract,
  describeWireHygiene,
  EMULATOR_DEFAULTS,
} from "@keypolicy/contract-tests";
import { afterAll } from "vitest";
import { createWorkerTarget, workerBundle } from "./support/worker-target.js";

afterAll(async () => {
  const bundle = await workerBundle();
  console.info(`worker bundle (esbuild): ${bundle.bytes} B minified, ${bundle.gzipBytes} B gzip`);
});

// The contract suite against this app: src/index.ts in workerd through Miniflare, configured from wrangler.jsonc, keys
// in a fresh migrated D1 database; @aws-sdk/client-kms over HTTP. No seed, workerd's own clock: cases that load a
// seed or need {{now}} are skipped with that reason.
describeKmsContract({
  name: "SDK over HTTP to the Cloudflare Worker in workerd (Miniflare), D1 store",
  capabilities: { anyCaller: true, seeds: [], reportsHttpStatus: true },
  async createTarget() {
    const worker = await createWorkerTarget();
    return createSdkTarget({
      defaults: EMULATOR_DEFAULTS,
      close: () => worker.close(),
      clientFor: (scope) =>
        new KMSClient({
          region: scope.region,
          endpoint: worker.endpoint,
          credentials: { accessKeyId: scope.accessKeyId, secretAccessKey: "contract-test-secret" },
          maxAttempts: 1,
        }),
    });
  },
});

describeWireHygiene({
  name: "the Cloudflare Worker, D1 store",
  async start() {
    const worker = await createWorkerTarget();
    return { url: worker.endpoint, close: () => worker.close() };
  },
});
