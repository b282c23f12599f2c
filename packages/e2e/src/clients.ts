import { execFile, spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

/** Credentials and settings every spawned AWS client gets: nothing from the developer's own AWS setup leaks in. */
export const ACCOUNT_ID = "111122223333";
export const ACCESS_KEY_ID = "AKIDEXAMPLE";

/** The environment for a spawned AWS client: isolated from ~/.aws, no pager, no instance metadata look-ups. */
export function clientEnv(region: string, accessKeyId = ACCESS_KEY_ID): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith("AWS_")) env[name] = value;
  }
  return {
    ...env,
    AWS_ACCESS_KEY_ID: accessKeyId,
    AWS_SECRET_ACCESS_KEY: "e2e-secret",
    AWS_DEFAULT_REGION: region,
    AWS_CONFIG_FILE: "/dev/null",
    AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
    AWS_PAGER: "",
    AWS_EC2_METADATA_DISABLED: "true",
  };
}

/** Every executable called `name` on PATH, then `extra` paths, in that order, without duplicates. */
function candidates(name: string, extra: readonly string[] = []): string[] {
  const found: string[] = [];
  for (const dir of (process.env["PATH"] ?? "").split(delimiter)) {
    if (dir) found.push(join(dir, name));
  }
  found.push(...extra);
  return [...new Set(found)].filter((path) => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

function versionOf(path: string): string {
  const run = spawnSync(path, ["--version"], { encoding: "utf8", timeout: 20_000, env: clientEnv("us-east-1") });
  return `${run.stdout ?? ""}${run.stderr ?? ""}`.trim();
}

/** A client found on this machine, or why there is none (printed when its suite skips). */
export type Found = { readonly path: string; readonly version: string } | { readonly missing: string };

/**
 * Finds the AWS CLI of a major version by path: v1 (pip, e.g. the pyenv shim) and v2 (Debian's `awscli`, /usr/bin/aws)
 * may both be called `aws` and shadow each other on PATH, so each candidate's `--version` decides.
 */
export function findAwsCli(major: 1 | 2): Found {
  const seen: string[] = [];
  for (const path of candidates("aws", [
    "/usr/bin/aws",
    "/usr/local/bin/aws",
    `${process.env["HOME"] ?? "/root"}/.pyenv/shims/aws`,
  ])) {
    const version = versionOf(path);
    seen.push(`${path}: ${version.split("\n")[0] || "no version"}`);
    if (version.startsWith(`aws-cli/${major}.`)) return { path, version };
  }
  return { missing: `AWS CLI v${major} not found (${seen.length ? seen.join("; ") : "no aws on PATH"})` };
}

/** Finds a `python3` that imports boto3. */
export function findBoto3Python(): Found {
  for (const path of candidates("python3")) {
    const run = spawnSync(path, ["-c", "import boto3, botocore; print(boto3.__version__, botocore.__version__)"], {
      encoding: "utf8",
      timeout: 20_000,
    });
    if (run.status === 0) return { path, version: `boto3 ${run.stdout.trim()}` };
  }
  return { missing: "no python3 on PATH imports boto3" };
}

/** Finds moto's `moto_server`. */
export function findMotoServer(): Found {
  const [path] = candidates("moto_server");
  return path ? { path, version: "moto_server" } : { missing: "moto_server not on PATH" };
}

/** What a finished process printed, and how it ended. */
export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a program to completion (bounded by `timeoutMs`), never through a shell. */
export function run(
  path: string,
  args: readonly string[],
  options: { env: NodeJS.ProcessEnv; input?: string; timeoutMs?: number; cwd?: string },
): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = execFile(
      path,
      [...args],
      {
        env: options.env,
        timeout: options.timeoutMs ?? 30_000,
        maxBuffer: 16 * 1024 * 1024,
        encoding: "utf8",
        ...(options.cwd ? { cwd: options.cwd } : {}),
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}
