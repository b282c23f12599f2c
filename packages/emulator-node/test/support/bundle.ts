// Bundles an entry file with esbuild for a Node child process in a test run, from the workspace's TypeScript sources (the "@keypolicy/source" condition).
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

/** A bundle written to disk, with its sizes in bytes. */
export interface Bundle {
  readonly path: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

/**
 * Where test bundles go: inside this package's `node_modules`, so Node resolves the externals (better-sqlite3) and
 * `@keypolicy/emulator/package.json` (the SQLite store's migrations) from there, as it does for the package itself.
 */
export const BUNDLE_DIR = fileURLToPath(new URL("../../node_modules/.keypolicy-test/", import.meta.url));

/**
 * Bundles `entry` to one minified ESM file for a Node child process; better-sqlite3 (native) stays external. (The
 * workerd bundle of the fetch entry is @keypolicy/contract-tests' `bundleForWorkerd`.)
 */
export async function bundleEntry(entry: string, name: string): Promise<Bundle> {
  mkdirSync(BUNDLE_DIR, { recursive: true });
  const path = join(BUNDLE_DIR, `${name}-${process.pid}.mjs`);
  await build({
    entryPoints: [entry],
    outfile: path,
    bundle: true,
    format: "esm",
    minify: true,
    logLevel: "silent",
    platform: "node",
    target: "node22",
    conditions: ["@keypolicy/source"],
    external: ["better-sqlite3"],
    // ESM builds first: jsonc-parser's UMD build requires files esbuild cannot see.
    mainFields: ["module", "main"],
    // CommonJS dependencies bundled into ESM call require().
    banner: {
      js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
    },
  });
  const code = readFileSync(path);
  return { path, bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
}
