import { describe, expect, it } from "vitest";
import { createSqlStore, type SqlStatement } from "./sql.js";

describe("createSqlStore clear", () => {
  it("empties the tables in one batch when the database gives one", async () => {
    const single: string[] = [];
    const batches: (readonly SqlStatement[])[] = [];
    const store = createSqlStore(
      async (sql) => {
        single.push(sql);
        return [];
      },
      { batch: async (statements) => void batches.push(statements) },
    );
    await store.clear();
    expect(single).toEqual([]);
    expect(batches).toEqual([
      [
        { sql: "DELETE FROM kms_grants", params: [] },
        { sql: "DELETE FROM kms_aliases", params: [] },
        { sql: "DELETE FROM kms_keys", params: [] },
      ],
    ]);
  });

  it("runs the statements one by one, grants and aliases first, without a batch", async () => {
    const single: string[] = [];
    const store = createSqlStore(async (sql) => {
      single.push(sql);
      return [];
    });
    await store.clear();
    expect(single).toEqual(["DELETE FROM kms_grants", "DELETE FROM kms_aliases", "DELETE FROM kms_keys"]);
  });
});
