import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Which optional emulator capabilities this build has (other branches add them; the suite adapts). */
export interface Features {
  /** `startNodeServer({ auth: "sigv4" })` verifies signatures. */
  readonly sigv4: boolean;
  /** `startNodeServer({ identitiesFile })`. */
  readonly identitiesFile: boolean;
  /** `startNodeServer({ enforceKeyPolicies: true })`. */
  readonly enforceKeyPolicies: boolean;
  /** A SQLite store: a `create…SqliteStore` export, or the `dataDir` option. */
  readonly sqlite: "factory" | "dataDir" | false;
  /** The CLI's built entry, when there is one. */
  readonly cliBin: string | undefined;
}

/** The root of the monorepo (apps/bench/src → ../../..). */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

async function builtText(dir: string): Promise<string> {
  const parts: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith(".js")) parts.push(await readFile(join(entry.parentPath, entry.name), "utf8"));
  }
  return parts.join("\n");
}

/**
 * Looks at the built emulator (`packages/emulator/dist`) for the options the scenarios use. A name that appears
 * nowhere in the build cannot be supported; scenarios that need it are reported as "not available in this build".
 * (Whether a present option really works is then checked by a probe request before each scenario.)
 *
 * @throws when the emulator has not been built (run `pnpm build` first).
 */
export async function detectFeatures(): Promise<Features> {
  const dist = join(REPO_ROOT, "packages", "emulator", "dist");
  if (!existsSync(join(dist, "node", "index.js"))) {
    throw new Error(`no built emulator at ${dist}: run \`pnpm build\` at the repository root first`);
  }
  const text = await builtText(dist);
  const node = (await import("@keypolicy/emulator/node")) as Record<string, unknown>;
  const factory = Object.keys(node).some((n) => /^create.*sqlite.*store$/i.test(n));
  const cliBin = join(REPO_ROOT, "packages", "cli", "dist", "bin.js");
  return {
    sigv4: /["']sigv4["']/.test(text),
    identitiesFile: text.includes("identitiesFile"),
    enforceKeyPolicies: text.includes("enforceKeyPolicies"),
    sqlite: factory ? "factory" : text.includes("dataDir") ? "dataDir" : false,
    cliBin: existsSync(cliBin) ? cliBin : undefined,
  };
}
