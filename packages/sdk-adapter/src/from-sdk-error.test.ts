import { KMSServiceException, MalformedPolicyDocumentException, NotFoundException } from "@aws-sdk/client-kms";
import { describe, expect, it } from "vitest";
import { fromSdkError, SDK_NO_MESSAGE } from "./from-sdk-error.js";

const metadata = (httpStatusCode: number, attempts = 1) => ({
  httpStatusCode,
  attempts,
  totalRetryDelay: 0,
  requestId: "req-1",
});

// The texts @smithy/node-http-handler 4.14 gives its own timeouts (set-connection-timeout.js, set-socket-timeout.js).
const connectTimeout = Object.assign(
  new Error(
    "@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 1000 ms.",
  ),
  { name: "TimeoutError" },
);
const readTimeout = Object.assign(
  new Error(
    "@smithy/node-http-handler - the request socket timed out after 1000 ms of inactivity (configured by client requestHandler).",
  ),
  { name: "TimeoutError" },
);
const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" });

describe("fromSdkError reads a service answer", () => {
  it.each([
    {
      case: "a modelled error with its message",
      cause: new NotFoundException({ message: "Key 'x' does not exist", $metadata: metadata(400) }),
      expected: { name: "NotFoundException", message: "Key 'x' does not exist", status: 400, fault: "client" },
    },
    {
      case: "no message (the SDK's UnknownError) as an empty one",
      cause: new MalformedPolicyDocumentException({ message: SDK_NO_MESSAGE, $metadata: metadata(400) }),
      expected: { name: "MalformedPolicyDocumentException", message: "", status: 400, fault: "client" },
    },
    {
      case: "an empty message as it is",
      cause: new KMSServiceException({
        name: "MalformedPolicyDocumentException",
        $fault: "client",
        message: "",
        $metadata: metadata(400),
      }),
      expected: { name: "MalformedPolicyDocumentException", message: "", status: 400, fault: "client" },
    },
    {
      case: "an error name core does not know, verbatim",
      cause: new KMSServiceException({
        name: "CustomKeyStoreNotFoundException",
        $fault: "client",
        message: "no store",
        $metadata: metadata(400),
      }),
      expected: { name: "CustomKeyStoreNotFoundException", message: "no store", status: 400, fault: "client" },
    },
    {
      case: "a fault with its status and the SDK's attempts",
      cause: new KMSServiceException({
        name: "KMSInternalException",
        $fault: "server",
        message: "boom",
        $metadata: metadata(500, 3),
      }),
      expected: { name: "KMSInternalException", message: "boom", status: 500, fault: "server", attempts: 3 },
    },
  ])("reads $case", ({ cause, expected }) => {
    expect(fromSdkError(cause)).toEqual({
      kind: "service",
      attempts: 1,
      requestId: "req-1",
      local: false,
      cause,
      ...expected,
    });
  });

  it("counts one attempt when the SDK's metadata has none", () => {
    const cause = new KMSServiceException({
      name: "NotFoundException",
      $fault: "client",
      message: "m",
      $metadata: { httpStatusCode: 400 },
    });
    expect(fromSdkError(cause)).toMatchObject({ kind: "service", attempts: 1 });
    expect(fromSdkError(cause)).not.toHaveProperty("requestId");
  });
});

describe("fromSdkError tells why no answer came", () => {
  it.each([
    {
      case: "missing credentials",
      cause: Object.assign(new Error("Could not load credentials from any providers"), {
        name: "CredentialsProviderError",
      }),
      kind: "no-credentials",
    },
    { case: "the handler's connect timeout", cause: connectTimeout, kind: "connect-timeout" },
    { case: "the handler's read timeout", cause: readTimeout, kind: "read-timeout" },
    { case: "a refused connection", cause: refused, kind: "unreachable" },
    {
      case: "a socket error deep in the cause chain",
      cause: new Error("fetch failed", { cause: new Error("x", { cause: refused }) }),
      kind: "unreachable",
    },
    {
      case: "the OS's ETIMEDOUT",
      cause: Object.assign(new Error("connect ETIMEDOUT"), { name: "TimeoutError", code: "ETIMEDOUT" }),
      kind: "unreachable",
    },
    {
      case: "another timeout",
      cause: Object.assign(new Error("took too long"), { name: "TimeoutError" }),
      kind: "unreachable",
    },
    {
      case: "a response the SDK could not parse (metadata, but no $fault)",
      cause: Object.assign(new SyntaxError("Unexpected token <"), { $metadata: { httpStatusCode: 502 } }),
      kind: "other",
    },
    {
      case: "a $fault without an HTTP status",
      cause: new KMSServiceException({ name: "NotFoundException", $fault: "client", message: "m", $metadata: {} }),
      kind: "other",
    },
    { case: "anything else", cause: new Error("something odd"), kind: "other" },
  ])("reads $case as $kind", ({ cause, kind }) => {
    expect(fromSdkError(cause)).toEqual({
      kind,
      name: cause.name,
      message: cause.message,
      fault: "server",
      local: false,
      cause,
    });
  });

  it.each([
    ["a string", "went wrong", "went wrong"],
    ["undefined", undefined, "undefined"],
    ["null", null, "null"],
  ])("reads a thrown %s as an Error named Error", (_, cause, message) => {
    expect(fromSdkError(cause)).toEqual({
      kind: "other",
      name: "Error",
      message,
      fault: "server",
      local: false,
      cause,
    });
  });
});
