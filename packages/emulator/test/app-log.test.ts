import { describe, expect, it } from "vitest";
import { createEmulatorApp, createMemoryStore, type KeyStore, type RequestLogEntry } from "../src/index.js";

const AUTH =
  "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-2/kms/aws4_request, SignedHeaders=host, Signature=00";

function setup(store: KeyStore) {
  const entries: RequestLogEntry[] = [];
  let n = 0;
  let now = 1_700_000_000_000;
  const app = createEmulatorApp({
    store,
    // Each reading of the clock is 5 ms after the last: DescribeKey reads it only to time the request.
    clock: { now: () => (now += 5) },
    ids: {
      keyId: () => "00000000-0000-4000-8000-000000000001",
      requestId: () => `request-${++n}`,
      keyMaterialId: () => "a".repeat(64),
      grantId: () => "b".repeat(64),
      randomBytes: (length: number) => new Uint8Array(length),
    },
    log: (entry) => entries.push(entry),
  });
  const call = (operation: string, body: unknown) =>
    app.request("/", {
      method: "POST",
      headers: {
        "x-amz-target": `TrentService.${operation}`,
        "content-type": "application/x-amz-json-1.1",
        authorization: AUTH,
      },
      body: JSON.stringify(body),
    });
  return { entries, call };
}

describe("the app's log", () => {
  it.each([
    ["an Error", new Error("disk I/O error")],
    ["a value that is not an Error", "a string thrown by a broken store"],
  ])("gets the cause of %s thrown by the store, with the request ID the client got", async (_, thrown) => {
    const store = { ...createMemoryStore(), createKey: async () => Promise.reject(thrown) } as KeyStore;
    const { entries, call } = setup(store);
    const res = await call("CreateKey", {});
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ __type: "KMSInternalException", message: "An internal error occurred." });
    expect(entries).toEqual([
      {
        requestId: res.headers.get("x-amzn-requestid"),
        operation: "CreateKey",
        httpStatus: 500,
        errorName: "KMSInternalException",
        accountId: "111122223333",
        region: "us-east-2",
        durationMs: expect.any(Number), // CreateKey reads the clock too
        cause: thrown,
      },
    ]);
  });

  it("gets one entry per request, without a cause below 500", async () => {
    const { entries, call } = setup(createMemoryStore());
    await call("DescribeKey", { KeyId: "1234abcd-12ab-34cd-56ef-1234567890ab" });
    expect(entries).toEqual([
      {
        requestId: "request-1",
        operation: "DescribeKey",
        httpStatus: 400,
        errorName: "NotFoundException",
        accountId: "111122223333",
        region: "us-east-2",
        durationMs: 5,
        cause: undefined,
      },
    ]);
  });
});
