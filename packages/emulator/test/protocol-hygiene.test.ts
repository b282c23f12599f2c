// What of the emulator's request handling cannot be a contract case, and why.
//
// The key lifecycle (EnableKey, DisableKey, ScheduleKeyDeletion, CancelKeyDeletion), the alias operations, the tag
// operations, their key-state rules and texts, and the key-policy document checks of CreateKey and PutKeyPolicy are
// contract cases now (packages/contract-tests/fixtures/cases/key-lifecycle.json, alias-operations.json, tags.json,
// policy-documents.json), each with its source, run against every target by @keypolicy/contract-tests.
//
// A contract case is a JSON object sent as an awsJson1_1 request by each target (app.request, the SDK, the CLI, real
// AWS). What stays here is below that level, so no target but a raw one could send it: bodies that are not JSON
// objects, other methods and content types, and a streaming body without a Content-Length (the SDKs and the CLI
// always send a JSON object with a length).
import { describe, expect, it } from "vitest";
import { createEmulatorApp, createMemoryStore } from "../src/index.js";

const NOW = 1_700_000_000_000;

function makeApp() {
  let counter = 0;
  const ids = {
    keyId: () => `00000000-0000-4000-8000-${String(++counter).padStart(12, "0")}`,
    requestId: () => "11111111-1111-4111-8111-111111111111",
    keyMaterialId: () => "a".repeat(64),
    grantId: () => "b".repeat(64),
    randomBytes: (length: number) => new Uint8Array(length),
  };
  return createEmulatorApp({ store: createMemoryStore(), clock: { now: () => NOW }, ids });
}

describe("protocol hygiene", () => {
  const app = makeApp();
  const headers = { "content-type": "application/x-amz-json-1.1", "x-amz-target": "TrentService.ListKeys" };

  it.each([
    {
      what: "a body that is not JSON",
      init: { method: "POST", headers, body: "{not json" },
      type: "SerializationException",
    },
    { what: "a JSON array body", init: { method: "POST", headers, body: "[1]" }, type: "SerializationException" },
    {
      what: "a text/plain content type",
      init: { method: "POST", headers: { ...headers, "content-type": "text/plain" }, body: "{}" },
      type: "UnknownOperationException",
    },
    {
      what: "no content type",
      init: { method: "POST", headers: { "x-amz-target": "TrentService.ListKeys" }, body: "{}" },
      type: "UnknownOperationException",
    },
    { what: "a GET", init: { method: "GET" }, type: "UnknownOperationException" },
    { what: "a PUT", init: { method: "PUT", headers, body: "{}" }, type: "UnknownOperationException" },
    { what: "a DELETE on another path", init: { method: "DELETE" }, path: "/x", type: "UnknownOperationException" },
    {
      what: "an unknown operation",
      init: { method: "POST", headers: { ...headers, "x-amz-target": "TrentService.DoesNotExist" }, body: "{}" },
      type: "UnknownOperationException",
    },
  ])("answers $what with an AWS-shaped 400", async ({ init, type, path }) => {
    const response = await app.request(path ?? "/", init);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/x-amz-json-1.1");
    expect(response.headers.get("x-amzn-RequestId")).toMatch(/^[0-9a-f-]{36}$/);
    expect((JSON.parse(await response.text()) as { __type: string }).__type).toBe(type);
  });

  it("accepts application/json with a charset", async () => {
    const response = await app.request("/", {
      method: "POST",
      headers: { ...headers, "content-type": "application/json; charset=utf-8" },
      body: "{}",
    });
    expect(response.status).toBe(200);
  });

  it("answers a body over the limit without a Content-Length with 413, never reading it all", async () => {
    const small = createEmulatorApp({
      store: createMemoryStore(),
      clock: { now: () => NOW },
      ids: {
        keyId: () => "k",
        requestId: () => "11111111-1111-4111-8111-111111111111",
        keyMaterialId: () => "a",
        grantId: () => "b",
        randomBytes: (length: number) => new Uint8Array(length),
      },
      config: { maxBodyBytes: 64 },
    });
    const chunk = new TextEncoder().encode(" ".repeat(50));
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 1000) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const response = await small.request("/", { method: "POST", headers, body, duplex: "half" } as RequestInit);
    expect(response.status).toBe(413);
    expect(JSON.parse(await response.text())).toMatchObject({ __type: "RequestEntityTooLargeException" });
    expect(pulled).toBeLessThan(10);
  });
});
