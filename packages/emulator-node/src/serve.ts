import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import type { Socket } from "node:net";
import { STATUS_CODES } from "node:http";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { createKmsError, type EncodedResponse, encodeErrorResponse } from "@keypolicy/core";
import {
  applySeed,
  createEmulatorApp,
  createMemoryStore,
  DEFAULT_CONFIG,
  type EmulatorConfig,
  type KeyStore,
  limitMessages,
  type RequestLogEntry,
  type SeedFile,
  type SeedReport,
} from "@keypolicy/emulator";
import { IdentitiesError, loadIdentitiesFile } from "./load-identities.js";
import { loadSeedFile } from "./load-seed.js";
import { formatFaultLine, formatRequestLine } from "./log-lines.js";
import { randomIds, systemClock } from "./runtime.js";
import { nodeSourceIp } from "./source-ip.js";

/** Options of {@link startNodeServer}. */
export interface NodeServerOptions {
  /** Interface to listen on. Default `127.0.0.1`. */
  readonly host?: string;
  /** TCP port; 0 picks a free one. Default 4566. */
  readonly port?: number;
  /** A seed file (YAML or JSON) to load at start-up. */
  readonly seedFile?: string;
  /** Make keys and aliases the seed names match it again, also when they exist already (see `applySeed`). */
  readonly seedOverwrite?: boolean;
  /** Where keys live. Default: a SQLite store in `dataDir` when given, else a new in-memory store. */
  readonly store?: KeyStore;
  /**
   * Keep keys in `<dataDir>/keypolicy.sqlite` (SQLite, WAL; folder and file created if missing) so they survive
   * restarts and crashes: a write answered 200 is on disk. Ignored when `store` is given.
   */
  readonly dataDir?: string;
  readonly config?: Partial<EmulatorConfig>;
  /** `sigv4`: every request must be signed by an identity of `identitiesFile`. Default `sigv4` with an identities file, else `none`. */
  readonly auth?: "none" | "sigv4";
  /** An identities file (YAML or JSON) for `auth: "sigv4"`; see docs/security.md. */
  readonly identitiesFile?: string;
  /** Authorize every operation on a key by the key's policy first. Default `false`. */
  readonly enforceKeyPolicies?: boolean;
  /**
   * Where log lines go, one call per line without its newline. Default: standard error. Every 5xx answer is logged
   * with its cause (see {@link formatFaultLine}); requests too with `logRequests`.
   */
  readonly log?: (line: string) => void;
  /** Log one line per request answered (see {@link formatRequestLine}). Default `false`. */
  readonly logRequests?: boolean;
  /**
   * The control token: callers presenting it in `X-Keypolicy-Control-Token` may use the test-control endpoints
   * (`GET /_keypolicy/health`, `POST /_keypolicy/reset`, `POST /moto-api/reset`) from any address. Without it only
   * loopback peers may (docs/security.md). Default: the `KEYPOLICY_CONTROL_TOKEN` environment variable, if set.
   */
  readonly controlToken?: string;
}

/** A running emulator. */
export interface RunningServer {
  /** `http://<host>:<port>`, ready to answer. */
  readonly url: string;
  readonly port: number;
  readonly seed?: SeedReport;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

/**
 * Starts the emulator on Node with `@hono/node-server`; resolves once it accepts connections.
 *
 * @throws SeedError when the seed file is unreadable or invalid; StoreError when `dataDir` cannot hold the database;
 *   the listen error when the port is taken.
 */
export async function startNodeServer(options: NodeServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? "127.0.0.1";
  const controlToken = options.controlToken ?? (process.env["KEYPOLICY_CONTROL_TOKEN"] || undefined);
  const config: EmulatorConfig = { ...DEFAULT_CONFIG, ...options.config, ...(await securityConfig(options)) };
  // Loaded only when asked for, so in-memory users never load the native module.
  const sqlite =
    !options.store && options.dataDir
      ? (await import("./sqlite.js")).createSqliteStore({ path: join(options.dataDir, "keypolicy.sqlite") })
      : undefined;
  const store = options.store ?? sqlite ?? createMemoryStore();
  const startedAt = systemClock.now();
  let seed: SeedReport | undefined;
  let seedFile: SeedFile | undefined;
  if (options.seedFile) {
    const file = await loadSeedFile(options.seedFile).catch((cause: unknown) => {
      sqlite?.close();
      throw cause;
    });
    seedFile = file;
    seed = await applySeed(
      store,
      file,
      { accountId: config.defaultAccountId, region: config.defaultRegion },
      { clock: systemClock, ids: randomIds },
      { overwrite: options.seedOverwrite === true },
    );
  }
  // Node's HTTP parser enforces the header limit (answered below as the app would), so the app need not measure
  // every request's headers again: materialising them costs about 15 % of GetKeyPolicy's throughput.
  const app = createEmulatorApp({
    store,
    clock: systemClock,
    ids: randomIds,
    sourceIp: nodeSourceIp,
    config: { ...config, headerLimitEnforcedByServer: true },
    log: requestLogger(options),
    control: {
      version: EMULATOR_VERSION,
      store: options.store ? "custom" : sqlite ? "sqlite" : "memory",
      runtime: "node",
      startedAt,
      // The socket's peer address, never a header: a loopback peer needs no token.
      peer: nodeSourceIp,
      ...(controlToken === undefined ? {} : { token: controlToken }),
      ...(seedFile === undefined ? {} : { seed: seedFile }),
    },
  });
  return new Promise((resolve, reject) => {
    // Node answers header overflows and unparseable HTTP itself; give those answers an AWS JSON body as well.
    const serverOptions = { maxHeaderSize: config.maxHeaderBytes };
    const server = serve({ fetch: app.fetch, port: options.port ?? 4566, hostname: host, serverOptions }, (info) => {
      const shownHost = host.includes(":") ? `[${host}]` : host;
      resolve({
        url: `http://${shownHost}:${info.port}`,
        port: info.port,
        ...(seed ? { seed } : {}),
        close: () =>
          new Promise<void>((done) => {
            if ("closeAllConnections" in server) (server as { closeAllConnections(): void }).closeAllConnections();
            server.close(() => {
              sqlite?.close();
              done();
            });
          }),
      });
    });
    server.once("error", (cause) => {
      sqlite?.close();
      reject(cause);
    });
    server.on("clientError", (error: NodeJS.ErrnoException, socket: Socket) =>
      answerClientError(error, socket, config.maxHeaderBytes),
    );
    // [DEC] Requests Node answers without the app otherwise (empty bodies): CONNECT, and an Expect other than
    // 100-continue. Both get AWS JSON, as anything that is not an operation does.
    server.on("connect", (_request: unknown, socket: Socket) =>
      writeRaw(socket, encodeErrorResponse(createKmsError("UnknownOperationException"), randomUUID())),
    );
    server.on("checkExpectation", (_request: unknown, response: ExpectationResponse) => {
      const encoded = encodeErrorResponse(createKmsError("UnknownOperationException"), randomUUID(), 417);
      response.writeHead(encoded.status, { ...encoded.headers, connection: "close" });
      response.end(encoded.body);
    });
  });
}

/** The version of `@keypolicy/emulator` this server runs, as `GET /_keypolicy/health` reports it. */
const EMULATOR_VERSION = (createRequire(import.meta.url)("@keypolicy/emulator/package.json") as { version: string })
  .version;

/** The app's `log`: a fault line for every 5xx, a request line for each request with `logRequests`. */
function requestLogger(options: NodeServerOptions): (entry: RequestLogEntry) => void {
  const write = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const requests = options.logRequests === true;
  return (entry) => {
    if (requests) write(formatRequestLine(entry));
    if (entry.httpStatus >= 500) write(formatFaultLine(entry));
  };
}

async function securityConfig(options: NodeServerOptions): Promise<Partial<EmulatorConfig>> {
  const mode = options.auth ?? (options.identitiesFile === undefined ? undefined : "sigv4");
  const security: { auth?: EmulatorConfig["auth"]; enforceKeyPolicies?: boolean } = {};
  if (options.enforceKeyPolicies !== undefined) security.enforceKeyPolicies = options.enforceKeyPolicies;
  if (mode === "sigv4") {
    if (options.identitiesFile === undefined) throw new IdentitiesError("auth sigv4 needs an identities file");
    security.auth = { mode: "sigv4", ...(await loadIdentitiesFile(options.identitiesFile)) };
  } else if (mode === "none") {
    if (options.identitiesFile !== undefined)
      throw new IdentitiesError("an identities file needs auth sigv4, not none");
    security.auth = { mode: "none" };
  }
  return security;
}

/**
 * [DEC] What Node rejects before the app sees it: oversized headers get the app's own answer (413
 * RequestEntityTooLargeException), unparseable HTTP a 400 SerializationException.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket, maxHeaderBytes: number): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const answer =
    error.code === "HPE_HEADER_OVERFLOW"
      ? createKmsError("RequestEntityTooLargeException", limitMessages.headersTooLarge(maxHeaderBytes))
      : createKmsError("SerializationException", limitMessages.notHttp());
  writeRaw(socket, encodeErrorResponse(answer, randomUUID()));
}

/** The part of Node's `ServerResponse` a `checkExpectation` answer uses. */
interface ExpectationResponse {
  writeHead(status: number, headers: Record<string, string>): void;
  end(body: string): void;
}

/** Serialises an answer onto a raw socket as HTTP/1.1 (Node's reason phrase for the status) and closes it. */
function writeRaw(socket: Socket, response: EncodedResponse): void {
  const headers = Object.entries(response.headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join("");
  socket.end(
    `HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ""}\r\n${headers}` +
      `Content-Length: ${Buffer.byteLength(response.body)}\r\nConnection: close\r\n\r\n${response.body}`,
  );
}
