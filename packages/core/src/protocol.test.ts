import { describe, expect, it } from "vitest";
import { createKmsError } from "./errors.js";
import { OPERATIONS } from "./operations.js";
import { decodeErrorBody, decodeRequestBody, encodeErrorBody, formatTarget, parseTarget } from "./protocol.js";

describe("parseTarget and formatTarget", () => {
  it.each(Object.keys(OPERATIONS))("round-trips the target of %s", (operation) => {
    expect(parseTarget(formatTarget(operation))).toEqual({ success: true, data: operation });
  });

  it("formats the target as TrentService.<Operation>", () => {
    expect(formatTarget("GetKeyPolicy")).toBe("TrentService.GetKeyPolicy");
  });

  it("leaves judging an unknown operation name to the caller", () => {
    expect(parseTarget("TrentService.DoesNotExist")).toEqual({ success: true, data: "DoesNotExist" });
  });

  it.each([
    { what: "a missing header", target: undefined },
    { what: "a null header", target: null },
    { what: "an empty header", target: "" },
    { what: "another service's prefix", target: "AmazonSSM.GetParameter" },
    { what: "a prefix in another case", target: "trentservice.GetKeyPolicy" },
    { what: "no operation after the dot", target: "TrentService." },
    { what: "no prefix before the dot", target: ".GetKeyPolicy" },
    { what: "no dot", target: "TrentServiceGetKeyPolicy" },
    { what: "a bare operation name", target: "GetKeyPolicy" },
  ])("answers UnknownOperationException without a message for $what", ({ target }) => {
    expect(parseTarget(target)).toEqual({
      success: false,
      error: { name: "UnknownOperationException", message: "" },
    });
  });
});

describe("decodeRequestBody", () => {
  it.each(["", "   ", "\n"])("decodes the empty body %j as an empty object", (body) => {
    expect(decodeRequestBody(body)).toEqual({ success: true, data: {} });
  });

  it("decodes a JSON object", () => {
    expect(decodeRequestBody('{"KeyId":"k","Limit":10}')).toEqual({ success: true, data: { KeyId: "k", Limit: 10 } });
  });

  it.each(["{", "not json", '{"KeyId":}', "{'KeyId':'k'}"])(
    "answers SerializationException for the invalid JSON %j",
    (body) => {
      expect(decodeRequestBody(body)).toEqual({
        success: false,
        error: { name: "SerializationException", message: "Unable to parse the request body as JSON." },
      });
    },
  );

  it.each(["[]", '[{"KeyId":"k"}]', '"KeyId"', "42", "true", "null"])(
    "answers SerializationException for %s, JSON that is not an object",
    (body) => {
      expect(decodeRequestBody(body)).toEqual({
        success: false,
        error: { name: "SerializationException", message: "Start of structure or map not found." },
      });
    },
  );
});

describe("encodeErrorBody", () => {
  // [RPT] vector unknown-operation: the raw body carries no message at all.
  it("leaves message out when it is empty", () => {
    expect(encodeErrorBody(createKmsError("UnknownOperationException"))).toMatchInlineSnapshot(
      `"{"__type":"UnknownOperationException"}"`,
    );
  });

  it("writes __type then message", () => {
    const error = createKmsError("NotFoundException", "Invalid keyId 'fake-key-id'");
    expect(encodeErrorBody(error)).toMatchInlineSnapshot(
      `"{"__type":"NotFoundException","message":"Invalid keyId 'fake-key-id'"}"`,
    );
  });

  it("escapes quotes and control characters in the message as JSON", () => {
    const error = createKmsError("MalformedPolicyDocumentException", 'a "quoted"\nline');
    expect(encodeErrorBody(error)).toMatchInlineSnapshot(
      `"{"__type":"MalformedPolicyDocumentException","message":"a \\"quoted\\"\\nline"}"`,
    );
    expect(JSON.parse(encodeErrorBody(error))).toEqual({
      __type: "MalformedPolicyDocumentException",
      message: 'a "quoted"\nline',
    });
  });
});

describe("decodeErrorBody", () => {
  it.each([
    { what: "the bare name", body: '{"__type":"NotFoundException","message":"m"}' },
    { what: "the namespaced name", body: '{"__type":"com.amazonaws.kms#NotFoundException","message":"m"}' },
    { what: "a capital-M Message", body: '{"__type":"NotFoundException","Message":"m"}' },
    { what: "both forms at once", body: '{"__type":"com.amazonaws.kms#NotFoundException","Message":"m"}' },
    {
      what: "a Coral URI suffix",
      body: '{"__type":"NotFoundException:http://internal.amazon.com/coral/com.amazon.coral.validate/","message":"m"}',
    },
    { what: "a code member instead of __type", body: '{"code":"NotFoundException","message":"m"}' },
  ])("reads $what", ({ body }) => {
    expect(decodeErrorBody(body)).toEqual({ name: "NotFoundException", message: "m" });
  });

  it("reads a body without a message as an empty message", () => {
    expect(decodeErrorBody('{"__type":"InvalidCiphertextException"}')).toEqual({
      name: "InvalidCiphertextException",
      message: "",
    });
  });

  it("round-trips what encodeErrorBody writes", () => {
    const error = createKmsError("AccessDeniedException", "User: x is not authorized");
    expect(decodeErrorBody(encodeErrorBody(error))).toEqual(error);
  });

  it.each(["<html>500</html>", "", "null", "[]", '{"message":"no type"}', '{"__type":42}'])(
    "answers undefined for %j, which is not an AWS error body",
    (body) => {
      expect(decodeErrorBody(body)).toBeUndefined();
    },
  );
});
