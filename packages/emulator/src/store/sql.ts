import type { KeySpec, KeyState, KeyUsageType, OriginType, Tag } from "@keypolicy/core";
import type { KeyPatch, KeyStore, Page, StoredAlias, StoredGrant, StoredKey, StoredKeyMaterial } from "./types.js";

/** A value bound to a `?` placeholder. */
export type SqlValue = string | number | null;

/** A result row: column name to value. */
export type SqlRow = Readonly<Record<string, unknown>>;

/**
 * Runs one SQL statement with positional `?` parameters and answers its rows (the `RETURNING` rows for writes).
 * Each call is one statement, and SQLite (and D1, which is SQLite) runs each statement atomically: that is the whole
 * contract a SQL store needs from its database.
 */
export type SqlQuery = (sql: string, params: readonly SqlValue[]) => Promise<readonly SqlRow[]>;

/** One statement of a {@link SqlBatch}: SQL with positional `?` parameters. */
export interface SqlStatement {
  readonly sql: string;
  readonly params: readonly SqlValue[];
}

/**
 * Runs several statements as one transaction: all of them or none (better-sqlite3's `db.transaction`, D1's
 * `db.batch`). Only {@link KeyStore.clear} needs it, as SQLite cannot empty two tables in one statement.
 */
export type SqlBatch = (statements: readonly SqlStatement[]) => Promise<void>;

/** Options of {@link createSqlStore}. */
export interface SqlStoreOptions {
  /**
   * Runs `clear()`'s statements as one transaction. Without it they run one after another, so a reader between them
   * may see aliases gone and keys still there.
   */
  readonly batch?: SqlBatch;
}

const KEY_COLUMNS = [
  "account_id",
  "region",
  "key_id",
  "partition",
  "description",
  "key_spec",
  "key_usage",
  "origin",
  "key_state",
  "creation_date",
  "deletion_date",
  "pending_deletion_window_in_days",
  "multi_region",
  "current_key_material_id",
  "policy",
  "tags",
  // Schema 2 (0002_key_rotation.sql).
  "key_materials",
  "rotation_period_in_days",
  "next_rotation_date",
  // Schema 3 (0003_multi_region.sql).
  "primary_region",
  // Schema 4 (0004_aws_managed_keys.sql).
  "key_manager",
  // Schema 5 (0005_key_material.sql).
  "key_material_secrets",
] as const;

const INSERT_KEY =
  `INSERT INTO kms_keys (${KEY_COLUMNS.join(", ")}) VALUES (${KEY_COLUMNS.map(() => "?").join(", ")}) ` +
  "ON CONFLICT (account_id, region, key_id) DO NOTHING RETURNING seq";
const SELECT_KEY = "SELECT * FROM kms_keys WHERE account_id = ? AND region = ? AND key_id = ?";
const HAS_KEY = "SELECT 1 AS found FROM kms_keys WHERE account_id = ? AND region = ? AND key_id = ?";
const LIST_KEYS = "SELECT * FROM kms_keys WHERE account_id = ? AND region = ? ORDER BY seq LIMIT ?";
const LIST_KEYS_AFTER =
  "SELECT * FROM kms_keys WHERE account_id = ? AND region = ? AND seq > " +
  "(SELECT seq FROM kms_keys WHERE account_id = ? AND region = ? AND key_id = ?) ORDER BY seq LIMIT ?";
const LIST_KEY_COPIES = "SELECT * FROM kms_keys WHERE account_id = ? AND key_id = ? ORDER BY seq";
const UPDATE_PRIMARY_REGION = "UPDATE kms_keys SET primary_region = ? WHERE account_id = ? AND key_id = ? RETURNING *";
const SELECT_ALIAS = "SELECT * FROM kms_aliases WHERE account_id = ? AND region = ? AND alias_name = ?";
const INSERT_ALIAS =
  "INSERT INTO kms_aliases (account_id, region, alias_name, target_key_id, creation_date, last_updated_date) " +
  "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (account_id, region, alias_name) DO NOTHING RETURNING alias_name";
const UPDATE_ALIAS =
  "UPDATE kms_aliases SET target_key_id = ?, last_updated_date = ? WHERE account_id = ? AND region = ? AND alias_name = ? RETURNING *";
const DELETE_ALIAS =
  "DELETE FROM kms_aliases WHERE account_id = ? AND region = ? AND alias_name = ? RETURNING alias_name";
// Schema 6 (0006_grants.sql).
const INSERT_GRANT =
  "INSERT INTO kms_grants (account_id, region, key_id, grant_id, name, creation_date, grantee_principal, " +
  "retiring_principal, issuing_account, operations, constraints) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) " +
  "ON CONFLICT (account_id, region, grant_id) DO NOTHING RETURNING grant_id";
const SELECT_GRANT = "SELECT * FROM kms_grants WHERE account_id = ? AND region = ? AND grant_id = ?";
const DELETE_GRANT = "DELETE FROM kms_grants WHERE account_id = ? AND region = ? AND grant_id = ? RETURNING grant_id";
// Grants and aliases first, so that even without a batch none is ever left pointing at a removed key.
const CLEAR: readonly SqlStatement[] = [
  { sql: "DELETE FROM kms_grants", params: [] },
  { sql: "DELETE FROM kms_aliases", params: [] },
  { sql: "DELETE FROM kms_keys", params: [] },
];

/**
 * Creates a {@link KeyStore} over any SQLite-compatible database, with the schema of `migrations/*.sql` already
 * applied. Every method is a single statement (writes use `RETURNING`), so each is atomic without an interactive
 * transaction, which D1 does not offer: `updateKey` reads, patches and writes the row inside one `UPDATE`. Behaviour
 * matches the in-memory store, which is the reference.
 *
 * `clear()` empties both tables in one transaction when `options.batch` is given (both runtime stores give it).
 *
 * @param query - runs one statement; see {@link SqlQuery}.
 * @param options - see {@link SqlStoreOptions}.
 */
export function createSqlStore(query: SqlQuery, options: SqlStoreOptions = {}): KeyStore {
  const store: KeyStore = {
    async getKey(scope, keyId) {
      const [row] = await query(SELECT_KEY, [scope.accountId, scope.region, keyId]);
      return row ? rowToKey(row) : undefined;
    },
    async createKey(key) {
      const rows = await query(INSERT_KEY, keyToValues(key));
      return rows.length > 0;
    },
    async updateKey(scope, keyId, patch) {
      const { assignments, values } = patchToAssignments(patch);
      if (assignments.length === 0) return store.getKey(scope, keyId);
      const [row] = await query(
        `UPDATE kms_keys SET ${assignments.join(", ")} WHERE account_id = ? AND region = ? AND key_id = ? RETURNING *`,
        [...values, scope.accountId, scope.region, keyId],
      );
      return row ? rowToKey(row) : undefined;
    },
    async listKeys(scope, { after, limit }) {
      const rows =
        after === undefined
          ? await query(LIST_KEYS, [scope.accountId, scope.region, limit + 1])
          : await query(LIST_KEYS_AFTER, [
              scope.accountId,
              scope.region,
              scope.accountId,
              scope.region,
              after,
              limit + 1,
            ]);
      return page(rows.map(rowToKey), limit);
    },
    async hasKey(scope, keyId) {
      return (await query(HAS_KEY, [scope.accountId, scope.region, keyId])).length > 0;
    },
    async getAlias(scope, aliasName) {
      const [row] = await query(SELECT_ALIAS, [scope.accountId, scope.region, aliasName]);
      return row ? rowToAlias(row) : undefined;
    },
    async createAlias(alias) {
      const rows = await query(INSERT_ALIAS, [
        alias.accountId,
        alias.region,
        alias.aliasName,
        alias.targetKeyId,
        alias.creationDate,
        alias.lastUpdatedDate,
      ]);
      return rows.length > 0;
    },
    async updateAlias(scope, aliasName, targetKeyId, now) {
      const [row] = await query(UPDATE_ALIAS, [targetKeyId, now, scope.accountId, scope.region, aliasName]);
      return row ? rowToAlias(row) : undefined;
    },
    async deleteAlias(scope, aliasName) {
      return (await query(DELETE_ALIAS, [scope.accountId, scope.region, aliasName])).length > 0;
    },
    async listAliases(scope, { after, limit, targetKeyId }) {
      const conditions = ["account_id = ?", "region = ?"];
      const values: SqlValue[] = [scope.accountId, scope.region];
      if (targetKeyId !== undefined) {
        conditions.push("target_key_id = ?");
        values.push(targetKeyId);
      }
      if (after !== undefined) {
        conditions.push("alias_name > ?");
        values.push(after);
      }
      const rows = await query(
        `SELECT * FROM kms_aliases WHERE ${conditions.join(" AND ")} ORDER BY alias_name LIMIT ?`,
        [...values, limit + 1],
      );
      return page(rows.map(rowToAlias), limit);
    },
    async listKeyCopies(accountId, keyId) {
      return (await query(LIST_KEY_COPIES, [accountId, keyId])).map(rowToKey);
    },
    async updatePrimaryRegion(accountId, keyId, primaryRegion) {
      // One statement: every copy changes at once. RETURNING has no ORDER BY, so sort by creation order here.
      const rows = await query(UPDATE_PRIMARY_REGION, [primaryRegion, accountId, keyId]);
      return [...rows].sort((a, b) => Number(a["seq"]) - Number(b["seq"])).map(rowToKey);
    },
    async createGrant(grant) {
      const rows = await query(INSERT_GRANT, [
        grant.accountId,
        grant.region,
        grant.keyId,
        grant.grantId,
        grant.name ?? null,
        grant.creationDate,
        grant.granteePrincipal,
        grant.retiringPrincipal ?? null,
        grant.issuingAccount,
        JSON.stringify(grant.operations),
        grant.constraints === undefined ? null : JSON.stringify(grant.constraints),
      ]);
      return rows.length > 0;
    },
    async getGrant(scope, grantId) {
      const [row] = await query(SELECT_GRANT, [scope.accountId, scope.region, grantId]);
      return row ? rowToGrant(row) : undefined;
    },
    async listGrants(scope, keyId, { after, limit, grantId, granteePrincipal }) {
      const conditions = ["account_id = ?", "region = ?", "key_id = ?"];
      const values: SqlValue[] = [scope.accountId, scope.region, keyId];
      if (grantId !== undefined) {
        conditions.push("grant_id = ?");
        values.push(grantId);
      }
      if (granteePrincipal !== undefined) {
        conditions.push("grantee_principal = ?");
        values.push(granteePrincipal);
      }
      if (after !== undefined) {
        conditions.push(
          "seq > COALESCE((SELECT seq FROM kms_grants WHERE account_id = ? AND region = ? AND grant_id = ?), 1e18)",
        );
        values.push(scope.accountId, scope.region, after);
      }
      const rows = await query(`SELECT * FROM kms_grants WHERE ${conditions.join(" AND ")} ORDER BY seq LIMIT ?`, [
        ...values,
        limit + 1,
      ]);
      return page(rows.map(rowToGrant), limit);
    },
    async listRetirableGrants(region, retiringPrincipal, { after, limit }) {
      const conditions = ["region = ?", "retiring_principal = ?"];
      const values: SqlValue[] = [region, retiringPrincipal];
      if (after !== undefined) {
        conditions.push("seq > COALESCE((SELECT MIN(seq) FROM kms_grants WHERE region = ? AND grant_id = ?), 1e18)");
        values.push(region, after);
      }
      const rows = await query(`SELECT * FROM kms_grants WHERE ${conditions.join(" AND ")} ORDER BY seq LIMIT ?`, [
        ...values,
        limit + 1,
      ]);
      return page(rows.map(rowToGrant), limit);
    },
    async deleteGrant(scope, grantId) {
      return (await query(DELETE_GRANT, [scope.accountId, scope.region, grantId])).length > 0;
    },
    async clear() {
      if (options.batch) {
        await options.batch(CLEAR);
        return;
      }
      for (const { sql, params } of CLEAR) await query(sql, params);
    },
  };
  return store;
}

/** Rows fetched with `LIMIT limit + 1`: the extra row only says that more follow. */
function page<T>(items: readonly T[], limit: number): Page<T> {
  return { items: items.slice(0, limit), truncated: items.length > limit };
}

function keyToValues(key: StoredKey): SqlValue[] {
  return [
    key.accountId,
    key.region,
    key.keyId,
    key.partition,
    key.description,
    key.keySpec,
    key.keyUsage,
    key.origin,
    key.keyState,
    key.creationDate,
    key.deletionDate ?? null,
    key.pendingDeletionWindowInDays ?? null,
    key.multiRegion ? 1 : 0,
    key.currentKeyMaterialId ?? null,
    key.policy,
    JSON.stringify(key.tags),
    key.keyMaterials === undefined ? null : JSON.stringify(key.keyMaterials),
    key.rotationPeriodInDays ?? null,
    key.nextRotationDate ?? null,
    key.primaryRegion ?? null,
    key.keyManager ?? "CUSTOMER",
    key.keyMaterialSecrets === undefined ? null : JSON.stringify(key.keyMaterialSecrets),
  ];
}

function patchToAssignments(patch: KeyPatch): { assignments: string[]; values: SqlValue[] } {
  const assignments: string[] = [];
  const values: SqlValue[] = [];
  const set = (column: string, value: SqlValue): void => {
    assignments.push(`${column} = ?`);
    values.push(value);
  };
  if (patch.description !== undefined) set("description", patch.description);
  if (patch.keyState !== undefined) set("key_state", patch.keyState);
  if (patch.policy !== undefined) set("policy", patch.policy);
  if (patch.tags !== undefined) set("tags", JSON.stringify(patch.tags));
  if (patch.deletionDate !== undefined) set("deletion_date", patch.deletionDate);
  if (patch.pendingDeletionWindowInDays !== undefined)
    set("pending_deletion_window_in_days", patch.pendingDeletionWindowInDays);
  if (patch.currentKeyMaterialId !== undefined) set("current_key_material_id", patch.currentKeyMaterialId);
  if (patch.keyMaterials !== undefined) set("key_materials", JSON.stringify(patch.keyMaterials));
  if (patch.keyMaterialSecrets !== undefined) set("key_material_secrets", JSON.stringify(patch.keyMaterialSecrets));
  if (patch.rotationPeriodInDays !== undefined) set("rotation_period_in_days", patch.rotationPeriodInDays);
  if (patch.nextRotationDate !== undefined) set("next_rotation_date", patch.nextRotationDate);
  return { assignments, values };
}

function rowToKey(row: SqlRow): StoredKey {
  const deletionDate = row["deletion_date"];
  const window = row["pending_deletion_window_in_days"];
  const materialId = row["current_key_material_id"];
  const materials = row["key_materials"];
  const period = row["rotation_period_in_days"];
  const nextRotation = row["next_rotation_date"];
  const primaryRegion = row["primary_region"];
  const secrets = row["key_material_secrets"];
  return {
    accountId: String(row["account_id"]),
    region: String(row["region"]),
    keyId: String(row["key_id"]),
    partition: String(row["partition"]),
    description: String(row["description"]),
    keySpec: String(row["key_spec"]) as KeySpec,
    keyUsage: String(row["key_usage"]) as KeyUsageType,
    origin: String(row["origin"]) as OriginType,
    keyState: String(row["key_state"]) as KeyState,
    creationDate: Number(row["creation_date"]),
    ...(deletionDate === null || deletionDate === undefined ? {} : { deletionDate: Number(deletionDate) }),
    ...(window === null || window === undefined ? {} : { pendingDeletionWindowInDays: Number(window) }),
    multiRegion: Number(row["multi_region"]) === 1,
    ...(primaryRegion === null || primaryRegion === undefined ? {} : { primaryRegion: String(primaryRegion) }),
    ...(materialId === null || materialId === undefined ? {} : { currentKeyMaterialId: String(materialId) }),
    ...(materials === null || materials === undefined
      ? {}
      : { keyMaterials: JSON.parse(String(materials)) as StoredKeyMaterial[] }),
    ...(secrets === null || secrets === undefined
      ? {}
      : { keyMaterialSecrets: JSON.parse(String(secrets)) as Record<string, string> }),
    ...(period === null || period === undefined ? {} : { rotationPeriodInDays: Number(period) }),
    ...(nextRotation === null || nextRotation === undefined ? {} : { nextRotationDate: Number(nextRotation) }),
    policy: String(row["policy"]),
    tags: JSON.parse(String(row["tags"])) as Tag[],
    ...(row["key_manager"] === "AWS" ? { keyManager: "AWS" as const } : {}),
  };
}

function rowToAlias(row: SqlRow): StoredAlias {
  return {
    accountId: String(row["account_id"]),
    region: String(row["region"]),
    aliasName: String(row["alias_name"]),
    targetKeyId: String(row["target_key_id"]),
    creationDate: Number(row["creation_date"]),
    lastUpdatedDate: Number(row["last_updated_date"]),
  };
}

function rowToGrant(row: SqlRow): StoredGrant {
  const name = row["name"];
  const retiring = row["retiring_principal"];
  const constraints = row["constraints"];
  return {
    accountId: String(row["account_id"]),
    region: String(row["region"]),
    keyId: String(row["key_id"]),
    grantId: String(row["grant_id"]),
    ...(name === null || name === undefined ? {} : { name: String(name) }),
    creationDate: Number(row["creation_date"]),
    granteePrincipal: String(row["grantee_principal"]),
    ...(retiring === null || retiring === undefined ? {} : { retiringPrincipal: String(retiring) }),
    issuingAccount: String(row["issuing_account"]),
    operations: JSON.parse(String(row["operations"])) as string[],
    ...(constraints === null || constraints === undefined
      ? {}
      : { constraints: JSON.parse(String(constraints)) as NonNullable<StoredGrant["constraints"]> }),
  };
}
