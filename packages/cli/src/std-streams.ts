import type { Writable } from "node:stream";
import { EXIT_CODES } from "./exit-codes.js";

/** Plain texts for the write errors people meet (Node's own messages read `ENOSPC: …, write`). */
const WRITE_ERROR_TEXTS: Readonly<Record<string, string>> = {
  ENOSPC: "No space left on device",
  EDQUOT: "Disk quota exceeded",
  EFBIG: "File too large",
  EIO: "Input/output error",
};

/** Writers for standard output and error that never throw and never let a stream error crash the process. */
export interface StandardWriters {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The exit code to end with: `commandExitCode`, unless standard output failed for another reason than a closed pipe. */
  exitCode(commandExitCode: number): number;
}

/**
 * Guards the process's standard streams (`bin.ts` passes `process.stdout` and `process.stderr`):
 * - standard output's reader went away (EPIPE: `keypolicy … | head -1`): the rest of the output is dropped quietly
 *   and the command's exit code stands, as the AWS CLI v2 does (its formatter ignores `OSError` while writing
 *   [REC aws-cli v2 `awscli/formatter.py`]);
 * - any other failure to write standard output (ENOSPC: `keypolicy … > /dev/full`): one line on stderr,
 *   `Could not write to standard output: No space left on device (ENOSPC)`, and exit 255 [DEC: the AWS CLI ignores
 *   this too and exits 0; keypolicy does not let a lost policy pass for a saved one];
 * - standard error failing: dropped quietly (there is nowhere left to report it).
 *
 * @param onFailure called with the exit code when standard output fails (the command may have returned already).
 */
export function guardStandardStreams(
  stdout: Writable,
  stderr: Writable,
  onFailure: (exitCode: number) => void,
): StandardWriters {
  let stdoutBroken = false;
  let stderrBroken = false;
  let failed = false;
  const writeStderr = (text: string) => {
    if (!stderrBroken) stderr.write(text);
  };
  stderr.on("error", () => {
    stderrBroken = true;
  });
  stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (stdoutBroken) return;
    stdoutBroken = true;
    if (error.code === "EPIPE") return;
    failed = true;
    const code = error.code ?? "";
    const reason = WRITE_ERROR_TEXTS[code] !== undefined ? `${WRITE_ERROR_TEXTS[code]} (${code})` : error.message;
    writeStderr(`\nCould not write to standard output: ${reason}\n`);
    onFailure(EXIT_CODES.other);
  });
  return {
    stdout: (text) => {
      if (!stdoutBroken) stdout.write(text);
    },
    stderr: writeStderr,
    exitCode: (commandExitCode) => (failed ? EXIT_CODES.other : commandExitCode),
  };
}
