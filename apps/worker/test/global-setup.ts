// Once per test run: apply the D1 migrations with wrangler to a template database and bundle the Worker. Tests copy
// the template, so each gets its own database without paying for wrangler again.
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { applyMigrations, BUNDLE_DIR } from "./support/migrations.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** A `--persist-to` folder whose D1 database has every migration applied by wrangler. */
    migratedTemplate: string;
    /** What `wrangler d1 migrations apply` printed for it. */
    migrationOutput: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const root = mkdtempSync(join(tmpdir(), "keypolicy-worker-template-"));
  const output = await applyMigrations(root);
  project.provide("migratedTemplate", root);
  project.provide("migrationOutput", output);
  return () => {
    rmSync(root, { recursive: true, force: true });
    // The Worker bundles of this run's test files (see support/worker-target.ts).
    for (const name of existsSync(BUNDLE_DIR) ? readdirSync(BUNDLE_DIR) : []) {
      if (/^worker-\d+\.mjs$/.test(name)) rmSync(join(BUNDLE_DIR, name), { force: true });
    }
  };
}
