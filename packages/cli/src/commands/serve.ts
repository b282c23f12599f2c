import { resolve } from "node:path";
import type { SeedReport } from "@keypolicy/emulator";
import type { NodeServerOptions } from "@keypolicy/emulator-node";
import { EXIT_CODES } from "../exit-codes.js";
import { type CliIo, type CommandOutcome, done } from "../io.js";

/** Options of `keypolicy serve`. */
export interface ServeOptions {
  /** `--host`, default `127.0.0.1`. */
  readonly host: string;
  /** `--port`, default 4566; 0 picks a free port. */
  readonly port: number;
  /** `--seed`: a YAML or JSON seed file, relative to the working directory. */
  readonly seed?: string;
  /** `--seed-overwrite`: keys and aliases the seed names get the seed's values again, also when they exist. */
  readonly seedOverwrite?: boolean;
  /** `--region`: region of requests without a SigV4 credential scope (and of seed keys without `Region`). */
  readonly region?: string;
  /** `--account-id`: account of access keys that are not account IDs (and of seed keys without `AccountId`). */
  readonly accountId?: string;
  /** `--data-dir`: keep keys on disk there. */
  readonly dataDir?: string;
  /** `--auth`: `none` accepts any signature; `sigv4` verifies it against `--identities`. */
  readonly auth?: "none" | "sigv4";
  /** `--identities`: the access keys and principals `--auth sigv4` accepts. */
  readonly identities?: string;
  /** `--enforce-key-policies`: evaluate key policies on every request. */
  readonly enforceKeyPolicies?: boolean;
  /** `--secure-transport`: the `aws:SecureTransport` policies see, `true` (the default, as in AWS) or `false`. */
  readonly secureTransport?: "true" | "false";
  /** `--log-requests`: one line per request on stderr (5xx answers are always logged with their cause). */
  readonly logRequests?: boolean;
  /**
   * `--control-token`: callers presenting it in `X-Keypolicy-Control-Token` may use the test-control endpoints from
   * any address. Default: `KEYPOLICY_CONTROL_TOKEN` of the environment (which keeps it out of `ps`).
   */
  readonly controlToken?: string;
}

/**
 * `keypolicy serve`: starts the emulator on Node and keeps it running; `main` prints
 * `keypolicy emulator listening on <url>` and closes it on SIGINT/SIGTERM.
 *
 * @returns a serving outcome, or exit 1 with the reason: port in use, seed file unreadable or invalid (the message
 *   names the file and each bad member), an unreadable or invalid identities file, a data dir that cannot hold the
 *   database.
 */
export async function serveCommand(options: ServeOptions, io: CliIo): Promise<CommandOutcome> {
  // Flag combinations that cannot work are usage errors (252), found before anything starts.
  if (options.auth === "sigv4" && options.identities === undefined)
    return usage("--auth sigv4 needs --identities FILE");
  if (options.auth === "none" && options.identities !== undefined)
    return usage("--identities needs --auth sigv4 (or no --auth)");
  const serverOptions: NodeServerOptions = {
    ...(options.dataDir !== undefined ? { dataDir: resolve(io.cwd, options.dataDir) } : {}),
    ...(options.auth !== undefined ? { auth: options.auth } : {}),
    ...(options.identities !== undefined ? { identitiesFile: resolve(io.cwd, options.identities) } : {}),
    ...(options.enforceKeyPolicies === true ? { enforceKeyPolicies: true } : {}),
    ...(options.logRequests === true ? { logRequests: true } : {}),
    ...controlToken(options, io),
    log: (line) => io.stderr(`${line}\n`),
    host: options.host,
    port: options.port,
    ...(options.seed !== undefined ? { seedFile: resolve(io.cwd, options.seed) } : {}),
    ...(options.seedOverwrite === true ? { seedOverwrite: true } : {}),
    config: {
      ...(options.region !== undefined ? { defaultRegion: options.region } : {}),
      ...(options.accountId !== undefined ? { defaultAccountId: options.accountId } : {}),
      ...(options.secureTransport === "false" ? { secureTransport: false } : {}),
    },
  };
  const { startNodeServer } = await import("@keypolicy/emulator-node");
  try {
    const server = await startNodeServer(serverOptions);
    return {
      kind: "serving",
      stdout: `keypolicy emulator listening on ${server.url}\n`,
      ...(server.seed && options.seed !== undefined
        ? { stderr: `${formatSeedSummary(options.seed, server.seed)}\n` }
        : {}),
      close: () => server.close(),
    };
  } catch (cause) {
    return failed(startError(cause, options));
  }
}

/**
 * The start-up line of `--seed` [DEC format]: `keypolicy: seed <file>: keys: <n> created, <n> kept, <n> overwritten;
 * aliases: <n> created, <n> kept, <n> overwritten`. "kept" are those that existed (a `--data-dir`) and were left as they
 * are; "overwritten" those `--seed-overwrite` set back to the seed's values.
 */
export function formatSeedSummary(seedFile: string, report: SeedReport): string {
  const counts = (created: number, existing: number, overwritten: number) =>
    `${created} created, ${existing - overwritten} kept, ${overwritten} overwritten`;
  return (
    `keypolicy: seed ${seedFile}: keys: ${counts(report.keysCreated, report.keysExisting, report.keysOverwritten)}; ` +
    `aliases: ${counts(report.aliasesCreated, report.aliasesExisting, report.aliasesOverwritten)}`
  );
}

/** The control token of `--control-token`, else of `KEYPOLICY_CONTROL_TOKEN` (an empty one is none). */
function controlToken(options: ServeOptions, io: CliIo): { controlToken?: string } {
  const token = options.controlToken ?? io.env["KEYPOLICY_CONTROL_TOKEN"];
  return token ? { controlToken: token } : {};
}

function usage(message: string) {
  return done(EXIT_CODES.usage, { stderr: `keypolicy: ${message}\n` });
}

function failed(message: string) {
  return done(EXIT_CODES.serveFailed, { stderr: `keypolicy: ${message}\n` });
}

function startError(cause: unknown, options: ServeOptions): string {
  const { name, code, message } = cause as { name?: string; code?: string; message?: string };
  if (name === "SeedError" || name === "IdentitiesError" || name === "StoreError") return message ?? `invalid ${name}`;
  const where = `${options.host}:${options.port}`;
  if (code === "EADDRINUSE") return `cannot listen on ${where}: the port is in use`;
  if (code === "EADDRNOTAVAIL") return `cannot listen on ${where}: the address is not available on this machine`;
  if (code === "EACCES") return `cannot listen on ${where}: permission denied`;
  return `cannot start the emulator: ${message ?? String(cause)}`;
}
