import { DescribeKeyCommand } from "@aws-sdk/client-kms";
import { describe, expect, it } from "vitest";
import { fromSdkError } from "../src/index.js";
import { clientOn, KEY_ID } from "./emulator-client.js";

/** What the real SDK throws for an error response with `body`, read by fromSdkError. */
async function read(status: number, body: string) {
  const client = clientOn(
    () =>
      new Response(body, {
        status,
        headers: {
          "content-type": "application/x-amz-json-1.1",
          "x-amzn-requestid": "11111111-2222-3333-4444-555555555555",
        },
      }),
  );
  const thrown = await client.send(new DescribeKeyCommand({ KeyId: KEY_ID })).catch((e: unknown) => e);
  const { cause: _, ...error } = fromSdkError(thrown) as ReturnType<typeof fromSdkError> & { cause: unknown };
  return error;
}

describe("fromSdkError on what the real SDK throws", () => {
  it.each([
    ["no message", '{"__type":"MalformedPolicyDocumentException"}', "MalformedPolicyDocumentException", ""],
    [
      "an empty message",
      '{"__type":"MalformedPolicyDocumentException","message":""}',
      "MalformedPolicyDocumentException",
      "",
    ],
    ["a Message member", '{"__type":"NotFoundException","Message":"gone"}', "NotFoundException", "gone"],
    [
      "an unknown, namespaced name",
      '{"__type":"com.amazonaws.kms#SomethingNewException","message":"new"}',
      "SomethingNewException",
      "new",
    ],
  ])("reads a body with %s", async (_, body, name, message) => {
    expect(await read(400, body)).toEqual({
      kind: "service",
      name,
      message,
      status: 400,
      fault: "client",
      attempts: 1,
      requestId: "11111111-2222-3333-4444-555555555555",
      local: false,
    });
  });

  it("reads a fault with its status", async () => {
    expect(await read(500, '{"__type":"KMSInternalException","message":"boom"}')).toMatchObject({
      kind: "service",
      name: "KMSInternalException",
      status: 500,
      fault: "server",
    });
  });

  it.each([
    ["a body that is not JSON (a proxy's HTML page)", 502, "<html>Bad Gateway</html>", "server"],
    ["an empty body", 404, "", "client"],
    ["a JSON body without an error name", 403, "{}", "client"],
  ])("reads %s as the AWS CLI does: the HTTP status is the error's name", async (_, status, body, fault) => {
    expect(await read(status, body)).toMatchObject({
      kind: "service",
      name: String(status),
      message: "",
      status,
      fault,
    });
  });
});
