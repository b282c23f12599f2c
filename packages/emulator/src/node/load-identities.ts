import { readFile } from "node:fs/promises";
import { parse as parseYaml } from "yaml";
import { type Identities, parseIdentities } from "../app/auth/identities.js";

/** An identities file that could not be read or is not valid; `message` names the file and every bad path. */
export class IdentitiesError extends Error {
  override readonly name = "IdentitiesError";
}

/**
 * Reads and validates an identities file (YAML, or JSON, which YAML reads too) for `sigv4` mode.
 *
 * @throws IdentitiesError naming the file and each bad member path (`identities[0].PrincipalArn: must be …`).
 */
export async function loadIdentitiesFile(path: string): Promise<Identities> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (cause) {
    throw new IdentitiesError(`cannot read identities file ${path}: ${(cause as Error).message}`);
  }
  let value: unknown;
  try {
    value = parseYaml(text, { uniqueKeys: true });
  } catch (cause) {
    throw new IdentitiesError(`identities file ${path} is not valid YAML or JSON: ${(cause as Error).message}`);
  }
  const identities = parseIdentities(value);
  if (!identities.success) {
    throw new IdentitiesError(
      `identities file ${path} is not valid:\n${identities.error.map((p) => `  ${p.path}: ${p.message}`).join("\n")}`,
    );
  }
  return identities.data;
}
