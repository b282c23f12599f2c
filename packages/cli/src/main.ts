import { readFileSync } from "node:fs";
import { Command, Option } from "commander";
import { AWS_OPTIONS, COMMANDS, type CommandSpec, type OptionSpec } from "./command-table.js";
import { EXIT_CODES, EXIT_CODES_HELP } from "./exit-codes.js";
import type { CliIo, CommandOutcome } from "./io.js";

const USAGE_HINT = `usage: keypolicy <command> [options]
To see help text, you can run:

  keypolicy --help
  keypolicy <command> --help
`;

/** Commander's codes for a command line it refused (anything but help and version). */
const HELP_OR_VERSION = new Set(["commander.helpDisplayed", "commander.version"]);

/**
 * Runs keypolicy with `argv` (the arguments after the program name) and returns the exit code. Everything it reads
 * and writes goes through `io`, so tests call it in-process with a fake.
 *
 * Exit codes: see {@link EXIT_CODES}. Usage errors print the AWS CLI-style usage hint and
 * `keypolicy: error: <what>` on stderr (exit 252).
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let outcome: CommandOutcome | undefined;
  let commanderError = "";
  const program = createProgram(io, (message) => {
    commanderError += message;
  });
  // The AWS CLI's global options may come before the command too; given there, they are the program's options.
  // Defaults stay with the command's own flags, so that a flag given before the command is not hidden by them.
  for (const { defaultValue: _, ...optionSpec } of AWS_OPTIONS) program.addOption(createOption(optionSpec));
  program.enablePositionalOptions();
  for (const spec of COMMANDS) {
    addCommand(program, spec, async (options) => {
      outcome = await spec.run(options, io);
    });
  }
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (cause) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("commander.")) {
      if (HELP_OR_VERSION.has(code)) return EXIT_CODES.success;
      // `keypolicy` alone: commander has printed the help on stderr.
      if (code === "commander.help") return EXIT_CODES.usage;
      const message = commanderError.trim().replace(/^error: /, "");
      io.stderr(`\n${USAGE_HINT}\nkeypolicy: error: ${message}\n\n`);
      return EXIT_CODES.usage;
    }
    io.stderr(`\n${cause instanceof Error ? cause.message : String(cause)}\n`);
    return EXIT_CODES.other;
  }
  if (outcome === undefined) return EXIT_CODES.success;
  if (outcome.kind === "done") {
    if (outcome.stdout) io.stdout(outcome.stdout);
    if (outcome.stderr) io.stderr(outcome.stderr);
    return outcome.exitCode;
  }
  // Listen for the shutdown signal before saying we are ready: a signal sent right after the ready line must stop
  // the server cleanly (exit 0), not kill the process with Node's default handler (exit 143).
  const shutdown = io.untilShutdown();
  io.stdout(outcome.stdout);
  if (outcome.stderr) io.stderr(outcome.stderr);
  await shutdown;
  await outcome.close();
  return EXIT_CODES.success;
}

function createProgram(io: CliIo, onError: (message: string) => void): Command {
  return new Command("keypolicy")
    .description(
      "Read and write AWS KMS key policies (against AWS or the emulator), and serve the KMS key-policy emulator.",
    )
    .version(readVersion(), "--version", "print the version")
    .helpOption("-h, --help", "print help")
    .helpCommand(false)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: onError })
    .showSuggestionAfterError(true)
    .addHelpText(
      "after",
      `
Credentials and region come from the standard AWS chain: AWS_ACCESS_KEY_ID,
AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN; --profile or AWS_PROFILE with the
shared files (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE); SSO, process and
web identity credentials; container and instance metadata.

Requests go to --endpoint-url, else AWS_ENDPOINT_URL_KMS, AWS_ENDPOINT_URL, the
kms endpoint_url of the profile's services section, the profile's endpoint_url,
else AWS KMS (AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true keeps only the flag).
--cli-connect-timeout / --cli-read-timeout: seconds, default 60, 0 for none.

${EXIT_CODES_HELP}

Run \`keypolicy <command> --help\` for a command's flags and examples.`,
    );
}

function createOption(optionSpec: OptionSpec): Option {
  const option = new Option(optionSpec.flags, optionSpec.description);
  if (optionSpec.required) option.makeOptionMandatory(true);
  if (optionSpec.choices) option.choices(optionSpec.choices);
  if (optionSpec.parse) option.argParser(optionSpec.parse);
  if (optionSpec.defaultValue !== undefined) option.default(optionSpec.defaultValue);
  return option;
}

function addCommand(
  program: Command,
  spec: CommandSpec,
  run: (options: Record<string, unknown>) => Promise<void>,
): void {
  const command = program
    .command(spec.name)
    .summary(spec.summary)
    .description(spec.description)
    .allowExcessArguments(false);
  for (const optionSpec of spec.options) command.addOption(createOption(optionSpec));
  const examples = spec.examples.map((line) => `  $ ${line}`).join("\n");
  command.addHelpText("after", `\nExamples:\n${examples}\n\n${EXIT_CODES_HELP}\n`);
  command.action(async (options: Record<string, unknown>) => run(withGlobalOptions(program, command, options)));
}

/**
 * The command's options with the global options given before it: a flag given after the command wins (it comes
 * last). A global option the command does not take (`keypolicy --endpoint-url … serve`) is refused as it is after
 * the command: `unknown option '--endpoint-url'` (exit 252).
 */
function withGlobalOptions(
  program: Command,
  command: Command,
  options: Record<string, unknown>,
): Record<string, unknown> {
  const merged = { ...options };
  for (const option of program.options) {
    const name = option.attributeName();
    if (program.getOptionValueSource(name) !== "cli") continue;
    if (!command.options.some((own) => own.attributeName() === name)) {
      command.error(`error: unknown option '${option.long ?? option.flags}'`, { code: "commander.unknownOption" });
    }
    if (command.getOptionValueSource(name) !== "cli") merged[name] = program.getOptionValue(name);
  }
  return merged;
}

function readVersion(): string {
  // src/main.ts and dist/main.js both sit one level below package.json.
  const text = readFileSync(new URL("../package.json", import.meta.url), "utf8");
  return (JSON.parse(text) as { version: string }).version;
}
