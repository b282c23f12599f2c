import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { clientEnv, run, type RunResult } from "./clients.js";

/**
 * Runs `aws --endpoint-url <url> --region <region> <args…>` with an isolated environment (plus `env`, e.g. an
 * `AWS_DATA_PATH`).
 */
export function awsCli(
  cli: string,
  endpoint: string,
  region: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<RunResult> {
  return run(cli, ["--endpoint-url", endpoint, "--region", region, ...args], {
    env: { ...clientEnv(region), ...env },
    timeoutMs: 30_000,
  });
}

/** The line the AWS CLI prints on stderr for a service error. */
export function cliErrorLine(code: string, operation: string, message: string): string {
  return `An error occurred (${code}) when calling the ${operation} operation: ${message}`;
}

/**
 * A data folder holding the KMS service model of the botocore that `python` imports, for `AWS_DATA_PATH`: an AWS CLI
 * whose bundled model predates an operation (Debian 12's awscli 2.9 has no RotateKeyOnDemand) then offers it, as
 * after `aws configure add-model`. Files are written uncompressed: newer botocore ships `*.json.gz`, which older
 * loaders do not read. `undefined` when that botocore has no KMS model.
 */
export async function currentKmsModel(python: string): Promise<string | undefined> {
  const where = await run(
    python,
    ["-c", "import botocore, os; print(os.path.join(os.path.dirname(botocore.__file__), 'data', 'kms'))"],
    { env: clientEnv("us-east-1") },
  );
  if (where.code !== 0) return undefined;
  const source = where.stdout.trim();
  const data = await mkdtemp(join(tmpdir(), "keypolicy-e2e-models-"));
  try {
    for (const version of await readdir(source)) {
      const target = join(data, "kms", version);
      await mkdir(target, { recursive: true });
      for (const file of await readdir(join(source, version))) {
        const bytes = await readFile(join(source, version, file));
        const plain = file.endsWith(".gz") ? gunzipSync(bytes) : bytes;
        await writeFile(join(target, file.replace(/\.gz$/, "")), plain);
      }
    }
  } catch {
    return undefined;
  }
  return data;
}
