import { createSqlStore, type SqlRow, type SqlValue } from "./sql.js";
import type { KeyStore } from "./types.js";

/**
 * The part of a Cloudflare D1 binding the store uses (structurally the `D1Database` of `@cloudflare/workers-types`,
 * and Miniflare's `getD1Database()` proxy), so this package needs no Workers types.
 */
export interface D1DatabaseLike {
  prepare(query: string): D1PreparedStatementLike;
  /** Runs the statements as one transaction (D1: "batched statements are SQL transactions"). */
  batch(statements: D1BoundStatementLike[]): Promise<unknown[]>;
}

/** The part of a D1 prepared statement the store uses. */
export interface D1PreparedStatementLike {
  bind(...values: unknown[]): D1BoundStatementLike;
}

/** A D1 statement with its parameters bound. */
export interface D1BoundStatementLike {
  all(): Promise<{ results: unknown[] }>;
}

/**
 * Creates a {@link KeyStore} on a Cloudflare D1 database. The schema is the SQLite store's (`migrations/*.sql` of this
 * package), applied by `wrangler d1 migrations apply`; the store does not migrate by itself. Every method is one
 * statement, which D1 runs atomically; `clear()` is one `batch` (a transaction). Runtime-neutral: no Node APIs.
 *
 * @see https://developers.cloudflare.com/d1/worker-api/d1-database/
 */
export function createD1Store(db: D1DatabaseLike): KeyStore {
  return createSqlStore(
    async (sql: string, params: readonly SqlValue[]) => {
      const { results } = await db
        .prepare(sql)
        .bind(...params)
        .all();
      return results as SqlRow[];
    },
    {
      batch: async (statements) => {
        await db.batch(statements.map(({ sql, params }) => db.prepare(sql).bind(...params)));
      },
    },
  );
}
