import { expect, it } from "vitest";

it("exports exactly the public runtime names, so that a new export is a deliberate change", async () => {
  expect(Object.keys(await import("../src/index.js")).sort()).toEqual([
    "IdentitiesError",
    "SeedError",
    "StoreError",
    "formatFaultLine",
    "formatRequestLine",
    "loadIdentitiesFile",
    "loadSeedFile",
    "randomIds",
    "startNodeServer",
    "systemClock",
  ]);
  expect(Object.keys(await import("../src/sqlite.js")).sort()).toEqual([
    "MIGRATIONS_DIR",
    "StoreError",
    "createSqliteStore",
    "readMigrations",
  ]);
});
