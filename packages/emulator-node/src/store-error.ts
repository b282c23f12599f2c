/**
 * A database the SQLite store cannot open or migrate (unwritable directory, damaged file, not a SQLite database,
 * another program's database, a newer schema); `message` says which file and why. Exported by the main entry and by
 * `@keypolicy/emulator-node/sqlite`, so that catching it does not load the native module.
 */
export class StoreError extends Error {
  override readonly name = "StoreError";
}
