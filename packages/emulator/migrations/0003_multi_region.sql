-- keypolicy emulator store, schema version 3: multi-Region keys (ReplicateKey, UpdatePrimaryRegion).
-- A replica is a row in its own Region with the primary's key ID; every copy names the primary's Region.

-- The Region of the key's primary copy, on multi-Region keys; NULL: the key is its own primary (every key stored at
-- schema 2, multi-Region primaries included, reads so).
ALTER TABLE kms_keys ADD COLUMN primary_region TEXT;
-- DescribeKey of a multi-Region key lists its copies in every Region of the account: one lookup by key ID.
CREATE INDEX kms_keys_by_account_key ON kms_keys (account_id, key_id, seq);
