// `wrangler deploy --dry-run` bundles the Worker exactly as a deploy would (from the built packages) and checks the
// configuration, without an account or network.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { CONFIG, WORKER_DIR } from "./support/migrations.js";

const BUILT = existsSync(new URL("../../../packages/emulator/dist/index.js", import.meta.url));
const out = mkdtempSync(join(tmpdir(), "keypolicy-worker-deploy-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe.skipIf(!BUILT)(
  `wrangler deploy --dry-run${BUILT ? "" : " (skipped: needs `pnpm build`; wrangler bundles the built packages)"}`,
  () => {
    it("bundles the Worker with its D1 binding and vars", async () => {
      const { stdout } = await promisify(execFile)(
        join(WORKER_DIR, "node_modules", ".bin", "wrangler"),
        ["deploy", "--dry-run", "--outdir", out, "--config", CONFIG],
        {
          cwd: WORKER_DIR,
          env: { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false", NO_COLOR: "1" },
          timeout: 30_000,
        },
      );
      expect(stdout).toMatch(/env\.DB \(keypolicy\)\s+D1 Database/);
      expect(stdout).toMatch(/env\.KEYPOLICY_DEFAULT_REGION \("us-east-1"\)/);
      const code = readFileSync(join(out, "index.js"));
      console.info(`wrangler deploy bundle: ${code.length} B minified, ${gzipSync(code, { level: 9 }).length} B gzip`);
      expect(code.toString()).toContain("kms_keys");
    });
  },
);
