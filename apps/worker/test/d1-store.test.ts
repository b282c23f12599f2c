// The KeyStore behaviour suite against D1 in workerd: the store runs here in Node, each statement goes to the D1
// database in Miniflare through its binding proxy.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describeKeyStore } from "@keypolicy/contract-tests";
import { createD1Store } from "@keypolicy/emulator";
import { afterAll } from "vitest";
import { migratedCopy, startWorker, type WorkerTarget } from "./support/worker-target.js";

const root = mkdtempSync(join(tmpdir(), "keypolicy-d1-store-"));
let worker: WorkerTarget | undefined;
afterAll(async () => {
  await worker?.close();
  rmSync(root, { recursive: true, force: true });
});

describeKeyStore({
  name: "D1 in Miniflare",
  open: async () => {
    worker = await startWorker(migratedCopy(root));
    return createD1Store(await worker.mf.getD1Database("DB"));
  },
});
