import { describe, expect, it } from "vitest";
import { createEmulatorApp } from "../../src/app/create-app.js";
import { createMemoryStore } from "../../src/store/memory.js";
import {
  alice,
  answer,
  bob,
  createSigV4App,
  MISMATCH,
  manualClock,
  sequentialIds,
  session,
  signedRequest,
} from "./helpers.js";

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const MINUTE = 60_000;

describe("sigv4 mode in the app", () => {
  it("accepts a request signed by a known identity, and the caller is that identity in the scope's region", async () => {
    const { app } = createSigV4App(NOW);
    const response = await app.fetch(
      await signedRequest({ identity: alice, operation: "CreateKey", body: "{}", date: NOW, region: "eu-west-1" }),
    );
    const { status, body } = await answer(response);
    expect(status).toBe(200);
    const metadata = (body as { KeyMetadata: { AWSAccountId: string; Arn: string } }).KeyMetadata;
    expect(metadata.AWSAccountId).toBe("111122223333");
    expect(metadata.Arn).toMatch(/^arn:aws:kms:eu-west-1:111122223333:key\//);
  });

  it("keys are isolated per identity account", async () => {
    const { app } = createSigV4App(NOW);
    const created = await answer(
      await app.fetch(await signedRequest({ identity: alice, operation: "CreateKey", body: "{}", date: NOW })),
    );
    const keyId = (created.body as { KeyMetadata: { KeyId: string } }).KeyMetadata.KeyId;
    const asBob = await answer(
      await app.fetch(
        await signedRequest({
          identity: bob,
          operation: "DescribeKey",
          body: JSON.stringify({ KeyId: keyId }),
          date: NOW,
        }),
      ),
    );
    expect(asBob).toEqual({
      status: 400,
      body: {
        __type: "NotFoundException",
        message: `Key 'arn:aws:kms:us-east-2:444455556666:key/${keyId}' does not exist`,
      },
    });
  });

  it("answers MissingAuthenticationTokenException to an unsigned request", async () => {
    const { app } = createSigV4App(NOW);
    const response = await app.request("/", {
      method: "POST",
      headers: { "x-amz-target": "TrentService.ListKeys", "content-type": "application/x-amz-json-1.1" },
      body: "{}",
    });
    expect(await answer(response)).toEqual({
      status: 400,
      body: { __type: "MissingAuthenticationTokenException", message: "Missing Authentication Token" },
    });
    expect(response.headers.get("content-type")).toBe("application/x-amz-json-1.1");
    expect(response.headers.get("x-amzn-requestid")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ["AWS AKIAALICE000000000001:abc", "Unsupported Authorization Type. Authorization=AWS AKIAALICE000000000001:abc"],
    [
      "AWS4-HMAC-SHA256 Credential=AKIAALICE000000000001/20260115/us-east-2/kms/aws4_request",
      "Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization=AWS4-HMAC-SHA256 Credential=AKIAALICE000000000001/20260115/us-east-2/kms/aws4_request",
    ],
    [
      "AWS4-HMAC-SHA256 Credential= AKIAALICE000000000001/20260115/us-east-2/kms/aws4_request, SignedHeaders=host;x-amz-date, Signature",
      // [RPT] AWS splits the parts on whitespace too: the credential after `Credential= ` is a part of its own.
      "'AKIAALICE000000000001/20260115/us-east-2/kms/aws4_request' not a valid key=value pair (missing equal-sign) in Authorization header: 'AWS4-HMAC-SHA256 Credential= AKIAALICE000000000001/20260115/us-east-2/kms/aws4_request, SignedHeaders=host;x-amz-date, Signature'.",
    ],
    [
      "AWS4-HMAC-SHA256 Credential=AKIAALICE000000000001/20260115/us-east-2/kms/aws4_request, SignedHeaders=host;x-amz-date, Signature",
      "'Signature' not a valid key=value pair (missing equal-sign) in Authorization header: 'AWS4-HMAC-SHA256 Credential=AKIAALICE000000000001/20260115/us-east-2/kms/aws4_request, SignedHeaders=host;x-amz-date, Signature'.",
    ],
    [
      "AWS4-HMAC-SHA256 Credential=AKIAALICE000000000001/20260115/us-east-2/kms, SignedHeaders=host;x-amz-date, Signature=00",
      "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 'AKIAALICE000000000001/20260115/us-east-2/kms'",
    ],
    [
      "AWS4-HMAC-SHA256 Credential=AKIAALICE000000000001/20260115/us-east-2/kms/aws4_request, SignedHeaders=x-amz-date, Signature=00",
      "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    ],
  ])("answers IncompleteSignatureException to Authorization %j", async (authorization, message) => {
    const { app } = createSigV4App(NOW);
    const response = await app.request("/", {
      method: "POST",
      headers: { "x-amz-target": "TrentService.ListKeys", "x-amz-date": "20260115T120000Z", authorization },
      body: "{}",
    });
    expect(await answer(response)).toEqual({ status: 400, body: { __type: "IncompleteSignatureException", message } });
  });

  it("refuses two Authorization headers, a valid one first, with IncompleteSignatureException", async () => {
    const { app } = createSigV4App(NOW);
    const signed = await signedRequest({ identity: alice, operation: "ListKeys", body: "{}", date: NOW });
    const valid = signed.headers.get("authorization") ?? "";
    const second =
      "AWS4-HMAC-SHA256 Credential=AKIABOGUS/20260115/us-east-2/kms/aws4_request, SignedHeaders=host, Signature=00";
    const headers = new Headers(signed.headers);
    headers.append("authorization", second);
    const response = await app.fetch(new Request(signed.url, { method: "POST", headers, body: "{}" }));
    expect(await answer(response)).toEqual({
      status: 400,
      body: {
        __type: "IncompleteSignatureException",
        message: `'AWS4-HMAC-SHA256' not a valid key=value pair (missing equal-sign) in Authorization header: '${valid}, ${second}'.`,
      },
    });
    // The valid header alone is accepted.
    expect((await app.fetch(signed)).status).toBe(200);
  });

  it("answers IncompleteSignatureException when X-Amz-Date is missing", async () => {
    const { app } = createSigV4App(NOW);
    const signed = await signedRequest({ identity: alice, operation: "ListKeys", body: "{}", date: NOW });
    const headers = new Headers(signed.headers);
    headers.delete("x-amz-date");
    const response = await app.fetch(new Request(signed.url, { method: "POST", headers, body: "{}" }));
    const { body } = await answer(response);
    expect(body).toEqual({
      __type: "IncompleteSignatureException",
      message: `Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=${headers.get("authorization")}`,
    });
  });

  it("answers UnrecognizedClientException to an unknown access key", async () => {
    const { app } = createSigV4App(NOW);
    const stranger = { accessKeyId: "AKIASTRANGER00000001", secretAccessKey: "x" };
    const response = await app.fetch(
      await signedRequest({ identity: stranger, operation: "ListKeys", body: "{}", date: NOW }),
    );
    expect(await answer(response)).toEqual({
      status: 400,
      body: {
        __type: "UnrecognizedClientException",
        message: "The security token included in the request is invalid.",
      },
    });
  });

  it("answers InvalidSignatureException to a wrong secret", async () => {
    const { app } = createSigV4App(NOW);
    const wrong = { ...alice, secretAccessKey: "not-alice-secret" };
    const response = await app.fetch(
      await signedRequest({ identity: wrong, operation: "ListKeys", body: "{}", date: NOW }),
    );
    expect(await answer(response)).toEqual({
      status: 400,
      body: { __type: "InvalidSignatureException", message: MISMATCH },
    });
  });

  it("answers InvalidSignatureException to a body changed after signing", async () => {
    const { app } = createSigV4App(NOW);
    const signed = await signedRequest({ identity: alice, operation: "ListKeys", body: '{"Limit":10}', date: NOW });
    const tampered = new Request(signed.url, { method: "POST", headers: signed.headers, body: '{"Limit":11}' });
    expect(await answer(await app.fetch(tampered))).toEqual({
      status: 400,
      body: { __type: "InvalidSignatureException", message: MISMATCH },
    });
  });

  it.each([
    [-5 * MINUTE, 200],
    [5 * MINUTE, 200],
    [-5 * MINUTE - 1000, 400],
    [5 * MINUTE + 1000, 400],
  ])("a request dated %d ms from the server's time answers %d", async (offset, status) => {
    const { app } = createSigV4App(NOW);
    const response = await app.fetch(
      await signedRequest({ identity: alice, operation: "ListKeys", body: "{}", date: NOW + offset }),
    );
    expect(response.status).toBe(status);
  });

  it("answers 'Signature expired' to a request replayed ten minutes later", async () => {
    const { app, clock } = createSigV4App(NOW);
    const signed = await signedRequest({ identity: alice, operation: "ListKeys", body: "{}", date: NOW });
    expect((await app.fetch(signed.clone())).status).toBe(200);
    clock.set(NOW + 10 * MINUTE);
    expect(await answer(await app.fetch(signed))).toEqual({
      status: 400,
      body: {
        __type: "InvalidSignatureException",
        message: "Signature expired: 20260115T120000Z is now earlier than 20260115T120500Z (20260115T121000Z - 5 min.)",
      },
    });
  });

  it("answers 'Signature not yet current' to a request dated ten minutes ahead", async () => {
    const { app } = createSigV4App(NOW);
    const response = await app.fetch(
      await signedRequest({ identity: alice, operation: "ListKeys", body: "{}", date: NOW + 10 * MINUTE }),
    );
    expect(await answer(response)).toEqual({
      status: 400,
      body: {
        __type: "InvalidSignatureException",
        message:
          "Signature not yet current: 20260115T121000Z is still later than 20260115T120500Z (20260115T120000Z + 5 min.)",
      },
    });
  });

  it("answers InvalidSignatureException to a scope for another service", async () => {
    const { app } = createSigV4App(NOW);
    const response = await app.fetch(
      await signedRequest({ identity: alice, operation: "ListKeys", body: "{}", date: NOW, service: "sqs" }),
    );
    expect(await answer(response)).toEqual({
      status: 400,
      body: { __type: "InvalidSignatureException", message: "Credential should be scoped to correct service: 'kms'. " },
    });
  });

  it("answers InvalidSignatureException to a scope region the endpoint does not serve", async () => {
    const { app } = createSigV4App(NOW, { auth: { mode: "sigv4", identities: [alice], regions: ["us-east-2"] } });
    const inRegion = await app.fetch(
      await signedRequest({ identity: alice, operation: "ListKeys", body: "{}", date: NOW }),
    );
    expect(inRegion.status).toBe(200);
    const response = await app.fetch(
      await signedRequest({ identity: alice, operation: "ListKeys", body: "{}", date: NOW, region: "us-west-1" }),
    );
    expect(await answer(response)).toEqual({
      status: 400,
      body: {
        __type: "InvalidSignatureException",
        message: "Credential should be scoped to a valid region, not 'us-west-1'. ",
      },
    });
  });

  it("answers UnrecognizedClientException to a region of another partition than the identity's", async () => {
    const { app } = createSigV4App(NOW);
    const response = await app.fetch(
      await signedRequest({ identity: alice, operation: "ListKeys", body: "{}", date: NOW, region: "cn-north-1" }),
    );
    expect((await answer(response)).body).toMatchObject({ __type: "UnrecognizedClientException" });
  });

  it.each([
    ["its own token", session.sessionToken, 200, undefined],
    ["no token", undefined, 400, "UnrecognizedClientException"],
    ["another token", "FwoGZXIvYXdzEXAMPLETOKEN//////////x", 400, "UnrecognizedClientException"],
  ])("an identity with a session token signing with %s answers %d", async (_, sessionToken, status, name) => {
    const { app } = createSigV4App(NOW);
    const identity = { ...session, ...(sessionToken === undefined ? {} : { sessionToken }) };
    if (sessionToken === undefined) delete (identity as { sessionToken?: string }).sessionToken;
    const response = await app.fetch(await signedRequest({ identity, operation: "ListKeys", body: "{}", date: NOW }));
    expect(response.status).toBe(status);
    if (name) expect((await answer(response)).body).toMatchObject({ __type: name });
  });

  it("answers UnrecognizedClientException to a session token on an identity that has none", async () => {
    const { app } = createSigV4App(NOW);
    const response = await app.fetch(
      await signedRequest({
        identity: { ...alice, sessionToken: "made-up" },
        operation: "ListKeys",
        body: "{}",
        date: NOW,
      }),
    );
    expect((await answer(response)).body).toMatchObject({ __type: "UnrecognizedClientException" });
  });

  it("checks the signature before the operation name", async () => {
    const { app } = createSigV4App(NOW);
    const wrong = { ...alice, secretAccessKey: "wrong" };
    const response = await app.fetch(
      await signedRequest({ identity: wrong, operation: "NoSuchOperation", body: "{}", date: NOW }),
    );
    expect((await answer(response)).body).toMatchObject({ __type: "InvalidSignatureException" });
  });
});

describe("the default lenient mode", () => {
  it("still answers unsigned requests, with the default account and region", async () => {
    const app = createEmulatorApp({ store: createMemoryStore(), clock: manualClock(NOW), ids: sequentialIds() });
    const response = await app.request("/", {
      method: "POST",
      headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "TrentService.CreateKey" },
      body: "{}",
    });
    const { status, body } = await answer(response);
    expect(status).toBe(200);
    expect((body as { KeyMetadata: { Arn: string } }).KeyMetadata.Arn).toMatch(
      /^arn:aws:kms:us-east-1:111122223333:key\//,
    );
  });

  it("does not check signatures: a wrong secret is accepted", async () => {
    const app = createEmulatorApp({ store: createMemoryStore(), clock: manualClock(NOW), ids: sequentialIds() });
    const wrong = { ...alice, secretAccessKey: "wrong" };
    const response = await app.fetch(
      await signedRequest({ identity: wrong, operation: "ListKeys", body: "{}", date: NOW - 60 * MINUTE }),
    );
    expect(response.status).toBe(200);
  });
});
