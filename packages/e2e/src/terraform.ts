import { spawn, spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, readdirSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";

/** The configurations of the Terraform suite: `terraform/` (the scenario) and `terraform/import/`. */
export const TERRAFORM_CONFIGS = join(import.meta.dirname, "..", "terraform");

/** Where the hashicorp/aws provider is mirrored by default (`KEYPOLICY_TF_PLUGINS` overrides it). */
export const DEFAULT_PLUGIN_MIRROR = "/opt/tf-plugins";

/** Terraform and a provider mirror found on this machine, or why not (printed when the suite skips). */
export type FoundTerraform =
  | { readonly path: string; readonly version: string; readonly mirror: string; readonly provider: string }
  | { readonly missing: string };

function terraformPlatform(): string {
  const arch = process.arch === "x64" ? "amd64" : process.arch === "ia32" ? "386" : process.arch;
  return `${process.platform}_${arch}`;
}

/**
 * Finds `terraform` on PATH and a filesystem mirror holding hashicorp/aws for this platform, in the unpacked layout
 * `<mirror>/registry.terraform.io/hashicorp/aws/<version>/<os>_<arch>/`. No network is used, ever: without the
 * mirror the suite skips.
 */
export function findTerraform(mirror = process.env["KEYPOLICY_TF_PLUGINS"] ?? DEFAULT_PLUGIN_MIRROR): FoundTerraform {
  const path = (process.env["PATH"] ?? "")
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, "terraform"))
    .find((candidate) => {
      try {
        accessSync(candidate, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
  if (!path) return { missing: "terraform is not on PATH" };
  const run = spawnSync(path, ["version", "-json"], {
    encoding: "utf8",
    timeout: 30_000,
    env: { PATH: process.env["PATH"] ?? "", HOME: tmpdir(), CHECKPOINT_DISABLE: "1" },
  });
  let version: string;
  try {
    version = (JSON.parse(run.stdout) as { terraform_version: string }).terraform_version;
  } catch {
    return { missing: `${path} version -json printed no version (${(run.stderr || run.stdout).trim()})` };
  }
  const awsDir = join(mirror, "registry.terraform.io", "hashicorp", "aws");
  const platform = terraformPlatform();
  const versions = existsSync(awsDir)
    ? readdirSync(awsDir).filter((dir) => existsSync(join(awsDir, dir, platform)))
    : [];
  if (versions.length === 0) {
    return {
      missing: `no hashicorp/aws provider for ${platform} in the filesystem mirror ${mirror} (set KEYPOLICY_TF_PLUGINS)`,
    };
  }
  return { path, version, mirror, provider: `hashicorp/aws ${versions.sort().join(", ")}` };
}

/** The CLI configuration: providers from the filesystem mirror only, never from the registry. */
export function cliConfig(mirror: string): string {
  return [
    "provider_installation {",
    "  filesystem_mirror {",
    `    path    = ${JSON.stringify(mirror)}`,
    '    include = ["registry.terraform.io/*/*"]',
    "  }",
    "  direct {",
    '    exclude = ["registry.terraform.io/*/*"]',
    "  }",
    "}",
    "",
  ].join("\n");
}

/** How one terraform command ended. */
export interface TerraformResult {
  /** The exit code; -1 when it was killed. */
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** True when it was killed for running longer than its timeout. */
  readonly timedOut: boolean;
  /** Its `TF_LOG=DEBUG` log file. */
  readonly logFile: string;
}

/** A copy of a configuration directory in which terraform commands run, each with its own debug log. */
export interface TerraformDir {
  readonly dir: string;
  /**
   * Runs `terraform <command> -no-color <args…>` (never a shell), killed after `timeoutMs` (default 5 minutes).
   * `step` names its log file, `<logs>/<nn>-<step>.log`.
   */
  run(step: string, command: string, args: readonly string[], timeoutMs?: number): Promise<TerraformResult>;
}

/** A temporary Terraform home: CLI configuration, plugin cache, logs and working directories, removed by `dispose`. */
export interface TerraformHome {
  readonly root: string;
  readonly logsDir: string;
  /** Copies the `*.tf` files of `source` into a new working directory `name`. */
  workspace(source: string, name: string): Promise<TerraformDir>;
  /** Every log file written so far, with the step that wrote it, in the order the commands ran. */
  logs(): Promise<{ readonly step: string; readonly file: string; readonly text: string }[]>;
  /** Removes the root, unless `KEYPOLICY_E2E_KEEP=1` asks to keep it for a look at the logs. */
  dispose(): Promise<void>;
}

/**
 * The environment of every terraform command: nothing from the developer's own Terraform or AWS setup leaks in
 * (no TF_*, AWS_* or proxy settings; HOME is the temporary root, so no ~/.terraformrc or ~/.aws), no checkpoint
 * (version check) calls, no prompts, debug logs to `logFile`.
 */
function terraformEnv(root: string, logFile: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(TF_|AWS_|CHECKPOINT_)/.test(name) || /^(https?|all|no)_proxy$/i.test(name)) continue;
    env[name] = value;
  }
  return {
    ...env,
    HOME: root,
    TF_CLI_CONFIG_FILE: join(root, "cli.tfrc"),
    TF_PLUGIN_CACHE_DIR: join(root, "plugin-cache"),
    TF_IN_AUTOMATION: "1",
    TF_INPUT: "0",
    CHECKPOINT_DISABLE: "1",
    TF_LOG: "DEBUG",
    TF_LOG_PATH: logFile,
    AWS_EC2_METADATA_DISABLED: "true",
    NO_PROXY: "127.0.0.1,localhost",
  };
}

/** Runs a program (never through a shell) in its own process group, which is killed as a whole on timeout. */
function runBounded(
  path: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<{ code: number; stdout: string; stderr: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(path, [...args], {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const killGroup = (signal: NodeJS.Signals) => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    };
    // SIGTERM lets terraform stop its providers and release the state; SIGKILL the group if it does not.
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup("SIGTERM");
      setTimeout(() => killGroup("SIGKILL"), 10_000).unref();
    }, options.timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve({ code: -1, stdout, stderr: `${stderr}${error.message}`, timedOut });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr, timedOut });
    });
  });
}

/** Creates a {@link TerraformHome} in a new temporary directory for `found`. */
export async function createTerraformHome(
  found: Extract<FoundTerraform, { path: string }>,
  defaultTimeoutMs = 5 * 60_000,
): Promise<TerraformHome> {
  const root = await mkdtemp(join(tmpdir(), "keypolicy-terraform-"));
  const logsDir = join(root, "logs");
  await mkdir(logsDir);
  await mkdir(join(root, "plugin-cache"));
  await writeFile(join(root, "cli.tfrc"), cliConfig(found.mirror));
  const written: { step: string; file: string }[] = [];

  return {
    root,
    logsDir,
    async workspace(source, name) {
      const dir = join(root, name);
      await mkdir(dir);
      for (const file of await readdir(source)) {
        if (file.endsWith(".tf")) await copyFile(join(source, file), join(dir, file));
      }
      return {
        dir,
        async run(step, command, args, timeoutMs = defaultTimeoutMs) {
          const logFile = join(logsDir, `${String(written.length + 1).padStart(2, "0")}-${step}.log`);
          written.push({ step, file: logFile });
          // Flags go before positional arguments: Go's flag parsing stops at the first of them (`import ADDR ID`).
          const result = await runBounded(found.path, [command, "-no-color", ...args], {
            cwd: dir,
            env: terraformEnv(root, logFile),
            timeoutMs,
          });
          return { ...result, logFile };
        },
      };
    },
    async logs() {
      return Promise.all(
        written.map(async ({ step, file }) => ({
          step,
          file,
          text: existsSync(file) ? await readFile(file, "utf8") : "",
        })),
      );
    },
    async dispose() {
      if (process.env["KEYPOLICY_E2E_KEEP"] === "1") return;
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** What terraform printed, for an assertion message: the end of stdout and stderr, and where the log is. */
export function describeRun(result: TerraformResult): string {
  const tail = (text: string) => text.split("\n").slice(-40).join("\n");
  return [
    `exit ${result.code}${result.timedOut ? " (killed: timed out)" : ""}; log ${result.logFile}`,
    tail(result.stdout),
    tail(result.stderr),
  ].join("\n");
}
