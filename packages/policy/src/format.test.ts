import fc from "fast-check";
import { describe, expect, it } from "vitest";
import fixture from "../test/fixtures/aws-policy-texts.json" with { type: "json" };
import { formatPolicy } from "./format.js";
import { fromJsonValue, type JsonNode } from "./json-node.js";
import { parseJson } from "./parse.js";

function parsed(text: string): JsonNode {
  const result = parseJson(text);
  if (!result.success) throw new Error(`fixture is not JSON: ${result.error.message}`);
  return result.data;
}

function fixtureCase(name: string): Record<string, string> {
  const found = fixture.cases.find((c) => c.name === name);
  if (!found) throw new Error(`no fixture case ${name}`);
  return found as Record<string, string>;
}

describe("formatPolicy", () => {
  it("reproduces the default key policy of the GetKeyPolicy example byte for byte", () => {
    const { policy } = fixtureCase("get-key-policy-default-doc-example");
    const text = policy ?? "";
    expect(formatPolicy(parsed(text))).toBe(text);
  });

  it("pretty-prints a single-line policy the way AWS re-serialises it", () => {
    const { policy } = fixtureCase("get-key-policy-default-doc-example");
    const compact = JSON.stringify(JSON.parse(policy ?? ""));
    expect(formatPolicy(parsed(compact))).toBe(policy);
  });

  it("produces the recorded GetKeyPolicy wire body for a user-supplied two-statement policy", () => {
    const { responseBodyPrefix } = fixtureCase("get-key-policy-custom-policy-raw-body-fragment");
    const submitted = JSON.stringify({
      Version: "2012-10-17",
      Id: "key-default-1",
      Statement: [
        {
          Sid: "DefaultROOTPermissions",
          Effect: "Allow",
          Principal: { AWS: "arn:aws:iam::111122223333:root" },
          Action: "kms:*",
          Resource: "*",
        },
        {
          Sid: "EnableAdminUserPermissions",
          Effect: "Allow",
          Principal: {
            AWS: [
              "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/ap-southeast-2/AWSReservedSSO_superadmin",
              "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/ap-southeast-2/AWSReservedSSO_sysadmin",
            ],
          },
          Action: "kms:*",
          Resource: "*",
        },
      ],
    });
    const body = JSON.stringify({ Policy: formatPolicy(parsed(submitted)) });
    expect(body.startsWith(responseBodyPrefix ?? "-")).toBe(true);
  });

  it.each([
    ["an empty object", "{}", "{ }"],
    ["an empty array", '{"a":[]}', '{\n  "a" : [ ]\n}'],
    ["an empty object member", '{"a":{}}', '{\n  "a" : { }\n}'],
    ["an array of scalars", '{"a":[1,"b",true,null]}', '{\n  "a" : [ 1, "b", true, null ]\n}'],
    ["nested arrays", '{"a":[[1],[]]}', '{\n  "a" : [ [ 1 ], [ ] ]\n}'],
    ["an object inside an array inside an object", '[{"a":{"b":1}}]', '[ {\n  "a" : {\n    "b" : 1\n  }\n} ]'],
    ["numbers exactly as written", '{"a":1.50,"b":-0,"c":1E+2}', '{\n  "a" : 1.50,\n  "b" : -0,\n  "c" : 1E+2\n}'],
    ["integer-like member names in document order", '{"b":1,"1":2}', '{\n  "b" : 1,\n  "1" : 2\n}'],
    [
      "a repeated member at its first position with its last value",
      '{"a":1,"b":2,"a":3}',
      '{\n  "a" : 3,\n  "b" : 2\n}',
    ],
    ["a __proto__ member as an ordinary member", '{"__proto__":{"x":1}}', '{\n  "__proto__" : {\n    "x" : 1\n  }\n}'],
  ])("formats %s", (_name, input, expected) => {
    expect(formatPolicy(parsed(input))).toBe(expected);
  });

  it.each([
    ["quote and backslash", 'a"b\\c', '"a\\"b\\\\c"'],
    ["short escapes", "\b\t\n\f\r", '"\\b\\t\\n\\f\\r"'],
    ["other control characters in upper-case hex", "\u0000\u001f", '"\\u0000\\u001F"'],
    ["slash, DEL and non-ASCII unescaped", "/\u007f\u00e9\u2028😀", '"/\u007f\u00e9\u2028😀"'],
  ])("escapes %s as Jackson does", (_name, value, expected) => {
    expect(formatPolicy({ kind: "string", value })).toBe(expected);
  });

  it("keeps the formatted text stable when parsed and formatted again", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        const once = formatPolicy(fromJsonValue(value));
        expect(formatPolicy(parsed(once))).toBe(once);
      }),
    );
  });

  it("keeps the JSON value of any object", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: "binary" }), fc.jsonValue()), (value) => {
        // JSON.stringify is the reference for what the value means as JSON (it also drops null prototypes).
        expect(JSON.parse(formatPolicy(fromJsonValue(value)))).toStrictEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it("keeps the JSON value of any JSON text that holds an object, numbers and repeated members included", () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        const node = parsed(text);
        fc.pre(node.kind === "object");
        const formatted = formatPolicy(node);
        expect(JSON.parse(formatted)).toStrictEqual(JSON.parse(text));
        expect(formatPolicy(parsed(formatted))).toBe(formatted);
      }),
    );
  });
});
