-- keypolicy emulator store, schema version 4: AWS managed keys (the keys behind the predefined alias/aws/… aliases).
-- A column only: keys stored before it read as customer managed keys.

-- `CUSTOMER` or `AWS`: DescribeKey's KeyManager. An AWS managed key is made on first use of its alias.
ALTER TABLE kms_keys ADD COLUMN key_manager TEXT NOT NULL DEFAULT 'CUSTOMER' CHECK (key_manager IN ('CUSTOMER', 'AWS'));
