import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startNodeServer } from "../../src/serve.js";

describe("hostile HTTP at the Node server", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startNodeServer({ port: 0 });
  });
  afterAll(async () => {
    await server?.close();
  });

  /** Sends raw bytes to the server and reads everything it answers (bounded by a 10 s socket timeout). */
  function raw(bytes: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = connect(server.port, "127.0.0.1");
      let received = "";
      socket.setTimeout(10_000, () => socket.destroy(new Error("no answer in 10 s")));
      socket.on("data", (chunk) => (received += chunk.toString("latin1")));
      socket.on("end", () => resolve(received));
      socket.on("close", () => resolve(received));
      socket.on("error", reject);
      socket.write(bytes);
    });
  }

  it.each([
    ["CONNECT", "CONNECT 127.0.0.1:443 HTTP/1.1\r\nHost: 127.0.0.1:443\r\n\r\n", "400"],
    [
      "an Expect other than 100-continue",
      "POST / HTTP/1.1\r\nHost: x\r\nExpect: foo\r\nContent-Length: 2\r\n\r\n{}",
      "417",
    ],
  ])("answers %s, which Node handles itself, with AWS JSON", async (_name, request, status) => {
    const answer = await raw(request);
    expect(answer.startsWith(`HTTP/1.1 ${status} `)).toBe(true);
    expect(answer.toLowerCase()).toContain("content-type: application/x-amz-json-1.1");
    expect(answer).toContain('{"__type":"UnknownOperationException"}');
  });

  it("headers over the limit get a 413 with an AWS JSON body from Node's own parser", async () => {
    const response = await fetch(`${server.url}/`, {
      method: "POST",
      headers: { "x-amz-target": "TrentService.ListKeys", "x-padding": "p".repeat(40_000) },
      body: "{}",
    });
    expect(response.status).toBe(413);
    expect(response.headers.get("content-type")).toBe("application/x-amz-json-1.1");
    expect(await response.json()).toEqual({
      __type: "RequestEntityTooLargeException",
      message: "Request headers are larger than 16384 bytes.",
    });
  });

  it("headers just over the limit get the same 413", async () => {
    const response = await fetch(`${server.url}/`, {
      method: "POST",
      headers: { "x-amz-target": "TrentService.ListKeys", "x-padding": "p".repeat(20_000) },
      body: "{}",
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ __type: "RequestEntityTooLargeException" });
  });

  it("bytes that are not HTTP get a 400 with an AWS JSON body", async () => {
    const text = await raw("NOT HTTP AT ALL\r\n\r\n");
    expect(text).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(text).toContain("Content-Type: application/x-amz-json-1.1\r\n");
    expect(text.slice(text.indexOf("\r\n\r\n") + 4)).toBe(
      '{"__type":"SerializationException","message":"The request is not valid HTTP."}',
    );
  });

  it("the server keeps answering after hostile requests", async () => {
    await raw("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n");
    await raw(`POST / HTTP/1.1\r\nHost: x\r\n${"X: y\r\n".repeat(5000)}\r\n`);
    const response = await fetch(`${server.url}/`, {
      method: "POST",
      headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "TrentService.ListKeys" },
      body: "{}",
    });
    expect(response.status).toBe(200);
  });
});
