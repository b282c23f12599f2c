-- keypolicy emulator store, schema version 2: key rotation (EnableKeyRotation, RotateKeyOnDemand, ListKeyRotations).
-- Columns only: keys stored at schema 1 read as keys that never rotated, with automatic rotation disabled.

-- JSON array of {"keyMaterialId","rotationDate"?,"rotationType"?}, oldest first, the last one current; NULL: the key
-- has not rotated and its only material is current_key_material_id.
ALTER TABLE kms_keys ADD COLUMN key_materials TEXT;
-- Set exactly while automatic rotation is enabled: days between rotations, and the next rotation (epoch milliseconds).
ALTER TABLE kms_keys ADD COLUMN rotation_period_in_days INTEGER;
ALTER TABLE kms_keys ADD COLUMN next_rotation_date INTEGER;
