import type { RunningServer } from "@keypolicy/emulator-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../src/servers.js";

/** Malformed requests over a real socket: each gets an AWS-shaped JSON error, never a 500 or HTML. */
describe("protocol hygiene over HTTP", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startEmulator();
  });
  afterAll(async () => {
    await server?.close();
  });

  const json = { "content-type": "application/x-amz-json-1.1" };
  it.each([
    {
      what: "a body that is not JSON",
      init: { method: "POST", headers: { ...json, "x-amz-target": "TrentService.GetKeyPolicy" }, body: "{not json" },
      status: 400,
      type: "SerializationException",
    },
    {
      what: "a JSON body that is not an object",
      init: { method: "POST", headers: { ...json, "x-amz-target": "TrentService.GetKeyPolicy" }, body: '"text"' },
      status: 400,
      type: "SerializationException",
    },
    {
      what: "an unknown operation",
      init: { method: "POST", headers: { ...json, "x-amz-target": "TrentService.DoesNotExist" }, body: "{}" },
      status: 400,
      type: "UnknownOperationException",
    },
    {
      what: "no X-Amz-Target",
      init: { method: "POST", headers: json, body: "{}" },
      status: 400,
      type: "UnknownOperationException",
    },
    {
      what: "a form content type",
      init: {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-amz-target": "TrentService.ListKeys" },
        body: "a=b",
      },
      status: 400,
      type: "UnknownOperationException",
    },
    { what: "a GET", init: { method: "GET" }, status: 400, type: "UnknownOperationException" },
    { what: "a DELETE", init: { method: "DELETE" }, status: 400, type: "UnknownOperationException" },
    {
      what: "a body over 1 MiB",
      init: {
        method: "POST",
        headers: { ...json, "x-amz-target": "TrentService.ListKeys" },
        body: `{"Marker":"${"x".repeat(1_100_000)}"}`,
      },
      status: 413,
      type: "RequestEntityTooLargeException",
    },
  ])("answers $what with $status $type", async ({ init, status, type }) => {
    const response = await fetch(server.url, init);
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toBe("application/x-amz-json-1.1");
    expect(response.headers.get("x-amzn-requestid")).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    const body = (await response.json()) as { __type: string };
    expect(body.__type).toBe(type);
  });
});
