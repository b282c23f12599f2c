import { execFile } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

export const WORKER_DIR = fileURLToPath(new URL("../../", import.meta.url));
export const CONFIG = join(WORKER_DIR, "wrangler.jsonc");
const WRANGLER = join(WORKER_DIR, "node_modules", ".bin", "wrangler");
/** Where this app's tests write Worker bundles (removed by global-setup.ts at the end of a run). */
export const BUNDLE_DIR = join(WORKER_DIR, "node_modules", ".keypolicy-test");

/**
 * Applies the D1 migrations named in wrangler.jsonc to the local database kept in `persistDir`, as a user runs
 * `wrangler d1 migrations apply DB --local` (no prompts, metrics or colours). Answers wrangler's output.
 */
export async function applyMigrations(persistDir: string): Promise<string> {
  const { stdout } = await promisify(execFile)(
    WRANGLER,
    ["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistDir, "--config", CONFIG],
    {
      cwd: WORKER_DIR,
      env: { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false", NO_COLOR: "1" },
      timeout: 30_000,
    },
  );
  return stdout;
}
