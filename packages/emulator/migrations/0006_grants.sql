-- keypolicy emulator store, schema version 6: grants (CreateGrant, ListGrants, ListRetirableGrants, RetireGrant,
-- RevokeGrant). A new table only: databases of earlier schemas have no grants.

CREATE TABLE kms_grants (
  -- Creation order, for ListGrants' and ListRetirableGrants' pages.
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id TEXT NOT NULL,
  region TEXT NOT NULL,
  key_id TEXT NOT NULL,
  -- 64 lowercase hex characters.
  grant_id TEXT NOT NULL,
  name TEXT,
  -- Epoch milliseconds.
  creation_date INTEGER NOT NULL,
  grantee_principal TEXT NOT NULL,
  retiring_principal TEXT,
  issuing_account TEXT NOT NULL,
  -- JSON array of GrantOperation names.
  operations TEXT NOT NULL,
  -- JSON object {"EncryptionContextSubset"?, "EncryptionContextEquals"?}; NULL: no constraints.
  constraints TEXT,
  UNIQUE (account_id, region, grant_id)
);
CREATE INDEX kms_grants_by_key ON kms_grants (account_id, region, key_id, seq);
CREATE INDEX kms_grants_by_retiring_principal ON kms_grants (region, retiring_principal, seq);
