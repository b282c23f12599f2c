-- keypolicy emulator store, schema version 1.
-- Shared by the SQLite store (applied at open, tracked in schema_migrations) and Cloudflare D1 (applied by
-- `wrangler d1 migrations apply`, tracked in d1_migrations). Never edit a released migration: add 0002_….sql.

-- One row per KMS key. `seq` (the rowid) keeps creation order for ListKeys; a key is unique in its account and region.
CREATE TABLE kms_keys (
  seq INTEGER PRIMARY KEY,
  account_id TEXT NOT NULL,
  region TEXT NOT NULL,
  key_id TEXT NOT NULL,
  partition TEXT NOT NULL,
  description TEXT NOT NULL,
  key_spec TEXT NOT NULL,
  key_usage TEXT NOT NULL,
  origin TEXT NOT NULL,
  key_state TEXT NOT NULL,
  -- Epoch milliseconds.
  creation_date INTEGER NOT NULL,
  deletion_date INTEGER,
  pending_deletion_window_in_days INTEGER,
  multi_region INTEGER NOT NULL CHECK (multi_region IN (0, 1)),
  current_key_material_id TEXT,
  -- The key policy in AWS's pretty format, exactly as GetKeyPolicy answers it.
  policy TEXT NOT NULL,
  -- JSON array of {"TagKey","TagValue"}.
  tags TEXT NOT NULL DEFAULT '[]',
  UNIQUE (account_id, region, key_id)
);

CREATE INDEX kms_keys_by_scope ON kms_keys (account_id, region, seq);

-- One row per alias; `alias_name` keeps its `alias/` prefix. ListAliases pages in name order.
CREATE TABLE kms_aliases (
  account_id TEXT NOT NULL,
  region TEXT NOT NULL,
  alias_name TEXT NOT NULL,
  target_key_id TEXT NOT NULL,
  creation_date INTEGER NOT NULL,
  last_updated_date INTEGER NOT NULL,
  PRIMARY KEY (account_id, region, alias_name)
);
