/**
 * What a command may use of the outside world. `bin.ts` builds one from `process`; tests pass a fake.
 * Commands never print: they return a {@link CommandOutcome} and `main` writes it here.
 */
export interface CliIo {
  /** Writes to standard output, as is (no newline added). */
  stdout(text: string): void;
  /** Writes to standard error, as is (no newline added). */
  stderr(text: string): void;
  /** The environment the command sees (`process.env` in `bin.ts`): AWS_REGION, AWS_PROFILE, AWS_ENDPOINT_URL_KMS, … */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The directory relative paths (`file://policy.json`, `--seed`) are resolved against. */
  readonly cwd: string;
  /**
   * Resolves with the signal's name (`SIGINT`, `SIGTERM`) when the user asks a long-running command (`serve`) to
   * stop. `main` calls it before it prints the ready line, so the handlers are in place when a caller sees it.
   */
  untilShutdown(): Promise<string>;
}

/** The result of a finished command: text for each stream and the process exit code. */
export interface CommandDone {
  readonly kind: "done";
  /** 0 on success; otherwise one of {@link EXIT_CODES}. */
  readonly exitCode: number;
  readonly stdout?: string;
  readonly stderr?: string;
}

/** A command that keeps running (the emulator): `main` prints `stdout`, waits for a shutdown signal, then closes it. */
export interface CommandServing {
  readonly kind: "serving";
  /** What to print once ready: one line. */
  readonly stdout: string;
  /** Notes to print on stderr right after it (e.g. the seeding summary), if any. */
  readonly stderr?: string;
  /** Stops serving; resolves once every connection is closed. */
  close(): Promise<void>;
}

/** What a command's action returns. */
export type CommandOutcome = CommandDone | CommandServing;

/** A finished command's outcome. */
export function done(exitCode: number, streams: { stdout?: string; stderr?: string } = {}): CommandDone {
  return { kind: "done", exitCode, ...streams };
}
