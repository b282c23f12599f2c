import { readFile } from "node:fs/promises";
import { parse as parseYaml } from "yaml";
import { parseSeed, type SeedFile } from "../seed/seed.js";

/** A seed file that could not be read or is not valid; `message` names the file and every bad path. */
export class SeedError extends Error {
  override readonly name = "SeedError";
}

/**
 * Reads and validates a seed file (YAML, or JSON, which YAML reads too).
 *
 * @throws SeedError naming the file and each bad member path (`keys[0].KeyId: must be a key ID …`).
 */
export async function loadSeedFile(path: string): Promise<SeedFile> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (cause) {
    throw new SeedError(`cannot read seed file ${path}: ${(cause as Error).message}`);
  }
  let value: unknown;
  try {
    value = parseYaml(text, { uniqueKeys: true });
  } catch (cause) {
    throw new SeedError(`seed file ${path} is not valid YAML or JSON: ${(cause as Error).message}`);
  }
  const seed = parseSeed(value);
  if (!seed.success) {
    throw new SeedError(
      `seed file ${path} is not valid:\n${seed.error.map((p) => `  ${p.path}: ${p.message}`).join("\n")}`,
    );
  }
  return seed.data;
}
