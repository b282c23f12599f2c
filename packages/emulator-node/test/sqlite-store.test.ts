import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { createSqliteStore, readMigrations, type SqliteStore } from "../src/sqlite.js";

const root = mkdtempSync(join(tmpdir(), "keypolicy-sqlite-"));
const opened: SqliteStore[] = [];
afterAll(() => {
  for (const store of opened) store.close();
  rmSync(root, { recursive: true, force: true });
});

function open(path: string): SqliteStore {
  const store = createSqliteStore({ path });
  opened.push(store);
  return store;
}

// The KeyStore behaviour suite runs against this store in @keypolicy/contract-tests (test/key-store.test.ts); here
// only what is SQLite's own: the file, migrations, restarts.

const KEY = {
  accountId: "111122223333",
  region: "us-east-2",
  keyId: "1234abcd-12ab-34cd-56ef-1234567890ab",
  partition: "aws",
  description: "kept",
  keySpec: "SYMMETRIC_DEFAULT",
  keyUsage: "ENCRYPT_DECRYPT",
  origin: "AWS_KMS",
  keyState: "Enabled",
  creationDate: 1_700_000_000_000,
  multiRegion: false,
  policy: "{ }",
  tags: [],
} as const;

describe("SQLite store on disk", () => {
  it("creates its folder and file, and keeps keys and aliases after closing and reopening", async () => {
    const path = join(root, "a", "b", "keys.sqlite");
    const first = open(path);
    await first.createKey(KEY);
    await first.updateKey(KEY, KEY.keyId, { policy: '{\n  "Version" : "2012-10-17"\n}' });
    await first.createAlias({
      ...KEY,
      aliasName: "alias/kept",
      targetKeyId: KEY.keyId,
      creationDate: 1,
      lastUpdatedDate: 2,
    });
    first.close();

    const second = open(path);
    expect(await second.getKey(KEY, KEY.keyId)).toStrictEqual({ ...KEY, policy: '{\n  "Version" : "2012-10-17"\n}' });
    expect(await second.getAlias(KEY, "alias/kept")).toMatchObject({ targetKeyId: KEY.keyId, lastUpdatedDate: 2 });
  });

  it("uses a WAL journal, so a reader holding a snapshot does not block writes", async () => {
    const path = join(root, "wal", "keys.sqlite");
    const store = open(path);
    await store.createKey(KEY);
    const other = new Database(path);
    try {
      expect(other.pragma("journal_mode", { simple: true })).toBe("wal");
      other.exec("BEGIN");
      const before = other.prepare("SELECT policy FROM kms_keys").get() as { policy: string };
      // The snapshot is held open while the store writes.
      await store.updateKey(KEY, KEY.keyId, { policy: '{ "after" : 1 }' });
      expect((other.prepare("SELECT policy FROM kms_keys").get() as { policy: string }).policy).toBe(before.policy);
      other.exec("COMMIT");
      expect((other.prepare("SELECT policy FROM kms_keys").get() as { policy: string }).policy).toBe('{ "after" : 1 }');
    } finally {
      other.close();
    }
  });
});

describe("SQLite schema migrations", () => {
  it("records each applied migration once and applies none again on reopen", () => {
    const path = join(root, "migrations", "keys.sqlite");
    const files = readMigrations();
    expect(files.map((m) => m.name)).toContain("0001_init.sql");
    expect(files.map((m) => m.name)).toContain("0002_key_rotation.sql");
    expect(files.map((m) => m.name)).toContain("0003_multi_region.sql");
    const first = open(path);
    const latest = files.at(-1)?.version;
    expect(first.schemaVersion).toBe(latest);
    first.close();
    expect(open(path).schemaVersion).toBe(latest);
    const db = new Database(path, { readonly: true });
    try {
      expect(db.prepare("SELECT version, name FROM schema_migrations ORDER BY version").all()).toEqual(
        files.map((m) => ({ version: m.version, name: m.name })),
      );
    } finally {
      db.close();
    }
  });

  it("applies only the migrations a database has not seen, in order", () => {
    const path = join(root, "upgrade", "keys.sqlite");
    const [init] = readMigrations();
    // At schema 1 (the package has more migrations now, which the hand-made list below replaces).
    createSqliteStore({ path, migrations: [init!] }).close();
    const upgraded = createSqliteStore({
      path,
      migrations: [
        init!,
        { version: 2, name: "0002_note.sql", sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY);" },
        { version: 3, name: "0003_more.sql", sql: "ALTER TABLE notes ADD COLUMN body TEXT NOT NULL DEFAULT '';" },
      ],
    });
    opened.push(upgraded);
    expect(upgraded.schemaVersion).toBe(3);
  });

  it("opens a database made at schema 1 and upgrades it (0002_key_rotation.sql) with its keys intact", async () => {
    const path = join(root, "schema-1", "keys.sqlite");
    const [init] = readMigrations();
    createSqliteStore({ path, migrations: [init!] }).close();
    // A key as schema 1 stored it: no rotation columns.
    const db = new Database(path);
    db.prepare(
      "INSERT INTO kms_keys (account_id, region, key_id, partition, description, key_spec, key_usage, origin, key_state, " +
        "creation_date, multi_region, current_key_material_id, policy, tags) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    ).run(
      KEY.accountId,
      KEY.region,
      KEY.keyId,
      KEY.partition,
      KEY.description,
      KEY.keySpec,
      KEY.keyUsage,
      KEY.origin,
      KEY.keyState,
      KEY.creationDate,
      0,
      "e".repeat(64),
      KEY.policy,
      '[{"TagKey":"team","TagValue":"kept"}]',
    );
    db.close();

    const upgraded = open(path);
    expect(upgraded.schemaVersion).toBeGreaterThanOrEqual(2);
    const before = { ...KEY, currentKeyMaterialId: "e".repeat(64), tags: [{ TagKey: "team", TagValue: "kept" }] };
    expect(await upgraded.getKey(KEY, KEY.keyId)).toStrictEqual(before);
    const keyMaterials = [
      { keyMaterialId: "e".repeat(64) },
      { keyMaterialId: "f".repeat(64), rotationDate: 1_700_000_100_000, rotationType: "ON_DEMAND" as const },
    ];
    await upgraded.updateKey(KEY, KEY.keyId, {
      currentKeyMaterialId: "f".repeat(64),
      keyMaterials,
      rotationPeriodInDays: 365,
      nextRotationDate: 1_731_536_000_000,
    });
    upgraded.close();
    expect(await open(path).getKey(KEY, KEY.keyId)).toStrictEqual({
      ...before,
      currentKeyMaterialId: "f".repeat(64),
      keyMaterials,
      rotationPeriodInDays: 365,
      nextRotationDate: 1_731_536_000_000,
    });
  });

  it("opens a database made at schema 2 and upgrades it (0003_multi_region.sql): its multi-Region key stays its own primary", async () => {
    const path = join(root, "schema-2", "keys.sqlite");
    const [init, rotation] = readMigrations();
    createSqliteStore({ path, migrations: [init!, rotation!] }).close();
    // A multi-Region primary as schema 2 stored it: no primary_region column.
    const mrk = { ...KEY, keyId: "mrk-1234abcd12ab34cd56ef1234567890ab", multiRegion: true };
    const db = new Database(path);
    db.prepare(
      "INSERT INTO kms_keys (account_id, region, key_id, partition, description, key_spec, key_usage, origin, key_state, " +
        "creation_date, multi_region, policy, tags, rotation_period_in_days, next_rotation_date) " +
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    ).run(
      mrk.accountId,
      mrk.region,
      mrk.keyId,
      mrk.partition,
      mrk.description,
      mrk.keySpec,
      mrk.keyUsage,
      mrk.origin,
      mrk.keyState,
      mrk.creationDate,
      1,
      mrk.policy,
      "[]",
      365,
      1_731_536_000_000,
    );
    db.close();

    const upgraded = open(path);
    expect(upgraded.schemaVersion).toBeGreaterThanOrEqual(3);
    const before = { ...mrk, rotationPeriodInDays: 365, nextRotationDate: 1_731_536_000_000 };
    expect(await upgraded.getKey(mrk, mrk.keyId)).toStrictEqual(before);
    expect(await upgraded.listKeyCopies(mrk.accountId, mrk.keyId)).toStrictEqual([before]);
    // A replica made after the upgrade, and the primary moved to it: both copies say so after reopening.
    const replica = { ...before, region: "eu-west-1", primaryRegion: mrk.region };
    expect(await upgraded.createKey(replica)).toBe(true);
    await upgraded.updatePrimaryRegion(mrk.accountId, mrk.keyId, "eu-west-1");
    upgraded.close();
    expect(await open(path).listKeyCopies(mrk.accountId, mrk.keyId)).toStrictEqual([
      { ...before, primaryRegion: "eu-west-1" },
      { ...replica, primaryRegion: "eu-west-1" },
    ]);
  });

  it("opens a database made at schema 2 and upgrades it (0004_aws_managed_keys.sql): its keys read as customer managed", async () => {
    const path = join(root, "schema-2-managed", "keys.sqlite");
    const before4 = readMigrations().filter((m) => m.version < 4);
    createSqliteStore({ path, migrations: before4 }).close();
    // A key as schema 2 stored it: no key_manager column.
    const db = new Database(path);
    expect(db.prepare("SELECT name FROM pragma_table_info('kms_keys') WHERE name = 'key_manager'").all()).toEqual([]);
    db.prepare(
      "INSERT INTO kms_keys (account_id, region, key_id, partition, description, key_spec, key_usage, origin, key_state, " +
        "creation_date, multi_region, policy, tags) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    ).run(
      KEY.accountId,
      KEY.region,
      KEY.keyId,
      KEY.partition,
      KEY.description,
      KEY.keySpec,
      KEY.keyUsage,
      KEY.origin,
      KEY.keyState,
      KEY.creationDate,
      0,
      KEY.policy,
      "[]",
    );
    db.close();

    const upgraded = open(path);
    expect(upgraded.schemaVersion).toBeGreaterThanOrEqual(4);
    expect(await upgraded.getKey(KEY, KEY.keyId)).toStrictEqual(KEY);
    const managed = { ...KEY, keyId: "0987dcba-09fe-87dc-65ba-ab0987654321", keyManager: "AWS" as const };
    expect(await upgraded.createKey(managed)).toBe(true);
    upgraded.close();
    const reopened = open(path);
    expect(await reopened.getKey(KEY, KEY.keyId)).toStrictEqual(KEY);
    expect(await reopened.getKey(KEY, managed.keyId)).toStrictEqual(managed);
  });

  it("rolls back every pending migration when one fails, and says which database", () => {
    const path = join(root, "failing", "keys.sqlite");
    const [init] = readMigrations();
    expect(() =>
      createSqliteStore({
        path,
        migrations: [init!, { version: 2, name: "0002_bad.sql", sql: "CREATE TABLE broken (" }],
      }),
    ).toThrow(expect.objectContaining({ name: "StoreError", message: expect.stringContaining(path) }));
    const db = new Database(path, { readonly: true });
    try {
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'kms_keys'").all()).toEqual([]);
    } finally {
      db.close();
    }
  });

  it("refuses a database whose schema is newer than this version knows", () => {
    const path = join(root, "newer", "keys.sqlite");
    open(path).close();
    const db = new Database(path);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, '0099_future.sql', 'x')").run();
    db.close();
    expect(() => createSqliteStore({ path })).toThrow(
      expect.objectContaining({
        name: "StoreError",
        message: expect.stringMatching(/schema version 99, newer than this keypolicy knows/),
      }),
    );
  });

  it("refuses a file that is not a SQLite database, leaving it untouched", () => {
    const path = join(root, "notdb", "keys.sqlite");
    open(join(root, "notdb", "other.sqlite")).close();
    const notes = "these are someone's notes, not a database\n".repeat(100);
    writeFileSync(path, notes);
    expect(() => createSqliteStore({ path })).toThrow(expect.objectContaining({ name: "StoreError" }));
    expect(readFileSync(path, "utf8")).toBe(notes);
  });

  it("refuses another program's SQLite database, adding none of its tables", () => {
    const path = join(root, "foreign", "keys.sqlite");
    open(join(root, "foreign", "other.sqlite")).close();
    const other = new Database(path);
    other.exec("CREATE TABLE users (id INTEGER, name TEXT); INSERT INTO users VALUES (1, 'kept')");
    other.close();
    expect(() => createSqliteStore({ path })).toThrow(
      expect.objectContaining({
        name: "StoreError",
        message: `${path} is a SQLite database of another program (tables: users), not a keypolicy store: move it away, or use another data directory`,
      }),
    );
    const after = new Database(path, { readonly: true });
    const tables = after.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all();
    const rows = after.prepare("SELECT * FROM users").all();
    after.close();
    expect(tables).toEqual([{ name: "users" }]);
    expect(rows).toEqual([{ id: 1, name: "kept" }]);
  });

  it("adopts an empty file as a new store", () => {
    const path = join(root, "empty", "keys.sqlite");
    open(join(root, "empty", "other.sqlite")).close();
    writeFileSync(path, "");
    expect(open(path).schemaVersion).toBe(readMigrations().at(-1)?.version);
  });
});
