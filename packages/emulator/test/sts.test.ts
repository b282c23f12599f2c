import { Sha256 } from "@smithy/core/checksum";
import { SignatureV4 } from "@smithy/signature-v4";
import { describe, expect, it } from "vitest";
import type { Identity } from "../src/app/auth/identities.js";
import { createEmulatorApp } from "../src/app/create-app.js";
import type { EmulatorConfig } from "../src/app/deps.js";
import { escapeXml } from "../src/app/sts/xml.js";
import { createMemoryStore } from "../src/store/memory.js";
import { alice, bob, MISMATCH, manualClock, sequentialIds, session } from "./security/helpers.js";

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const FORM = "application/x-www-form-urlencoded; charset=utf-8";
const GET_CALLER_IDENTITY = "Action=GetCallerIdentity&Version=2011-06-15";
const scope = (service: string, akid = "AKIDEXAMPLE", region = "us-east-1") =>
  `AWS4-HMAC-SHA256 Credential=${akid}/20260115/${region}/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=00`;

function setup(config: Partial<EmulatorConfig> = {}) {
  return createEmulatorApp({
    store: createMemoryStore(),
    clock: manualClock(NOW),
    ids: sequentialIds(),
    config: { logError: () => {}, ...config },
  });
}

/** A raw POST / with a form body. */
function post(body: BodyInit, headers: Record<string, string> = {}): Request {
  return new Request("http://localhost/", { method: "POST", headers: { "content-type": FORM, ...headers }, body });
}

/** An STS query request signed as botocore signs it: service `sts`, form body. */
async function signedSts(
  identity: Pick<Identity, "accessKeyId" | "secretAccessKey"> & { sessionToken?: string },
  body = GET_CALLER_IDENTITY,
  service = "sts",
): Promise<Request> {
  const host = "sts.us-east-1.amazonaws.com";
  const signer = new SignatureV4({ credentials: identity, region: "us-east-1", service, sha256: Sha256 });
  const signed = await signer.sign(
    {
      method: "POST",
      protocol: "http:",
      hostname: host,
      path: "/",
      query: {},
      headers: { host, "content-type": FORM },
      body,
    },
    { signingDate: new Date(NOW) },
  );
  return new Request(`http://${host}/`, { method: "POST", headers: signed.headers as Record<string, string>, body });
}

async function wire(response: Response) {
  return {
    status: response.status,
    contentType: response.headers.get("content-type"),
    requestId: response.headers.get("x-amzn-requestid"),
    body: await response.text(),
  };
}

describe("STS GetCallerIdentity on the KMS endpoint", () => {
  it("answers the account root for an unsigned-mode request, in STS's exact XML", async () => {
    const response = await setup().fetch(post(GET_CALLER_IDENTITY, { authorization: scope("sts") }));
    expect(await wire(response)).toEqual({
      status: 200,
      contentType: "text/xml",
      requestId: "10000000-0000-4000-8000-000000000001",
      body:
        '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\n' +
        "  <GetCallerIdentityResult>\n" +
        "    <Arn>arn:aws:iam::111122223333:root</Arn>\n" +
        "    <UserId>111122223333</UserId>\n" +
        "    <Account>111122223333</Account>\n" +
        "  </GetCallerIdentityResult>\n" +
        "  <ResponseMetadata>\n" +
        "    <RequestId>10000000-0000-4000-8000-000000000001</RequestId>\n" +
        "  </ResponseMetadata>\n" +
        "</GetCallerIdentityResponse>\n",
    });
  });

  it("takes the account from a 12-digit access key and the partition from the scope's region", async () => {
    const response = await setup().fetch(
      post(GET_CALLER_IDENTITY, { authorization: scope("sts", "444455556666", "cn-north-1") }),
    );
    const { body } = await wire(response);
    expect(body).toContain("<Arn>arn:aws-cn:iam::444455556666:root</Arn>");
    expect(body).toContain("<Account>444455556666</Account>");
  });

  it.each([
    ["a body Action under a kms credential scope", { authorization: scope("kms") }],
    ["a body Action on an unsigned request", {}],
    ["a Content-Type without parameters", { "content-type": "application/x-www-form-urlencoded" }],
  ])("is STS for %s", async (_, headers) => {
    const response = await setup().fetch(post(GET_CALLER_IDENTITY, headers));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("<GetCallerIdentityResult>");
  });

  it("stays KMS when X-Amz-Target is present, or when the body is not a form", async () => {
    const app = setup();
    const targeted = await app.fetch(
      post(GET_CALLER_IDENTITY, { "x-amz-target": "TrentService.ListKeys", authorization: scope("sts") }),
    );
    expect(targeted.headers.get("content-type")).toBe("application/x-amz-json-1.1");
    const json = await app.fetch(
      post(GET_CALLER_IDENTITY, { "content-type": "application/x-amz-json-1.1", authorization: scope("sts") }),
    );
    expect(await json.json()).toEqual({ __type: "UnknownOperationException" });
  });

  it("reads Action from the body only, never the URL's query", async () => {
    const response = await setup().fetch(
      new Request("http://localhost/?Action=GetCallerIdentity&Version=2011-06-15", {
        method: "POST",
        headers: { "content-type": FORM },
        body: "",
      }),
    );
    expect(response.headers.get("content-type")).toBe("application/x-amz-json-1.1");
  });

  it.each([
    ["Action=AssumeRole&Version=2011-06-15", "Could not find operation AssumeRole for version 2011-06-15"],
    ["Action=GetCallerIdentity", "Could not find operation GetCallerIdentity for version NO_VERSION_SPECIFIED"],
    ["Action=GetCallerIdentity&Version=", "Could not find operation GetCallerIdentity for version "],
    [
      "Action=GetCallerIdentity&Version=2010-05-08",
      "Could not find operation GetCallerIdentity for version 2010-05-08",
    ],
    ["Action=&Version=2011-06-15", "Could not find operation  for version 2011-06-15"],
    [
      "Action=ListUsers&Action=GetCallerIdentity&Version=2011-06-15",
      "Could not find operation ListUsers for version 2011-06-15",
    ],
    [
      "Action=GetCallerIdentity&Version=2000-01-01&Version=2011-06-15",
      "Could not find operation GetCallerIdentity for version 2000-01-01",
    ],
  ])("answers %s with InvalidAction 400 in the AWSFault namespace", async (body, message) => {
    const response = await setup().fetch(post(body, { authorization: scope("sts") }));
    expect(await wire(response)).toEqual({
      status: 400,
      contentType: "text/xml",
      requestId: "10000000-0000-4000-8000-000000000001",
      body:
        '<ErrorResponse xmlns="http://webservices.amazon.com/AWSFault/2005-15-09">\n' +
        "  <Error>\n" +
        "    <Type>Sender</Type>\n" +
        "    <Code>InvalidAction</Code>\n" +
        `    <Message>${message}</Message>\n` +
        "  </Error>\n" +
        "  <RequestId>10000000-0000-4000-8000-000000000001</RequestId>\n" +
        "</ErrorResponse>\n",
    });
  });

  it("takes the first Action and Version, and ignores unknown parameters", async () => {
    const app = setup();
    for (const body of [
      "Action=GetCallerIdentity&Action=NoSuchAction&Version=2011-06-15",
      "Action=GetCallerIdentity&Version=2011-06-15&Version=2000-01-01",
      "Version=2011-06-15&Unknown=value&Action=GetCallerIdentity",
    ]) {
      expect((await app.fetch(post(body))).status).toBe(200);
    }
  });

  it("escapes what it echoes, so a hostile Action cannot break the document", async () => {
    const response = await setup().fetch(post(`Action=${encodeURIComponent('<x a="1">&\u0001')}&Version=2011-06-15`));
    const body = await response.text();
    expect(response.status).toBe(400);
    expect(body).toContain(
      "<Message>Could not find operation &lt;x a=&quot;1&quot;&gt;&amp;\ufffd for version 2011-06-15</Message>",
    );
  });

  it.each([
    ["a body without Action", "Version=2011-06-15"],
    ["an empty body", ""],
    ["bytes that are not UTF-8", new Uint8Array([0xff, 0xfe, 0x00, 0x80, 0x3d, 0x26])],
    ["a JSON body", '{"Action":"GetCallerIdentity"}'],
  ])("answers %s under an sts scope with MissingAction XML, never a crash", async (_, body) => {
    const response = await setup().fetch(post(body, { authorization: scope("sts") }));
    const { status, contentType, body: text } = await wire(response);
    expect({ status, contentType }).toEqual({ status: 400, contentType: "text/xml" });
    expect(text).toContain("<Code>MissingAction</Code>");
    expect(text).toContain("<Message>The request is missing an action or a required parameter.</Message>");
  });
});

describe("STS GetCallerIdentity with --auth sigv4", () => {
  const userWithId: Identity = {
    ...alice,
    accessKeyId: "AKIACAROL00000000001",
    principalArn: "arn:aws:iam::111122223333:user/ops/carol",
    userId: "AIDACAROLEXAMPLE0001",
  };
  const root: Identity = {
    ...bob,
    accessKeyId: "AKIAROOT000000000001",
    principalArn: "arn:aws:iam::444455556666:root",
  };
  const app = () => setup({ auth: { mode: "sigv4", identities: [alice, session, bob, userWithId, root] } });

  it.each([
    [
      "an IAM user without UserId: the access key ID",
      alice,
      "arn:aws:iam::111122223333:user/alice",
      alice.accessKeyId,
      "111122223333",
    ],
    [
      "an IAM user with UserId",
      userWithId,
      "arn:aws:iam::111122223333:user/ops/carol",
      "AIDACAROLEXAMPLE0001",
      "111122223333",
    ],
    ["the account root: the account", root, "arn:aws:iam::444455556666:root", "444455556666", "444455556666"],
    [
      "a role session",
      session,
      "arn:aws:sts::111122223333:assumed-role/Admin/session-1",
      session.accessKeyId,
      "111122223333",
    ],
  ])("answers the signing identity, %s", async (_, identity, arn, userId, account) => {
    const response = await app().fetch(await signedSts(identity));
    const body = await response.text();
    expect(response.status).toBe(200);
    expect(body).toContain(`<Arn>${arn}</Arn>\n    <UserId>${userId}</UserId>\n    <Account>${account}</Account>`);
  });

  async function stsError(request: Request) {
    const { status, contentType, body } = await wire(await app().fetch(request));
    const code = /<Code>(.*)<\/Code>/.exec(body)?.[1];
    const message = /<Message>(.*)<\/Message>/.exec(body)?.[1];
    const namespace = /xmlns="([^"]*)"/.exec(body)?.[1];
    return { status, contentType, code, message, namespace };
  }
  const STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/";

  it("answers an unknown access key with InvalidClientTokenId 403", async () => {
    const request = await signedSts({ accessKeyId: "AKIANOBODY0000000001", secretAccessKey: "x" });
    expect(await stsError(request)).toEqual({
      status: 403,
      contentType: "text/xml",
      code: "InvalidClientTokenId",
      message: "The security token included in the request is invalid.",
      namespace: STS_NS,
    });
  });

  it("answers a request without Authorization with MissingAuthenticationToken 403", async () => {
    expect(await stsError(post(GET_CALLER_IDENTITY))).toEqual({
      status: 403,
      contentType: "text/xml",
      code: "MissingAuthenticationToken",
      message: "Request is missing Authentication Token",
      namespace: STS_NS,
    });
  });

  it("answers a wrong secret with SignatureDoesNotMatch 403", async () => {
    const request = await signedSts({ ...alice, secretAccessKey: "wrong" });
    expect(await stsError(request)).toEqual({
      status: 403,
      contentType: "text/xml",
      code: "SignatureDoesNotMatch",
      message: MISMATCH,
      namespace: STS_NS,
    });
  });

  it("answers a signature for kms on an STS body with SignatureDoesNotMatch naming sts", async () => {
    const request = await signedSts(alice, GET_CALLER_IDENTITY, "kms");
    expect(await stsError(request)).toMatchObject({
      status: 403,
      code: "SignatureDoesNotMatch",
      message: "Credential should be scoped to correct service: &apos;sts&apos;. ",
    });
  });

  it("authenticates before it looks at the Action", async () => {
    const request = await signedSts({ accessKeyId: "AKIANOBODY0000000001", secretAccessKey: "x" }, "Action=AssumeRole");
    expect(await stsError(request)).toMatchObject({ status: 403, code: "InvalidClientTokenId" });
  });

  it("still authenticates KMS requests for the kms service only", async () => {
    const request = await signedSts(alice, GET_CALLER_IDENTITY, "sts");
    const kms = new Request(request, {
      headers: { ...Object.fromEntries(request.headers), "x-amz-target": "TrentService.ListKeys" },
    });
    const response = await app().fetch(kms);
    expect(response.headers.get("content-type")).toBe("application/x-amz-json-1.1");
    expect(response.status).toBe(400);
  });
});

describe("escapeXml", () => {
  it.each([
    ["plain", "plain"],
    ["a&b<c>d\"e'f", "a&amp;b&lt;c&gt;d&quot;e&apos;f"],
    ["tab\tnl\ncr\r", "tab\tnl\ncr\r"],
    ["\u0000\u001f\ufffe\uffff", "\ufffd\ufffd\ufffd\ufffd"],
    ["lone \ud800 high, lone \udc00 low, pair 𝔘", "lone \ufffd high, lone \ufffd low, pair 𝔘"],
  ])("escapes %j", (input, output) => {
    expect(escapeXml(input)).toBe(output);
  });
});
