import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { createSqlStore, type KeyStore, type SqlRow, type SqlStatement, type SqlValue } from "@keypolicy/emulator";
import { StoreError } from "./store-error.js";

export { StoreError };

/** One schema migration: `NNNN_name.sql`, applied in `version` order. */
export interface Migration {
  /** The file's leading number, e.g. 1 for `0001_init.sql`. */
  readonly version: number;
  /** The file name, e.g. `0001_init.sql`. */
  readonly name: string;
  readonly sql: string;
}

/** Options of {@link createSqliteStore}. */
export interface SqliteStoreOptions {
  /** The database file; it and its folder are created if missing. `:memory:` gives a throwaway database. */
  readonly path: string;
  /** Migrations to apply; default {@link readMigrations} of the package's `migrations/` folder. */
  readonly migrations?: readonly Migration[];
}

/** A {@link KeyStore} on a SQLite file. */
export interface SqliteStore extends KeyStore {
  readonly path: string;
  /** The schema version after opening: the highest migration applied. */
  readonly schemaVersion: number;
  /** Closes the database (checkpointing the WAL). Further calls fail. Idempotent. */
  close(): void;
}

/**
 * `@keypolicy/emulator`'s `migrations/` folder: the one schema, shared with the Cloudflare Worker's D1 migrations
 * (same files, applied there by wrangler).
 */
export const MIGRATIONS_DIR = join(
  dirname(createRequire(import.meta.url).resolve("@keypolicy/emulator/package.json")),
  "migrations",
);

const MIGRATION_FILE = /^(\d{4})_[a-z0-9_]+\.sql$/;

/**
 * Reads the migrations in `dir` (files named `NNNN_name.sql`, as wrangler names D1 migrations), in version order.
 *
 * @throws StoreError when two files share a version.
 */
export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .flatMap((name) => {
      const match = MIGRATION_FILE.exec(name);
      return match ? [{ version: Number(match[1]), name, sql: readFileSync(`${dir}/${name}`, "utf8") }] : [];
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (i > 0 && migrations[i - 1]?.version === m.version)
      throw new StoreError(`two migrations have version ${m.version} in ${dir}`);
  });
  return migrations;
}

/**
 * Opens (creating if missing) a SQLite key store with better-sqlite3, and brings its schema up to date: migrations
 * newer than the database's `schema_migrations` are applied in order, all in one transaction (all or none) that
 * takes the write lock first, so two processes opening one file do not both apply them.
 *
 * Durability [DEC]: WAL journal with `synchronous = FULL`, so every write is fsynced before the store's promise
 * resolves, and so before the server answers 200. An answered write survives `kill -9` (for that alone WAL with
 * NORMAL would do: the WAL frame is already in the kernel's page cache) and also an OS crash or power loss, for about
 * 0.2 ms per write measured on this project's CI machine. WAL lets readers run while a write commits;
 * `busy_timeout` makes a second process wait for the write lock instead of failing.
 *
 * @throws StoreError when the file cannot be opened, is not a SQLite database, fails SQLite's `quick_check` (a damaged
 *   file is refused rather than served), or has a schema newer than this version knows (a downgrade would lose data).
 */
export function createSqliteStore(options: SqliteStoreOptions): SqliteStore {
  const { path } = options;
  const migrations = options.migrations ?? readMigrations();
  let db: Database.Database | undefined;
  try {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    db.pragma("busy_timeout = 5000");
  } catch (cause) {
    db?.close();
    if ((cause as { code?: unknown }).code === "SQLITE_NOTADB") {
      throw new StoreError(`${path} is not a SQLite database: move it away, or use another data directory`, { cause });
    }
    throw new StoreError(`cannot open SQLite database ${path}: ${(cause as Error).message}`, { cause });
  }
  try {
    checkIntegrity(db, path);
  } catch (cause) {
    db.close();
    throw cause;
  }
  let schemaVersion: number;
  try {
    schemaVersion = migrate(db, migrations, path);
  } catch (cause) {
    db.close();
    if ((cause as Error).name === "StoreError") throw cause;
    throw new StoreError(`cannot migrate SQLite database ${path}: ${(cause as Error).message}`, { cause });
  }

  const statements = new Map<string, Database.Statement<SqlValue[], SqlRow>>();
  const prepared = (sql: string): Database.Statement<SqlValue[], SqlRow> => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare<SqlValue[], SqlRow>(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  // One transaction (BEGIN IMMEDIATE … COMMIT, rolled back on a throw) for the statements of a batch.
  const runBatch = db.transaction((batch: readonly SqlStatement[]) => {
    for (const { sql, params } of batch) prepared(sql).run(...params);
  });
  const store = createSqlStore(async (sql, params) => prepared(sql).all(...params), {
    batch: async (batch) => {
      runBatch.immediate(batch);
    },
  });
  return {
    ...store,
    path,
    schemaVersion,
    close() {
      if (db.open) db.close();
    },
  };
}

/**
 * Refuses a damaged database before anything reads or writes it [DEC]: `PRAGMA quick_check` walks every page of every
 * table and index (b-tree structure, record format, free list), which is where a torn write, a truncated copy or
 * garbage on disk shows, in time linear in the file's size. `integrity_check` would also cross-check each index
 * against its table (O(N log N)); the cases it adds come from SQLite bugs, not from damage on disk, so start-up does
 * not pay for them.
 *
 * @throws StoreError naming the file and SQLite's first finding (and how many more there are).
 */
function checkIntegrity(db: Database.Database, path: string): void {
  let findings: string[];
  try {
    findings = (db.pragma("quick_check") as { quick_check: string }[]).map((row) => row.quick_check);
  } catch (cause) {
    // A page SQLite needs to run the check at all (the schema) can be unreadable too.
    findings = [(cause as Error).message];
  }
  if (findings.length === 1 && findings[0] === "ok") return;
  const first = (findings[0] ?? "no result").replace(/\s+/g, " ").trim();
  const more = findings.length > 1 ? ` (and ${findings.length - 1} more)` : "";
  throw new StoreError(
    `SQLite database ${path} is damaged (PRAGMA quick_check: ${first}${more}): restore it from a backup, or move it away to start empty`,
  );
}

/**
 * Refuses a database that another program made [DEC]: one with tables but no `schema_migrations` is not a keypolicy
 * store (an empty file or a new database is), and migrating it would add our tables beside someone else's data.
 *
 * @throws StoreError naming the file and up to five of its tables.
 */
function refuseForeignDatabase(db: Database.Database, path: string): void {
  const tables = (
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
      )
      .all() as { name: string }[]
  ).map((row) => row.name);
  if (tables.length === 0 || tables.includes("schema_migrations")) return;
  const named = tables.slice(0, 5).join(", ") + (tables.length > 5 ? `, … (${tables.length} tables)` : "");
  throw new StoreError(
    `${path} is a SQLite database of another program (tables: ${named}), not a keypolicy store: move it away, or use another data directory`,
  );
}

function migrate(db: Database.Database, migrations: readonly Migration[], path: string): number {
  refuseForeignDatabase(db, path);
  db.exec(
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
  );
  const current = (): number =>
    (db.prepare("SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations").get() as { version: number })
      .version;
  const latest = migrations.at(-1)?.version ?? 0;
  const apply = db.transaction(() => {
    const version = current();
    if (version > latest) {
      throw new StoreError(
        `SQLite database ${path} has schema version ${version}, newer than this keypolicy knows (${latest}): upgrade keypolicy`,
      );
    }
    for (const migration of migrations) {
      if (migration.version <= version) continue;
      db.exec(migration.sql);
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
    }
    return current();
  });
  return apply.immediate();
}
