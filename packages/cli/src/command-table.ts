import { InvalidArgumentError } from "commander";
import type { GetKeyPolicyOptions } from "./commands/get-key-policy.js";
import type { ListKeyPoliciesOptions } from "./commands/list-key-policies.js";
import type { PutKeyPolicyOptions } from "./commands/put-key-policy.js";
import type { ServeOptions } from "./commands/serve.js";
import type { CliIo, CommandOutcome } from "./io.js";

/** One flag of a command, as data. */
export interface OptionSpec {
  /** Commander's flag syntax: `--key-id <id>`, `--enforce-key-policies`. The option's name is the camel-cased flag. */
  readonly flags: string;
  readonly description: string;
  /** A required flag: leaving it out is a usage error (exit 252). */
  readonly required?: boolean;
  /** The only values accepted; anything else is a usage error. */
  readonly choices?: readonly string[];
  /** Shown in --help and used when the flag is left out. */
  readonly defaultValue?: string | number;
  /** Converts the text; throws commander's `InvalidArgumentError` for a bad value (exit 252). */
  readonly parse?: (value: string) => unknown;
}

/**
 * One command, as data: its name, help texts and flags, and the action that runs it. Actions are imported when the
 * command runs, so a command loads only what it needs (`serve` never loads the AWS SDK, AWS commands never load the
 * emulator).
 */
export interface CommandSpec {
  readonly name: string;
  /** One line, for the command list. */
  readonly summary: string;
  /** A paragraph, for the command's --help. */
  readonly description: string;
  readonly options: readonly OptionSpec[];
  /** Command lines shown under "Examples:" in --help. */
  readonly examples: readonly string[];
  /** Runs the command with the parsed options (named after the flags, camel-cased). */
  readonly run: (options: Record<string, unknown>, io: CliIo) => Promise<CommandOutcome>;
}

/** A typed action for a {@link CommandSpec}; commander has already enforced required flags, choices and parsers. */
function action<O>(load: () => Promise<(options: O, io: CliIo) => Promise<CommandOutcome>>): CommandSpec["run"] {
  return async (options, io) => (await load())(options as O, io);
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new InvalidArgumentError("must be a port number from 0 to 65535.");
  return port;
}

/** `--cli-connect-timeout` / `--cli-read-timeout`: whole seconds, as the AWS CLI's `int` type; 0 means no timeout. */
function parseTimeoutSeconds(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError("must be a whole number of seconds (0: no timeout).");
  return Number(value);
}

function parseAccountId(value: string): string {
  if (!/^\d{12}$/.test(value)) throw new InvalidArgumentError("must be a 12-digit AWS account ID.");
  return value;
}

/**
 * The flags every AWS command takes, with the AWS CLI's names. They are the AWS CLI's global options, so, as there,
 * they may also come before the command (`keypolicy --region us-east-2 get-key-policy …`); given on both sides, the
 * one after the command counts (the last one, as in the AWS CLI).
 */
export const AWS_OPTIONS: readonly OptionSpec[] = [
  {
    flags: "--endpoint-url <url>",
    description:
      "send requests here (e.g. the emulator); default: AWS_ENDPOINT_URL_KMS, AWS_ENDPOINT_URL, the profile's " +
      "services section (kms = / endpoint_url =), the profile's endpoint_url, then AWS KMS; " +
      "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true (or the profile's ignore_configured_endpoint_urls) skips all but this flag",
  },
  {
    flags: "--region <region>",
    description: "AWS region; default: AWS_REGION, AWS_DEFAULT_REGION, then the profile's region",
  },
  {
    flags: "--profile <name>",
    description:
      "a profile of the shared config/credentials files (its region, credentials and endpoint_url); default: AWS_PROFILE, then default",
  },
  {
    flags: "--output <format>",
    description: "json (the AWS CLI's, 4-space indent) or text; default: AWS_DEFAULT_OUTPUT if json or text, else json",
    choices: ["json", "text"],
  },
  {
    flags: "--cli-connect-timeout <seconds>",
    description: "most seconds to wait for a connection; 0 waits forever. On timeout: exit 255",
    defaultValue: 60,
    parse: parseTimeoutSeconds,
  },
  {
    flags: "--cli-read-timeout <seconds>",
    description:
      "most seconds to wait for data on a connection (each attempt; the SDK retries twice); 0 waits forever. On timeout: exit 255",
    defaultValue: 60,
    parse: parseTimeoutSeconds,
  },
  // [DEC] keypolicy never pages its output; the flag is accepted so that command lines written for `aws` work as they are.
  { flags: "--no-cli-pager", description: "accepted as in the AWS CLI; keypolicy never sends its output to a pager" },
];

const KEY_ID: OptionSpec = {
  flags: "--key-id <id>",
  description: "key ID, key ARN, alias name (alias/…) or alias ARN",
  required: true,
};
const POLICY_NAME: OptionSpec = {
  flags: "--policy-name <name>",
  description: "policy name; KMS has one: default (the default)",
};

/** Every command of keypolicy. */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: "serve",
    summary: "run the KMS key-policy emulator on this machine",
    description:
      "Starts the emulator and prints one line, `keypolicy emulator listening on <url>`, once it accepts requests. " +
      "It runs until SIGINT (Ctrl-C) or SIGTERM, then closes its connections and exits 0. " +
      "Log lines go to stderr: every 5xx answer with its cause, a one-line seeding summary with --seed, and one line " +
      "per request with --log-requests. " +
      "Fails with exit code 1 when the port is in use, the seed file is unreadable or invalid, or the --data-dir " +
      "database is damaged or not a SQLite database.",
    options: [
      { flags: "--host <host>", description: "interface to listen on", defaultValue: "127.0.0.1" },
      { flags: "--port <port>", description: "TCP port; 0 picks a free one", defaultValue: 4566, parse: parsePort },
      {
        flags: "--seed <file>",
        description: "YAML or JSON file of keys and aliases to create at start-up (existing ones are kept)",
      },
      {
        flags: "--seed-overwrite",
        description: "with --data-dir: reset keys and aliases the seed names to the seed's values",
      },
      {
        flags: "--region <region>",
        description: "region of requests without a SigV4 credential scope (default us-east-1)",
      },
      {
        flags: "--account-id <id>",
        description: "account of callers whose access key is not an account ID (default 111122223333)",
        parse: parseAccountId,
      },
      { flags: "--data-dir <dir>", description: "keep keys on disk in this directory (default: in memory)" },
      {
        flags: "--auth <mode>",
        description: "none: any signature is accepted; sigv4: verify signatures",
        choices: ["none", "sigv4"],
      },
      { flags: "--identities <file>", description: "access keys and principals accepted with --auth sigv4" },
      { flags: "--enforce-key-policies", description: "authorize every request with the key's policy" },
      {
        flags: "--secure-transport <bool>",
        description: "the aws:SecureTransport policies see (KMS is HTTPS-only, so true as in AWS)",
        choices: ["true", "false"],
        defaultValue: "true",
      },
      {
        flags: "--log-requests",
        description:
          "log one line per request on stderr: operation, status, error, account, region, duration (5xx are always logged)",
      },
      {
        flags: "--control-token <token>",
        description:
          "let callers presenting this in X-Keypolicy-Control-Token use /_keypolicy/health and /_keypolicy/reset " +
          "from any address (default: KEYPOLICY_CONTROL_TOKEN; without a token only loopback callers may)",
      },
    ],
    examples: [
      "keypolicy serve --seed examples/demo-seed.yaml",
      "keypolicy serve --port 0 --region us-east-2 --account-id 111122223333",
      "keypolicy serve --data-dir .keypolicy --seed examples/demo-seed.yaml --seed-overwrite",
    ],
    run: action<ServeOptions>(async () => (await import("./commands/serve.js")).serveCommand),
  },
  {
    name: "get-key-policy",
    summary: "print a KMS key's key policy (like aws kms get-key-policy)",
    description:
      'Calls GetKeyPolicy. With --output json (the default) prints {"Policy": …, "PolicyName": …} as the AWS CLI does; ' +
      "with --output text prints the policy document alone, as `aws kms get-key-policy --query Policy --output text`. " +
      "Malformed input is refused before any request with the error KMS would send.",
    options: [KEY_ID, POLICY_NAME, ...AWS_OPTIONS],
    examples: [
      "keypolicy get-key-policy --key-id 1234abcd-12ab-34cd-56ef-1234567890ab --endpoint-url http://127.0.0.1:4566 --region us-east-2",
      "keypolicy get-key-policy --key-id alias/ExampleAlias --output text > policy.json",
    ],
    run: action<GetKeyPolicyOptions>(async () => (await import("./commands/get-key-policy.js")).getKeyPolicyCommand),
  },
  {
    name: "put-key-policy",
    summary: "replace a KMS key's key policy (like aws kms put-key-policy)",
    description: "Calls PutKeyPolicy. Prints nothing on success. --policy takes the document or file://PATH.",
    options: [
      KEY_ID,
      {
        flags: "--policy <policy>",
        description: "the policy document (JSON), or file://PATH to read it from a file",
        required: true,
      },
      POLICY_NAME,
      {
        flags: "--bypass-policy-lockout-safety-check",
        description: "skip KMS's check that you can still change the policy",
      },
      { flags: "--no-bypass-policy-lockout-safety-check", description: "keep the check (sends false)" },
      ...AWS_OPTIONS,
    ],
    examples: [
      "keypolicy put-key-policy --key-id 1234abcd-12ab-34cd-56ef-1234567890ab --policy file://policy.json",
      "keypolicy get-key-policy --key-id alias/ExampleAlias --output text > p.json && keypolicy put-key-policy --key-id alias/ExampleAlias --policy file://p.json",
    ],
    run: action<PutKeyPolicyOptions>(async () => (await import("./commands/put-key-policy.js")).putKeyPolicyCommand),
  },
  {
    name: "list-key-policies",
    summary: "list the names of a KMS key's policies (like aws kms list-key-policies)",
    description: 'Calls ListKeyPolicies, following every page, and prints {"PolicyNames": [...]} as the AWS CLI does.',
    options: [KEY_ID, ...AWS_OPTIONS],
    examples: [
      "keypolicy list-key-policies --key-id alias/ExampleAlias --endpoint-url http://127.0.0.1:4566 --region us-east-2",
    ],
    run: action<ListKeyPoliciesOptions>(
      async () => (await import("./commands/list-key-policies.js")).listKeyPoliciesCommand,
    ),
  },
];
