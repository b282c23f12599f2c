import { mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync, closeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { mkdtempSync } from "node:fs";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { createSqliteStore } from "../src/sqlite.js";

const root = mkdtempSync(join(tmpdir(), "keypolicy-sqlite-integrity-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const SCOPE = { accountId: "111122223333", region: "us-east-2" };

/** A closed keypolicy database (WAL checkpointed into the file) holding `count` keys, so it spans many pages. */
async function databaseWithKeys(path: string, count: number): Promise<void> {
  const store = createSqliteStore({ path });
  for (let i = 0; i < count; i++) {
    await store.createKey({
      ...SCOPE,
      keyId: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      partition: "aws",
      description: `key ${i} `.repeat(20),
      keySpec: "SYMMETRIC_DEFAULT",
      keyUsage: "ENCRYPT_DECRYPT",
      origin: "AWS_KMS",
      keyState: "Enabled",
      creationDate: 1_700_000_000_000,
      multiRegion: false,
      policy: "{ }",
      tags: [],
    });
  }
  store.close();
}

/** Bytes that are the same on every run: no randomness in tests. */
function garbage(length: number): Buffer {
  return Buffer.from(Array.from({ length }, (_, i) => (i * 251 + 17) % 256));
}

describe("SQLite store integrity at open", () => {
  it("opens a sound database and keeps its keys", async () => {
    const path = join(root, "good", "keypolicy.sqlite");
    await databaseWithKeys(path, 200);
    const store = createSqliteStore({ path });
    try {
      expect((await store.listKeys(SCOPE, { limit: 1000 })).items).toHaveLength(200);
    } finally {
      store.close();
    }
  });

  it("refuses a file of garbage bytes as not a SQLite database, leaving it untouched", () => {
    const dir = join(root, "garbage");
    mkdirSync(dir, { recursive: true });
    const path = join(dir, "keypolicy.sqlite");
    const bytes = garbage(64 * 1024);
    writeFileSync(path, bytes);
    expect(() => createSqliteStore({ path })).toThrow(
      expect.objectContaining({
        name: "StoreError",
        message: `${path} is not a SQLite database: move it away, or use another data directory`,
      }),
    );
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it("refuses a real database with a page of garbage in the middle, naming the file and SQLite's finding", async () => {
    const path = join(root, "corrupt", "keypolicy.sqlite");
    await databaseWithKeys(path, 200);
    const db = new Database(path, { readonly: true });
    const pageSize = db.pragma("page_size", { simple: true }) as number;
    const pageCount = db.pragma("page_count", { simple: true }) as number;
    db.close();
    expect(pageCount).toBeGreaterThan(10);
    const fd = openSync(path, "r+");
    writeSync(fd, garbage(pageSize), 0, pageSize, Math.floor(pageCount / 2) * pageSize);
    closeSync(fd);
    let thrown: unknown;
    try {
      createSqliteStore({ path }).close();
    } catch (cause) {
      thrown = cause;
    }
    expect(thrown).toMatchObject({ name: "StoreError" });
    const { message } = thrown as Error;
    expect(message).toMatch(
      new RegExp(
        `^SQLite database ${path} is damaged \\(PRAGMA quick_check: .+\\): restore it from a backup, or move it away to start empty$`,
      ),
    );
    expect(message).not.toContain("\n");
  });
});
