-- keypolicy emulator store, schema version 5: the secret of each key material, for Encrypt, Decrypt and the data keys.
-- JSON object of key material ID (64 hex) to its 256-bit secret (base64). NULL: the key has no secret stored yet
-- (keys stored at schema 4 or earlier, or keys without KMS-made material); such a key is given one on its first
-- cryptographic use (app/crypto/key-material.ts).
ALTER TABLE kms_keys ADD COLUMN key_material_secrets TEXT;
