import { execFile } from "node:child_process";
import type { CallResult, CallerScope, KmsTarget, TargetDefaults } from "../target.js";

/** The CLI's exit code for an error the service answered (as the AWS CLI v2's). */
export const SERVICE_ERROR_EXIT_CODE = 254;

/** Request members → AWS CLI flags, as the AWS CLI spells them. */
const FLAGS: Readonly<Record<string, string>> = {
  KeyId: "--key-id",
  PolicyName: "--policy-name",
  Policy: "--policy",
  Limit: "--limit",
  Marker: "--marker",
};

/** `GetKeyPolicy` → `get-key-policy`. */
export function commandName(operation: string): string {
  return operation.replace(/(?<=[a-z])(?=[A-Z])/g, "-").toLowerCase();
}

/**
 * The argument vector for one call: the command, one flag per input member, then `--endpoint-url`, `--region` and
 * `--output json`.
 *
 * @throws Error for a member the table does not know (a test defect).
 */
export function cliArguments(
  operation: string,
  input: Readonly<Record<string, unknown>>,
  endpointUrl: string,
  region: string,
): string[] {
  const args = [commandName(operation)];
  for (const [member, value] of Object.entries(input)) {
    if (member === "BypassPolicyLockoutSafetyCheck") {
      args.push(value ? "--bypass-policy-lockout-safety-check" : "--no-bypass-policy-lockout-safety-check");
      continue;
    }
    const flag = FLAGS[member];
    if (!flag) throw new Error(`no CLI flag for ${operation}.${member}`);
    args.push(flag, String(value));
  }
  args.push("--endpoint-url", endpointUrl, "--region", region, "--output", "json");
  return args;
}

// After retries (the AWS CLI retries throttling errors, LimitExceededException among them) the operation is followed by
// "(reached max retries: <n>)".
const SERVICE_ERROR =
  /^An error occurred \(([A-Za-z0-9]+)\) when calling the ([A-Za-z]+) operation(?: \(reached max retries: \d+\))?: ?(.*)$/s;

/**
 * Reads the CLI's answer: exit 0 with one JSON document on stdout (none for operations without output), or the AWS
 * CLI's `An error occurred (<Name>) when calling the <Op> operation: <message>` (after retries `… operation (reached
 * max retries: <n>): …`) on stderr with exit code 254.
 *
 * @throws Error when the exit code, streams or operation name do not follow that form (a CLI defect).
 */
export function parseCliAnswer(operation: string, exitCode: number, stdout: string, stderr: string): CallResult {
  if (exitCode === 0) {
    const text = stdout.trim();
    const output: unknown = text === "" ? {} : JSON.parse(text);
    if (output === null || typeof output !== "object" || Array.isArray(output))
      throw new Error(`stdout is not a JSON object: ${text}`);
    return { ok: true, output: output as Record<string, unknown> };
  }
  // The AWS CLI frames the line with newlines: "\nAn error occurred (…) …: <message>\n".
  const match = SERVICE_ERROR.exec(stderr.replace(/^(\r?\n)+/, "").replace(/\r?\n$/, ""));
  if (!match) throw new Error(`exit code ${exitCode} without a service error on stderr: ${stderr.slice(0, 500)}`);
  if (exitCode !== SERVICE_ERROR_EXIT_CODE) {
    throw new Error(`service error ${match[1]} with exit code ${exitCode}, expected ${SERVICE_ERROR_EXIT_CODE}`);
  }
  if (match[2] !== operation) throw new Error(`stderr names operation ${match[2]}, expected ${operation}`);
  return { ok: false, error: { name: match[1] ?? "", message: match[3] ?? "" } };
}

/** Operations the CLI pages through itself, with the members that only steer paging ([DOC] KMS paginators). */
const PAGINATED: Readonly<Record<string, readonly string[]>> = {
  ListKeyPolicies: ["Truncated", "NextMarker"],
  ListKeys: ["Truncated", "NextMarker"],
};

/**
 * What the CLI prints for a wire answer: the AWS CLI follows every page of a paginated operation and prints the
 * aggregated result without the paging members (`{"PolicyNames": [...]}` for ListKeyPolicies); other answers as sent.
 */
export function cliView(operation: string, response: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const paging = PAGINATED[operation] ?? [];
  return Object.fromEntries(Object.entries(response).filter(([member]) => !paging.includes(member)));
}

/**
 * A target that runs the keypolicy CLI (`node <binPath> <command> …`) against a running emulator at `endpointUrl`,
 * credentials in the environment (access key ID = the caller scope's), nothing read from the user's AWS config.
 * Setup steps the CLI has no command for go to `setup` (an SDK client to the same server).
 */
export function createCliTarget(options: {
  readonly binPath: string;
  readonly endpointUrl: string;
  readonly defaults: TargetDefaults;
  readonly setup: KmsTarget["call"];
  readonly seed?: (name: string) => Promise<void>;
  readonly close?: () => Promise<void>;
  /** An empty directory used as HOME, so no user configuration is read. */
  readonly home: string;
}): KmsTarget {
  const run = (args: string[], scope: CallerScope) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
      execFile(
        process.execPath,
        [options.binPath, ...args],
        {
          timeout: 15_000,
          maxBuffer: 4 * 1024 * 1024,
          env: {
            PATH: process.env["PATH"] ?? "",
            HOME: options.home,
            AWS_ACCESS_KEY_ID: scope.accessKeyId,
            AWS_SECRET_ACCESS_KEY: "contract-test-secret",
            AWS_CONFIG_FILE: `${options.home}/no-config`,
            AWS_SHARED_CREDENTIALS_FILE: `${options.home}/no-credentials`,
            AWS_EC2_METADATA_DISABLED: "true",
            NO_COLOR: "1",
          },
        },
        (error, stdout, stderr) => {
          if (error && typeof error.code !== "number") reject(error);
          else resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
        },
      );
    });
  return {
    defaults: options.defaults,
    async call(operation, input, scope) {
      const { code, stdout, stderr } = await run(
        cliArguments(operation, input, options.endpointUrl, scope.region),
        scope,
      );
      return parseCliAnswer(operation, code, stdout, stderr);
    },
    setup: options.setup,
    view: cliView,
    ...(options.seed ? { seed: options.seed } : {}),
    close: options.close ?? (async () => {}),
  };
}
