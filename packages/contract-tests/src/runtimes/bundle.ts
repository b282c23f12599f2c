// Bundles an entry file for workerd with esbuild, from the workspace's TypeScript sources (the "@keypolicy/source"
// condition), for runtimes that run one module file.
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

/** Where test bundles go (inside this package's `node_modules`, so they never land in the source tree). */
export const BUNDLE_DIR = fileURLToPath(new URL("../../node_modules/.keypolicy-test/", import.meta.url));

/**
 * Bundles `entry` to one minified ESM file `<dir>/<name>-<pid>.mjs` (default `dir`: {@link BUNDLE_DIR}) for workerd
 * (and any runtime without Node): browser platform, so an import of a Node built-in fails the build.
 *
 * @throws the esbuild error when the entry does not bundle.
 */
export async function bundleForWorkerd(entry: string, name: string, dir: string = BUNDLE_DIR): Promise<Bundle> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}-${process.pid}.mjs`);
  await build({
    entryPoints: [entry],
    outfile: path,
    bundle: true,
    format: "esm",
    minify: true,
    logLevel: "silent",
    platform: "browser",
    target: "es2022",
    conditions: ["@keypolicy/source", "workerd", "worker"],
  });
  const code = readFileSync(path);
  return { path, bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
}
