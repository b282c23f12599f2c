import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { describeKeyPolicyFlows } from "../../../packages/emulator/test/http-flows.js";
import { migratedCopy, startWorker, workerBundle } from "./support/worker-target.js";

const root = mkdtempSync(join(tmpdir(), "keypolicy-worker-flows-"));
afterAll(async () => {
  const bundle = await workerBundle();
  console.info(`worker bundle: ${bundle.bytes} B minified, ${bundle.gzipBytes} B gzip`);
  rmSync(root, { recursive: true, force: true });
});

describeKeyPolicyFlows({
  name: "Cloudflare Worker in workerd (Miniflare), D1 store",
  createTarget: () => startWorker(migratedCopy(root)),
});
