import { type Identities, parseIdentities } from "@keypolicy/emulator";
import { readConfigFile } from "./read-config-file.js";

/** An identities file that could not be read or is not valid; `message` names the file and every bad path. */
export class IdentitiesError extends Error {
  override readonly name = "IdentitiesError";
}

/**
 * Reads and validates an identities file (YAML, or JSON, which YAML reads too) for `sigv4` mode.
 *
 * @throws IdentitiesError naming the file and each bad member path (`identities[0].PrincipalArn: must be …`).
 */
export function loadIdentitiesFile(path: string): Promise<Identities> {
  return readConfigFile(path, {
    kind: "identities",
    parse: parseIdentities,
    fail: (message) => new IdentitiesError(message),
  });
}
