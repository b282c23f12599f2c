import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startNodeServer } from "../../src/serve.js";
import { signedRequest } from "@keypolicy/emulator/testing";
import { alice } from "./helpers.js";

// Two Authorization header lines on the wire, through Node's HTTP parser and @hono/node-server.
let dir: string;
let server: RunningServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "keypolicy-authz-header-"));
  const identitiesFile = join(dir, "identities.yaml");
  writeFileSync(
    identitiesFile,
    [
      "identities:",
      `  - AccessKeyId: ${alice.accessKeyId}`,
      `    SecretAccessKey: ${alice.secretAccessKey}`,
      `    PrincipalArn: ${alice.principalArn}`,
    ].join("\n"),
  );
  server = await startNodeServer({ port: 0, auth: "sigv4", identitiesFile });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Sends raw bytes and reads the whole answer (the request asks the server to close the connection). */
function raw(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, "127.0.0.1");
    let received = "";
    socket.setTimeout(10_000, () => socket.destroy(new Error("no answer in 10 s")));
    socket.on("data", (chunk) => (received += chunk.toString("latin1")));
    socket.on("close", () => resolve(received));
    socket.on("error", reject);
    socket.write(bytes);
  });
}

/** A ListKeys request signed now for the server's host, as raw HTTP/1.1 with `extra` header lines appended. */
async function rawListKeys(extra: string[]): Promise<{ bytes: string; authorization: string }> {
  const host = `127.0.0.1:${server.port}`;
  const signed = await signedRequest({ identity: alice, operation: "ListKeys", body: "{}", date: Date.now(), host });
  const lines = [...signed.headers].map(([name, value]) => `${name}: ${value}`);
  const bytes = ["POST / HTTP/1.1", ...lines, ...extra, "content-length: 2", "connection: close", "", "{}"].join(
    "\r\n",
  );
  return { bytes, authorization: signed.headers.get("authorization") ?? "" };
}

const bodyOf = (answer: string) => JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4)) as unknown;

describe("two Authorization headers at the Node server", () => {
  it("a valid signature alone is accepted", async () => {
    const { bytes } = await rawListKeys([]);
    expect(await raw(bytes)).toMatch(/^HTTP\/1\.1 200 /);
  });

  it("a valid first line and an invalid second one are refused with IncompleteSignatureException (400)", async () => {
    const second =
      "AWS4-HMAC-SHA256 Credential=AKIABOGUS/20260115/us-east-2/kms/aws4_request, SignedHeaders=host, Signature=00";
    const { bytes, authorization } = await rawListKeys([`Authorization: ${second}`]);
    const answer = await raw(bytes);
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(bodyOf(answer)).toEqual({
      __type: "IncompleteSignatureException",
      message: `'AWS4-HMAC-SHA256' not a valid key=value pair (missing equal-sign) in Authorization header: '${authorization}, ${second}'.`,
    });
  });

  it("the same valid line twice is refused too", async () => {
    const { bytes, authorization } = await rawListKeys([]);
    const answer = await raw(
      bytes.replace("\r\ncontent-length: 2", `\r\nAuthorization: ${authorization}\r\ncontent-length: 2`),
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(bodyOf(answer)).toMatchObject({ __type: "IncompleteSignatureException" });
  });
});
