import { KMSServiceException, NotFoundException } from "@aws-sdk/client-kms";
import { CredentialsProviderError } from "@smithy/core/config";
import { describe, expect, it } from "vitest";
import { localError } from "@keypolicy/sdk-adapter";
import { reportSendError, sendError, serviceError } from "./errors.js";

const metadata = (attempts: number) => ({ httpStatusCode: 400, attempts, totalRetryDelay: 0 });

describe("sendError", () => {
  it("reports an AWS error response with the AWS CLI's template, exit code 254", () => {
    const cause = new NotFoundException({ message: "Key 'x' does not exist", $metadata: metadata(1) });
    expect(sendError("GetKeyPolicy", cause, "http://h/")).toEqual({
      kind: "done",
      exitCode: 254,
      stderr:
        "\nAn error occurred (NotFoundException) when calling the GetKeyPolicy operation: Key 'x' does not exist\n",
    });
  });

  it("keeps the name of errors the KMS model does not know", () => {
    const cause = new KMSServiceException({
      name: "UnrecognizedClientException",
      $fault: "client",
      message: "bad token",
      $metadata: metadata(1),
    });
    expect(sendError("PutKeyPolicy", cause, "http://h/").stderr).toBe(
      "\nAn error occurred (UnrecognizedClientException) when calling the PutKeyPolicy operation: bad token\n",
    );
  });

  it("says how many retries the SDK made before giving up", () => {
    const cause = new KMSServiceException({
      name: "KMSInternalException",
      $fault: "server",
      message: "boom",
      $metadata: { ...metadata(3), httpStatusCode: 500 },
    });
    expect(sendError("GetKeyPolicy", cause, "http://h/").stderr).toBe(
      "\nAn error occurred (KMSInternalException) when calling the GetKeyPolicy operation (reached max retries: 2): boom\n",
    );
  });

  it("prints an empty message where the SDK filled in UnknownError", () => {
    const cause = new KMSServiceException({
      name: "MalformedPolicyDocumentException",
      $fault: "client",
      message: "UnknownError",
      $metadata: metadata(1),
    });
    expect(sendError("PutKeyPolicy", cause, "http://h/").stderr).toBe(
      "\nAn error occurred (MalformedPolicyDocumentException) when calling the PutKeyPolicy operation: \n",
    );
  });

  it("reports a provider chain without credentials, exit code 253", () => {
    const result = sendError(
      "GetKeyPolicy",
      new CredentialsProviderError("Could not load credentials from any providers"),
      "http://h/",
    );
    expect(result).toMatchObject({
      exitCode: 253,
      stderr: '\nUnable to locate credentials. You can configure credentials by running "aws configure".\n',
    });
  });

  it.each(["ECONNREFUSED", "ENOTFOUND", "ECONNRESET"])(
    "reports %s as an unreachable endpoint, exit code 255",
    (code) => {
      const cause = Object.assign(new Error(`connect ${code}`), { code });
      expect(sendError("GetKeyPolicy", cause, "http://127.0.0.1:1/")).toMatchObject({
        exitCode: 255,
        stderr: '\nCould not connect to the endpoint URL: "http://127.0.0.1:1/"\n',
      });
    },
  );

  it("finds the socket error in the cause chain", () => {
    const cause = new Error("fetch failed", { cause: Object.assign(new Error("refused"), { code: "ECONNREFUSED" }) });
    expect(sendError("GetKeyPolicy", cause, "http://h/").exitCode).toBe(255);
    expect(sendError("GetKeyPolicy", cause, "http://h/").stderr).toContain("Could not connect");
  });

  it.each([
    ["Connect", "did not establish a connection with the server within the configured timeout of 1000 ms."],
    ["Read", "timed out after 1000 ms of inactivity (configured by client requestHandler)."],
  ])("reports the HTTP handler's own %s timeout with the AWS CLI's message, exit code 255", (kind, text) => {
    const cause = Object.assign(new Error(`@smithy/node-http-handler - the request socket ${text}`), {
      name: "TimeoutError",
    });
    expect(sendError("GetKeyPolicy", cause, "http://h/")).toEqual({
      kind: "done",
      exitCode: 255,
      stderr: `\n${kind} timeout on endpoint URL: "http://h/"\n`,
    });
  });

  it("reports anything else with its message, exit code 255", () => {
    expect(sendError("GetKeyPolicy", new Error("something odd"), "http://h/")).toMatchObject({
      exitCode: 255,
      stderr: "\nsomething odd\n",
    });
  });
});

describe("reportSendError", () => {
  it("reports an input refused before sending exactly like the service's answer, exit code 254", () => {
    const error = localError({ name: "NotFoundException", message: "Invalid keyId 'k'" });
    expect(reportSendError("PutKeyPolicy", error, "http://h/")).toEqual({
      kind: "done",
      exitCode: 254,
      stderr: "\nAn error occurred (NotFoundException) when calling the PutKeyPolicy operation: Invalid keyId 'k'\n",
    });
  });
});

describe("serviceError", () => {
  it("formats an error found before sending exactly like one the service sent", () => {
    expect(serviceError("ListKeyPolicies", "NotFoundException", "Invalid keyId 'k'").stderr).toBe(
      "\nAn error occurred (NotFoundException) when calling the ListKeyPolicies operation: Invalid keyId 'k'\n",
    );
  });
});
