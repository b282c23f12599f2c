import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The root of the monorepo (apps/bench/src → ../../..). */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

/** The CLI's built entry, as `npm i -g @keypolicy/cli` installs it. */
export const CLI_BIN = join(REPO_ROOT, "packages", "cli", "dist", "bin.js");

/** A path as shown in results: relative to the repository, so no machine's layout is committed. */
export function shownPath(text: string): string {
  return text.replaceAll(`${REPO_ROOT}/`, "");
}

/**
 * Checks that the packages the suite runs are built.
 *
 * @throws when the emulator or the CLI has not been built (run `pnpm build` at the repository root first).
 */
export function assertBuilt(): void {
  for (const file of [join(REPO_ROOT, "packages", "emulator", "dist", "node", "index.js"), CLI_BIN]) {
    if (!existsSync(file)) throw new Error(`no ${shownPath(file)}: run \`pnpm build\` at the repository root first`);
  }
}
