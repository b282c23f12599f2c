import { describe, expect, it } from "vitest";
import {
  CreateAliasRequest,
  CreateKeyRequest,
  DeleteAliasRequest,
  GetKeyPolicyRequest,
  ListKeyPoliciesRequest,
  PutKeyPolicyRequest,
  ScheduleKeyDeletionRequest,
} from "./shapes/operations.js";
import { formatMemberPath, validateRequest } from "./validation.js";

const KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";

/** The error message, failing the test when validation unexpectedly succeeds. */
function failure(result: ReturnType<typeof validateRequest>): { name: string; message: string } {
  if (result.success) throw new Error(`expected a failure, got ${JSON.stringify(result.data)}`);
  return result.error;
}

describe("validateRequest with one violation", () => {
  it.each([
    {
      what: "a missing KeyId is a null member",
      schema: GetKeyPolicyRequest,
      input: {},
      message:
        "1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null",
    },
    {
      what: "an empty KeyId is too short",
      schema: GetKeyPolicyRequest,
      input: { KeyId: "" },
      message:
        "1 validation error detected: Value '' at 'keyId' failed to satisfy constraint: Member must have length greater than or equal to 1",
    },
    {
      what: "a PolicyName with characters outside [\\w] fails the pattern",
      schema: GetKeyPolicyRequest,
      input: { KeyId: KEY_ID, PolicyName: "bad-name!" },
      message:
        "1 validation error detected: Value 'bad-name!' at 'policyName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w]+",
    },
    {
      what: "a PolicyName of 129 word characters is too long",
      schema: GetKeyPolicyRequest,
      input: { KeyId: KEY_ID, PolicyName: "p".repeat(129) },
      message: `1 validation error detected: Value '${"p".repeat(129)}' at 'policyName' failed to satisfy constraint: Member must have length less than or equal to 128`,
    },
    {
      what: "a Limit of 0 is below the range",
      schema: ListKeyPoliciesRequest,
      input: { KeyId: KEY_ID, Limit: 0 },
      message:
        "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
    },
    {
      what: "a Limit of 1001 is above the range",
      schema: ListKeyPoliciesRequest,
      input: { KeyId: KEY_ID, Limit: 1001 },
      message:
        "1 validation error detected: Value '1001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 1000",
    },
    {
      what: "an empty Marker is too short",
      schema: ListKeyPoliciesRequest,
      input: { KeyId: KEY_ID, Marker: "" },
      message:
        "1 validation error detected: Value '' at 'marker' failed to satisfy constraint: Member must have length greater than or equal to 1",
    },
    {
      what: "a missing Policy on PutKeyPolicy is a null member",
      schema: PutKeyPolicyRequest,
      input: { KeyId: KEY_ID },
      message:
        "1 validation error detected: Value null at 'policy' failed to satisfy constraint: Member must not be null",
    },
    {
      what: "a Policy with a character above U+00FF fails the pattern",
      schema: PutKeyPolicyRequest,
      input: { KeyId: KEY_ID, Policy: '{"Sid":"\u0100"}' },
      message:
        "1 validation error detected: Value '{\"Sid\":\"\u0100\"}' at 'policy' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+",
    },
    {
      what: "an AliasName with a dot fails the model's pattern, quoted as the model writes it",
      schema: CreateAliasRequest,
      input: { AliasName: "alias/my.alias", TargetKeyId: KEY_ID },
      message:
        "1 validation error detected: Value 'alias/my.alias' at 'aliasName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$",
    },
    {
      what: "a DeleteAlias AliasName with a space fails the same pattern",
      schema: DeleteAliasRequest,
      input: { AliasName: "alias/my alias" },
      message:
        "1 validation error detected: Value 'alias/my alias' at 'aliasName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$",
    },
    {
      what: "a PendingWindowInDays of 366 is above the range",
      schema: ScheduleKeyDeletionRequest,
      input: { KeyId: KEY_ID, PendingWindowInDays: 366 },
      message:
        "1 validation error detected: Value '366' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value less than or equal to 365",
    },
  ])("answers ValidationException when $what", ({ schema, input, message }) => {
    expect(failure(validateRequest(schema, input))).toEqual({ name: "ValidationException", message });
  });

  it("answers a KeyId of 2049 characters with the length limit 2048 and echoes the whole value", () => {
    const keyId = "k".repeat(2049);
    expect(failure(validateRequest(GetKeyPolicyRequest, { KeyId: keyId }))).toEqual({
      name: "ValidationException",
      message: `1 validation error detected: Value '${keyId}' at 'keyId' failed to satisfy constraint: Member must have length less than or equal to 2048`,
    });
  });

  it("accepts a KeyId of exactly 2048 characters (validation does not parse identifiers)", () => {
    expect(validateRequest(GetKeyPolicyRequest, { KeyId: "k".repeat(2048) }).success).toBe(true);
  });

  it("lets an AliasName with a colon through, as the model's pattern does (the operation refuses it, §4a)", () => {
    expect(validateRequest(CreateAliasRequest, { AliasName: "alias/my:alias", TargetKeyId: KEY_ID }).success).toBe(
      true,
    );
  });

  it.each([1, 1000])("accepts a Limit of %i, the ends of the range", (limit) => {
    expect(validateRequest(ListKeyPoliciesRequest, { KeyId: KEY_ID, Limit: limit })).toEqual({
      success: true,
      data: { KeyId: KEY_ID, Limit: limit },
    });
  });

  it("accepts a Policy with tab, newline, carriage return and Latin-1 characters", () => {
    const policy = '{\t"Sid" :\r\n "caf\u00e9\u00ff" }';
    expect(validateRequest(PutKeyPolicyRequest, { KeyId: KEY_ID, Policy: policy }).success).toBe(true);
  });
});

describe("validateRequest with several violations", () => {
  it("reports an empty PolicyName as both too short and not matching the pattern, length first", () => {
    expect(failure(validateRequest(GetKeyPolicyRequest, { KeyId: KEY_ID, PolicyName: "" }))).toEqual({
      name: "ValidationException",
      message:
        "2 validation errors detected: " +
        "Value '' at 'policyName' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
        "Value '' at 'policyName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w]+",
    });
  });

  it("joins violations of different members with '; ' in member order", () => {
    expect(failure(validateRequest(ListKeyPoliciesRequest, { KeyId: "", Limit: 0, Marker: "" }))).toEqual({
      name: "ValidationException",
      message:
        "3 validation errors detected: " +
        "Value '' at 'keyId' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
        "Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1; " +
        "Value '' at 'marker' failed to satisfy constraint: Member must have length greater than or equal to 1",
    });
  });

  it("reports a missing required member together with a pattern violation", () => {
    expect(failure(validateRequest(GetKeyPolicyRequest, { PolicyName: "bad-name!" }))).toEqual({
      name: "ValidationException",
      message:
        "2 validation errors detected: " +
        "Value null at 'keyId' failed to satisfy constraint: Member must not be null; " +
        "Value 'bad-name!' at 'policyName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w]+",
    });
  });

  it("numbers list members from 1 in the member path", () => {
    const input = { Tags: [{ TagKey: "", TagValue: "v" }, { TagValue: "x" }] };
    expect(failure(validateRequest(CreateKeyRequest, input))).toEqual({
      name: "ValidationException",
      message:
        "2 validation errors detected: " +
        "Value '' at 'tags.1.member.tagKey' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
        "Value null at 'tags.2.member.tagKey' failed to satisfy constraint: Member must not be null",
    });
  });
});

describe("validateRequest against the recorded AWS vectors", () => {
  // [REC] vector `validation-string-too-long` (LocalStack snapshot recorded against real AWS).
  it("answers a TagKey of 129 characters exactly as AWS did", () => {
    const tagKey = "a".repeat(129);
    const input = { Tags: [{ TagKey: tagKey, TagValue: "v" }] };
    expect(failure(validateRequest(CreateKeyRequest, input))).toEqual({
      name: "ValidationException",
      message: `1 validation error detected: Value '${tagKey}' at 'tags.1.member.tagKey' failed to satisfy constraint: Member must have length less than or equal to 128`,
    });
  });
  // The enum messages (vector `validation-enum`) are pinned in shapes/constraints.test.ts.
});

describe("validateRequest with wrong JSON types", () => {
  it.each([
    { what: "a number for a string", input: { KeyId: 123 }, message: "NUMBER_VALUE can not be converted to a String" },
    {
      what: "a boolean for a string",
      input: { KeyId: true },
      message: "BOOLEAN_VALUE can not be converted to a String",
    },
    { what: "a list for a string", input: { KeyId: ["a"] }, message: "Start of list found where not expected" },
    {
      what: "an object for a string",
      input: { KeyId: { a: 1 } },
      message: "Start of structure or map found where not expected.",
    },
    {
      what: "a string for an integer",
      input: { KeyId: KEY_ID, Limit: "10" },
      message: "STRING_VALUE can not be converted to an Integer",
    },
    {
      what: "a fraction for an integer",
      input: { KeyId: KEY_ID, Limit: 1.5 },
      message: "NUMBER_VALUE can not be converted to an Integer",
    },
  ])("answers SerializationException for $what", ({ input, message }) => {
    expect(failure(validateRequest(ListKeyPoliciesRequest, input))).toEqual({
      name: "SerializationException",
      message,
    });
  });

  it.each([2147483648, 1e20, -2147483649])("answers SerializationException for %d, outside Java's int", (limit) => {
    expect(failure(validateRequest(ListKeyPoliciesRequest, { KeyId: KEY_ID, Limit: limit }))).toEqual({
      name: "SerializationException",
      message: "NUMBER_VALUE can not be converted to an Integer",
    });
  });

  it("answers a Limit of 2147483647 (Java's largest int) with the range, not a serialization error", () => {
    expect(failure(validateRequest(ListKeyPoliciesRequest, { KeyId: KEY_ID, Limit: 2147483647 }))).toEqual({
      name: "ValidationException",
      message:
        "1 validation error detected: Value '2147483647' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 1000",
    });
  });

  it.each([
    { what: "a number", value: 5, message: "NUMBER_VALUE can not be converted to a String" },
    { what: "a boolean", value: false, message: "BOOLEAN_VALUE can not be converted to a String" },
    { what: "a list", value: ["SYMMETRIC_DEFAULT"], message: "Start of list found where not expected" },
  ])("answers SerializationException for $what where an enum string belongs", ({ value, message }) => {
    expect(failure(validateRequest(CreateKeyRequest, { KeySpec: value }))).toEqual({
      name: "SerializationException",
      message,
    });
  });

  it("answers SerializationException for a string where a boolean belongs", () => {
    const input = { KeyId: KEY_ID, Policy: "{}", BypassPolicyLockoutSafetyCheck: "true" };
    expect(failure(validateRequest(PutKeyPolicyRequest, input))).toEqual({
      name: "SerializationException",
      message: "STRING_VALUE can not be converted to a Boolean",
    });
  });

  it("answers SerializationException for a string where a list belongs", () => {
    expect(failure(validateRequest(CreateKeyRequest, { Tags: "k=v" }))).toEqual({
      name: "SerializationException",
      message: "STRING_VALUE can not be converted to a List",
    });
  });

  it("answers SerializationException rather than ValidationException when both kinds of problem occur", () => {
    expect(failure(validateRequest(ListKeyPoliciesRequest, { KeyId: "", Limit: "ten" })).name).toBe(
      "SerializationException",
    );
  });
});

describe("validateRequest with JSON null members", () => {
  // [DOC] Smithy awsJson1_1 protocol test AwsJson11ServersDontDeserializeNullStructureValues: a server drops null
  // structure members, so null means absent.
  it("treats a null optional member as absent", () => {
    expect(validateRequest(GetKeyPolicyRequest, { KeyId: KEY_ID, PolicyName: null })).toEqual({
      success: true,
      data: { KeyId: KEY_ID },
    });
  });

  it("treats a null required member as missing", () => {
    expect(failure(validateRequest(GetKeyPolicyRequest, { KeyId: null }))).toEqual({
      name: "ValidationException",
      message:
        "1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null",
    });
  });

  it("treats null members of structures inside lists as absent", () => {
    expect(failure(validateRequest(CreateKeyRequest, { Tags: [{ TagKey: "k", TagValue: null }] }))).toEqual({
      name: "ValidationException",
      message:
        "1 validation error detected: Value null at 'tags.1.member.tagValue' failed to satisfy constraint: Member must not be null",
    });
  });
});

describe("validateRequest on well-formed input", () => {
  it("strips unknown members, as AWS ignores them", () => {
    expect(validateRequest(GetKeyPolicyRequest, { KeyId: KEY_ID, Unknown: 1, policyName: "x" })).toEqual({
      success: true,
      data: { KeyId: KEY_ID },
    });
  });

  it("strips unknown members of nested structures", () => {
    expect(validateRequest(CreateKeyRequest, { Tags: [{ TagKey: "k", TagValue: "v", Extra: true }] })).toEqual({
      success: true,
      data: { Tags: [{ TagKey: "k", TagValue: "v" }] },
    });
  });

  it("leaves an omitted optional member out instead of filling a default", () => {
    const result = validateRequest(GetKeyPolicyRequest, { KeyId: KEY_ID });
    expect(result.success && Object.hasOwn(result.data, "PolicyName")).toBe(false);
  });
});

describe("formatMemberPath", () => {
  it.each([
    { path: ["KeyId"], expected: "keyId" },
    { path: ["PolicyName"], expected: "policyName" },
    { path: ["BypassPolicyLockoutSafetyCheck"], expected: "bypassPolicyLockoutSafetyCheck" },
    { path: ["Tags", 0, "TagKey"], expected: "tags.1.member.tagKey" },
    { path: ["Tags", 9, "TagValue"], expected: "tags.10.member.tagValue" },
    { path: ["GrantTokens", 2], expected: "grantTokens.3.member" },
    { path: [], expected: "" },
  ])("formats $path as '$expected'", ({ path, expected }) => {
    expect(formatMemberPath(path)).toBe(expected);
  });
});
