import { readFile } from "node:fs/promises";
import type { Result } from "@keypolicy/core";
import { parse as parseYaml } from "yaml";

/** One problem a config-file parser reports: the member path (`keys[0].KeyId`) and what is wrong with it. */
export interface ConfigFileProblem {
  readonly path: string;
  readonly message: string;
}

/** How to read one kind of config file: its name in messages, its validator, and the Error subclass it throws. */
export interface ConfigFileKind<T> {
  /** The file's kind as messages name it: `seed`, `identities`. */
  readonly kind: string;
  readonly parse: (value: unknown) => Result<T, readonly ConfigFileProblem[]>;
  readonly fail: (message: string) => Error;
}

/**
 * Reads a config file (YAML, or JSON, which YAML reads too; a key repeated in one mapping is an error) and validates
 * the decoded value with `file.parse`.
 *
 * @throws the error `file.fail` makes, with a message naming the file: `cannot read <kind> file <path>: …`,
 *   `<kind> file <path> is not valid YAML or JSON: …`, or `<kind> file <path> is not valid:` followed by one
 *   `  <member path>: <problem>` line per problem.
 */
export async function readConfigFile<T>(path: string, file: ConfigFileKind<T>): Promise<T> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (cause) {
    throw file.fail(`cannot read ${file.kind} file ${path}: ${(cause as Error).message}`);
  }
  let value: unknown;
  try {
    value = parseYaml(text, { uniqueKeys: true });
  } catch (cause) {
    throw file.fail(`${file.kind} file ${path} is not valid YAML or JSON: ${(cause as Error).message}`);
  }
  const parsed = file.parse(value);
  if (!parsed.success) {
    throw file.fail(
      `${file.kind} file ${path} is not valid:\n${parsed.error.map((p) => `  ${p.path}: ${p.message}`).join("\n")}`,
    );
  }
  return parsed.data;
}
