export { main } from "./main.js";
export { type CliIo, type CommandDone, type CommandOutcome, type CommandServing } from "./io.js";
export { EXIT_CODES } from "./exit-codes.js";
export { COMMANDS, type CommandSpec, type OptionSpec } from "./command-table.js";
