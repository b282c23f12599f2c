import { join } from "node:path";
import { serve } from "@hono/node-server";
import { createEmulatorApp } from "../app/create-app.js";
import { DEFAULT_CONFIG, type EmulatorConfig } from "../app/deps.js";
import { applySeed, type SeedReport } from "../seed/seed.js";
import { createMemoryStore } from "../store/memory.js";
import type { KeyStore } from "../store/types.js";
import { loadSeedFile } from "./load-seed.js";
import { randomIds, systemClock } from "./runtime.js";

/** Options of {@link startNodeServer}. */
export interface NodeServerOptions {
  /** Interface to listen on. Default `127.0.0.1`. */
  readonly host?: string;
  /** TCP port; 0 picks a free one. Default 4566. */
  readonly port?: number;
  /** A seed file (YAML or JSON) to load at start-up. */
  readonly seedFile?: string;
  /** Where keys live. Default: a SQLite store in `dataDir` when given, else a new in-memory store. */
  readonly store?: KeyStore;
  /**
   * Keep keys in `<dataDir>/keypolicy.sqlite` (SQLite, WAL; folder and file created if missing) so they survive
   * restarts and crashes: a write answered 200 is on disk. Ignored when `store` is given.
   */
  readonly dataDir?: string;
  readonly config?: Partial<EmulatorConfig>;
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
  const config: EmulatorConfig = { ...DEFAULT_CONFIG, ...options.config };
  // Loaded only when asked for, so in-memory users never load the native module.
  const sqlite =
    !options.store && options.dataDir
      ? (await import("../store/sqlite.js")).createSqliteStore({ path: join(options.dataDir, "keypolicy.sqlite") })
      : undefined;
  const store = options.store ?? sqlite ?? createMemoryStore();
  let seed: SeedReport | undefined;
  if (options.seedFile) {
    const file = await loadSeedFile(options.seedFile).catch((cause: unknown) => {
      sqlite?.close();
      throw cause;
    });
    seed = await applySeed(store, file, { accountId: config.defaultAccountId, region: config.defaultRegion }, { clock: systemClock, ids: randomIds });
  }
  const app = createEmulatorApp({ store, clock: systemClock, ids: randomIds, config });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port ?? 4566, hostname: host }, (info) => {
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
  });
}
