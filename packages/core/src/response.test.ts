import { describe, expect, it } from "vitest";
import { createKmsError } from "./errors.js";
import { isJsonContentType } from "./protocol.js";
import { encodeErrorResponse, encodeResponse } from "./response.js";

const REQUEST_ID = "9f3c1b52-6d2e-4f7a-8b1c-0e5d4a3b2c1d";

describe("encodeResponse", () => {
  it("answers 200 with the output members as JSON and the protocol headers", () => {
    expect(encodeResponse({ Policy: "{}", PolicyName: "default" }, REQUEST_ID)).toMatchInlineSnapshot(`
      {
        "body": "{"Policy":"{}","PolicyName":"default"}",
        "headers": {
          "Content-Type": "application/x-amz-json-1.1",
          "x-amzn-RequestId": "9f3c1b52-6d2e-4f7a-8b1c-0e5d4a3b2c1d",
        },
        "status": 200,
      }
    `);
  });

  it("answers an operation without output members with an empty body", () => {
    expect(encodeResponse(undefined, REQUEST_ID).body).toBe("");
  });
});

describe("encodeErrorResponse", () => {
  it("answers a client error with 400 and the AWS error body", () => {
    const error = createKmsError("NotFoundException", "Key 'x' does not exist");
    expect(encodeErrorResponse(error, REQUEST_ID)).toMatchInlineSnapshot(`
      {
        "body": "{"__type":"NotFoundException","message":"Key 'x' does not exist"}",
        "headers": {
          "Content-Type": "application/x-amz-json-1.1",
          "x-amzn-RequestId": "9f3c1b52-6d2e-4f7a-8b1c-0e5d4a3b2c1d",
        },
        "status": 400,
      }
    `);
  });

  it.each([
    ["KMSInternalException", 500],
    ["DependencyTimeoutException", 503],
    ["RequestEntityTooLargeException", 413],
    ["UnknownOperationException", 400],
  ] as const)("answers %s with its status %i", (name, status) => {
    expect(encodeErrorResponse(createKmsError(name), REQUEST_ID).status).toBe(status);
  });

  it("leaves an empty message out of the body", () => {
    expect(encodeErrorResponse(createKmsError("UnknownOperationException"), REQUEST_ID).body).toBe(
      '{"__type":"UnknownOperationException"}',
    );
  });

  it("takes a transport's own status when one is given", () => {
    const response = encodeErrorResponse(createKmsError("UnknownOperationException"), REQUEST_ID, 417);
    expect(response.status).toBe(417);
    expect(response.headers["Content-Type"]).toBe("application/x-amz-json-1.1");
  });
});

describe("isJsonContentType", () => {
  it.each([
    ["application/x-amz-json-1.1", true],
    ["application/x-amz-json-1.0", true],
    ["application/json", true],
    ["Application/X-Amz-Json-1.1; charset=utf-8", true],
    [" application/json ;charset=UTF-8", true],
    ["text/plain", false],
    ["application/x-www-form-urlencoded", false],
    ["", false],
    [null, false],
    [undefined, false],
  ])("judges %j a JSON request: %s", (header, expected) => {
    expect(isJsonContentType(header)).toBe(expected);
  });
});
