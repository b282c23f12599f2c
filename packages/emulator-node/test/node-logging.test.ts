import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { createSqlStore, type SqlRow, type SqlValue } from "@keypolicy/emulator";
import { startNodeServer } from "../src/index.js";
import { createSqliteStore } from "../src/sqlite.js";

const root = mkdtempSync(join(tmpdir(), "keypolicy-node-logging-"));
const cleanups: (() => void | Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  rmSync(root, { recursive: true, force: true });
});

const AUTH =
  "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/eu-west-3/kms/aws4_request, SignedHeaders=host;x-amz-date, Signature=00";

/** A real SQLite key store on a database opened read-only: every write throws SqliteError SQLITE_READONLY. */
function readOnlySqliteStore() {
  const path = join(root, "readonly", "keypolicy.sqlite");
  createSqliteStore({ path }).close();
  const db = new Database(path, { readonly: true });
  cleanups.push(() => {
    db.close();
  });
  return createSqlStore(async (sql, params) => db.prepare<SqlValue[], SqlRow>(sql).all(...params));
}

async function start(options: Parameters<typeof startNodeServer>[0]) {
  const lines: string[] = [];
  const server = await startNodeServer({ port: 0, log: (line) => lines.push(line), ...options });
  cleanups.push(() => server.close());
  const call = (operation: string, body: unknown, headers: Record<string, string> = { authorization: AUTH }) =>
    fetch(server.url, {
      method: "POST",
      headers: {
        "x-amz-target": `TrentService.${operation}`,
        "content-type": "application/x-amz-json-1.1",
        ...headers,
      },
      body: JSON.stringify(body),
    });
  return { lines, call, url: server.url };
}

describe("Node server log", () => {
  it("logs a 5xx from a read-only SQLite database with its cause, and sends the client no cause", async () => {
    const { lines, call } = await start({ store: readOnlySqliteStore() });
    const res = await call("CreateKey", {});
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ __type: "KMSInternalException", message: "An internal error occurred." });
    expect(text).not.toMatch(/readonly|Sqlite|at /);
    const requestId = res.headers.get("x-amzn-requestid");
    expect(lines).toEqual([
      `keypolicy fault operation=CreateKey status=500 request-id=${requestId} cause=SqliteError code=SQLITE_READONLY message="attempt to write a readonly database"`,
    ]);
  });

  it("logs nothing for answered requests below 500 unless asked to", async () => {
    const { lines, call } = await start({});
    expect((await call("CreateKey", {})).status).toBe(200);
    expect((await call("DescribeKey", { KeyId: "1234abcd-12ab-34cd-56ef-1234567890ab" })).status).toBe(400);
    expect(lines).toEqual([]);
  });

  it("logs one line per request with logRequests: operation, status, error, account, region, duration", async () => {
    const { lines, call, url } = await start({ logRequests: true });
    const created = await call("CreateKey", {});
    const missing = await call("DescribeKey", { KeyId: "1234abcd-12ab-34cd-56ef-1234567890ab" });
    const unknown = await call("NoSuchOperation", {});
    const unsigned = await fetch(url, { method: "GET" });
    const ids = [created, missing, unknown, unsigned].map((r) => r.headers.get("x-amzn-requestid"));
    const ms = "duration-ms=\\d+";
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(
      new RegExp(
        `^keypolicy request operation=CreateKey status=200 error=- account=111122223333 region=eu-west-3 ${ms} request-id=${ids[0]}$`,
      ),
    );
    expect(lines[1]).toMatch(
      new RegExp(
        `^keypolicy request operation=DescribeKey status=400 error=NotFoundException account=111122223333 region=eu-west-3 ${ms} request-id=${ids[1]}$`,
      ),
    );
    expect(lines[2]).toMatch(
      new RegExp(
        `^keypolicy request operation=- status=400 error=UnknownOperationException account=111122223333 region=eu-west-3 ${ms} request-id=${ids[2]}$`,
      ),
    );
    expect(lines[3]).toMatch(
      new RegExp(
        `^keypolicy request operation=- status=400 error=UnknownOperationException account=- region=- ${ms} request-id=${ids[3]}$`,
      ),
    );
  });

  it("logs both the request line and the fault line of a 5xx with logRequests", async () => {
    const { lines, call } = await start({ store: readOnlySqliteStore(), logRequests: true });
    expect((await call("CreateKey", {})).status).toBe(500);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^keypolicy request operation=CreateKey status=500 error=KMSInternalException account=111122223333 region=eu-west-3 /,
    );
    expect(lines[1]).toMatch(/^keypolicy fault operation=CreateKey status=500 .* cause=SqliteError /);
  });
});
