import { parseSeed, type SeedFile } from "@keypolicy/emulator";
import { readConfigFile } from "./read-config-file.js";

/** A seed file that could not be read or is not valid; `message` names the file and every bad path. */
export class SeedError extends Error {
  override readonly name = "SeedError";
}

/**
 * Reads and validates a seed file (YAML, or JSON, which YAML reads too).
 *
 * @throws SeedError naming the file and each bad member path (`keys[0].KeyId: must be a key ID …`).
 */
export function loadSeedFile(path: string): Promise<SeedFile> {
  return readConfigFile(path, { kind: "seed", parse: parseSeed, fail: (message) => new SeedError(message) });
}
