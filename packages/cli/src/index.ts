// The public API of @keypolicy/cli for embedding the CLI, as an explicit list: a new export is a deliberate change
// (test/public-api.test.ts pins the runtime names). Commands' actions and the AWS plumbing stay inside the package.

// Running the CLI with your own streams, environment and shutdown signal; it resolves to the exit code.
export { main } from "./main.js";
export type { CliIo, CommandDone, CommandOutcome, CommandServing } from "./io.js";
export { EXIT_CODES } from "./exit-codes.js";

// The commands as data: every command, its flags and their help.
export { COMMANDS, type CommandSpec, type OptionSpec } from "./command-table.js";
