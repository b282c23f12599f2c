import { afterAll } from "vitest";
import { describeKeyPolicyFlows } from "../../../packages/emulator/test/http-flows.js";
import { createWorkerTarget, workerBundle } from "./support/worker-target.js";

afterAll(async () => {
  const bundle = await workerBundle();
  console.info(`worker bundle (esbuild): ${bundle.bytes} B minified, ${bundle.gzipBytes} B gzip`);
});

describeKeyPolicyFlows({ name: "Cloudflare Worker in workerd (Miniflare), D1 store", createTarget: createWorkerTarget });
