import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Identity } from "../../src/app/auth/identities.js";
import { type ReceivedRequest, verifySigV4 } from "../../src/app/auth/verify-sigv4.js";

// AWS's public SigV4 test suite (awslabs/aws-c-auth, see fixtures/sigv4/SOURCE.md): every header-signing case goes
// through the emulator's verifier as the server would receive it (header-signed-request.txt).
const root = join(import.meta.dirname, "../fixtures/sigv4");
const cases = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

interface Context {
  credentials: { access_key_id: string; secret_access_key: string; token?: string };
  normalize: boolean;
  region: string;
  service: string;
  timestamp: string;
}

/** Parses a raw HTTP/1.1 request as the suite writes it: folded header lines continue the previous value. */
function parseRawRequest(text: string): ReceivedRequest {
  const blank = text.indexOf("\n\n");
  const head = blank < 0 ? text : text.slice(0, blank);
  const body = blank < 0 ? "" : text.slice(blank + 2);
  const [requestLine = "", ...lines] = head.split("\n");
  const method = requestLine.slice(0, requestLine.indexOf(" "));
  const target = requestLine.slice(method.length + 1, requestLine.lastIndexOf(" HTTP/"));
  const q = target.indexOf("?");
  const headers: [string, string][] = [];
  for (const line of lines) {
    const last = headers.at(-1);
    if (/^[ \t]/.test(line) && last) last[1] += `\n${line}`;
    else if (line !== "") {
      const colon = line.indexOf(":");
      headers.push([line.slice(0, colon), line.slice(colon + 1)]);
    }
  }
  return {
    method,
    path: q < 0 ? target : target.slice(0, q),
    query: q < 0 ? "" : target.slice(q + 1),
    headers,
    body: new TextEncoder().encode(body),
  };
}

function load(name: string) {
  const context = JSON.parse(readFileSync(join(root, name, "context.json"), "utf8")) as Context;
  const request = parseRawRequest(readFileSync(join(root, name, "header-signed-request.txt"), "utf8"));
  const identity: Identity = {
    accessKeyId: context.credentials.access_key_id,
    secretAccessKey: context.credentials.secret_access_key,
    ...(context.credentials.token === undefined ? {} : { sessionToken: context.credentials.token }),
    accountId: "111122223333",
    partition: "aws",
    principalArn: "arn:aws:iam::111122223333:user/example",
  };
  const options = {
    lookupIdentity: (id: string) => (id === identity.accessKeyId ? identity : undefined),
    now: Date.parse(context.timestamp),
    service: context.service,
    normalizePath: context.normalize,
  };
  return { context, request, identity, options };
}

function withHeader(request: ReceivedRequest, name: string, value: string): ReceivedRequest {
  const headers = [...request.headers].map(([n, v]): [string, string] => [n, n.toLowerCase() === name ? value : v]);
  return { ...request, headers };
}

describe("the AWS SigV4 test suite through the emulator's verifier", () => {
  it("has every case of the suite", () => {
    expect(cases.length).toBe(38);
  });

  it.each(cases)("%s verifies as signed", async (name) => {
    const { request, identity, options } = load(name);
    const result = await verifySigV4(request, options);
    expect(result).toEqual({ success: true, data: { identity, region: "us-east-1" } });
  });

  const mismatch = {
    success: false,
    error: {
      name: "InvalidSignatureException",
      message:
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
    },
  };

  const tamperings: [string, (r: ReceivedRequest) => ReceivedRequest][] = [
    ["a byte appended to the body", (r) => ({ ...r, body: new Uint8Array([...r.body, 0x20]) })],
    ["another method", (r) => ({ ...r, method: r.method === "GET" ? "POST" : "GET" })],
    ["another path", (r) => ({ ...r, path: `${r.path}x` })],
    ["another query", (r) => ({ ...r, query: r.query === "" ? "a=b" : `${r.query}&a=b` })],
    ["another host", (r) => withHeader(r, "host", "example.amazonaws.org")],
    [
      "one signature digit changed",
      (r) => {
        const auth = [...r.headers].find(([n]) => n.toLowerCase() === "authorization")?.[1] ?? "";
        const last = auth.at(-1) === "0" ? "1" : "0";
        return withHeader(r, "authorization", auth.slice(0, -1) + last);
      },
    ],
  ];

  describe.each(tamperings)("with %s", (_, tamper) => {
    it.each(cases)("%s is rejected", async (name) => {
      const { request, options } = load(name);
      expect(await verifySigV4(tamper(request), options)).toEqual(mismatch);
    });
  });

  it.each(cases)("%s is rejected when signed with another secret", async (name) => {
    const { request, identity, options } = load(name);
    const other = { ...identity, secretAccessKey: `${identity.secretAccessKey}x` };
    expect(await verifySigV4(request, { ...options, lookupIdentity: () => other })).toEqual(mismatch);
  });
});
