import { describe, expect, it } from "vitest";
import { type EvaluationContext, evaluateKeyPolicyStatements } from "./evaluate-key-policy.js";
import type { KeyPolicy } from "./key-policy.js";
import { parseJson } from "./parse.js";
import { policyMessages } from "./policy-messages.js";
import { readIdentityPolicy } from "./read-identity-policy.js";
import { readKeyPolicy } from "./read-key-policy.js";

const ACCOUNT = "111122223333";
const KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/${KEY_ID}`;
const OTHER_KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/0987dcba-09fe-87dc-65ba-ab0987654321`;
const ALIAS = `arn:aws:kms:us-east-1:${ACCOUNT}:alias/app-prod`;

function read(...statements: Record<string, unknown>[]) {
  const parsed = parseJson(JSON.stringify({ Version: "2012-10-17", Statement: statements }));
  if (!parsed.success) throw new Error("test policy is not JSON");
  return readIdentityPolicy(parsed.data);
}

function policy(...statements: Record<string, unknown>[]): KeyPolicy {
  const result = read(...statements);
  if (!result.success) throw new Error(result.error.message);
  return result.data;
}

const request: EvaluationContext = {
  principalArn: `arn:aws:iam::${ACCOUNT}:user/alice`,
  accountId: ACCOUNT,
  action: "kms:DescribeKey",
  resourceArn: KEY,
  keyAccountId: ACCOUNT,
  conditionKeys: {},
};

const malformed = (message: string) => ({
  success: false,
  error: { name: "MalformedPolicyDocumentException", message },
});

describe("readIdentityPolicy", () => {
  it.each([
    ["Resource *", { Resource: "*" }],
    ["a key ARN", { Resource: KEY }],
    [
      "key and alias wildcards",
      { Resource: [`arn:aws:kms:*:${ACCOUNT}:key/*`, `arn:aws:kms:us-east-1:${ACCOUNT}:alias/*`] },
    ],
    ["a NotResource", { NotResource: OTHER_KEY }],
  ])("accepts %s, which key policies refuse", (_name, resource) => {
    const statement = { Effect: "Allow", Action: "kms:*", ...resource };
    const result = read(statement);
    expect(result.success && result.data.kind).toBe("identity");
    expect(result.success && result.data.statements[0]?.principals).toEqual([]);
    const parsed = parseJson(JSON.stringify({ Statement: { ...statement, Principal: "*" } }));
    expect(parsed.success && readKeyPolicy(parsed.data).success).toBe(
      "Resource" in resource && resource.Resource === "*",
    );
  });

  it("keeps NotResource apart from Resource", () => {
    const result = read({ Effect: "Deny", Action: "kms:*", NotResource: [KEY, ALIAS] });
    expect(result.success && result.data.statements[0]).toMatchObject({ resources: [KEY, ALIAS], notResource: true });
  });

  it.each([
    ["a Principal", { Principal: "*", Resource: "*" }, "Policy document should not specify a principal."],
    [
      "a NotPrincipal",
      { NotPrincipal: { AWS: ACCOUNT }, Resource: "*" },
      "Policy document should not specify a principal.",
    ],
    ["no Resource", {}, policyMessages.noResource()],
    ["an empty Resource list", { Resource: [] }, policyMessages.noResource()],
    [
      "both Resource and NotResource",
      { Resource: "*", NotResource: KEY },
      policyMessages.conflictingElements("Resource", "NotResource"),
    ],
    ["a resource that is not an ARN", { Resource: KEY_ID }, `Resource ${KEY_ID} must be in ARN format or "*".`],
    ["a resource that is not a string", { Resource: [1] }, policyMessages.invalidResource()],
  ])("refuses a statement with %s", (_name, extra, message) => {
    expect(read({ Effect: "Allow", Action: "kms:*", ...extra })).toEqual(malformed(message));
  });
});

describe("evaluateKeyPolicyStatements for an identity policy", () => {
  it.each([
    ["*", KEY, "allow"],
    [KEY, KEY, "allow"],
    [KEY, OTHER_KEY, "implicit-deny"],
    [`arn:aws:kms:*:${ACCOUNT}:key/*`, KEY, "allow"],
    [`arn:aws:kms:*:${ACCOUNT}:key/*`, ALIAS, "implicit-deny"],
    [`arn:aws:kms:us-east-1:${ACCOUNT}:alias/*`, ALIAS, "allow"],
    [`arn:aws:kms:us-east-1:${ACCOUNT}:alias/app-*`, ALIAS, "allow"],
    [`arn:aws:kms:us-east-?:${ACCOUNT}:key/${KEY_ID}`, KEY, "allow"],
    [`arn:aws:kms:us-east-1:444455556666:key/*`, KEY, "implicit-deny"],
    [`arn:aws:kms:us-east-1:${ACCOUNT}:key/${KEY_ID.toUpperCase()}`, KEY, "implicit-deny"],
    [`arn:aws:kms:us-east-1:${ACCOUNT}:*`, ALIAS, "allow"],
  ])("an Allow on Resource %s, for %s: %s", (resource, resourceArn, decision) => {
    const result = evaluateKeyPolicyStatements(policy({ Effect: "Allow", Action: "kms:*", Resource: resource }), {
      ...request,
      resourceArn,
    });
    expect(result.decision).toBe(decision);
  });

  it.each([
    [KEY, KEY, "implicit-deny"],
    [KEY, OTHER_KEY, "allow"],
    [`arn:aws:kms:*:${ACCOUNT}:alias/*`, ALIAS, "implicit-deny"],
    [`arn:aws:kms:*:${ACCOUNT}:alias/*`, KEY, "allow"],
  ])("an Allow on NotResource %s, for %s: %s", (notResource, resourceArn, decision) => {
    const result = evaluateKeyPolicyStatements(policy({ Effect: "Allow", Action: "kms:*", NotResource: notResource }), {
      ...request,
      resourceArn,
    });
    expect(result.decision).toBe(decision);
  });

  it("applies a Deny on NotResource to every other key, whoever the caller is", () => {
    const only = policy(
      { Effect: "Allow", Action: "kms:*", Resource: "*" },
      { Sid: "OnlyThisKey", Effect: "Deny", Action: "kms:*", NotResource: KEY },
    );
    expect(evaluateKeyPolicyStatements(only, request)).toEqual({
      decision: "allow",
      statements: [{ index: 0 }],
      viaAccountRoot: false,
    });
    expect(
      evaluateKeyPolicyStatements(only, {
        ...request,
        resourceArn: OTHER_KEY,
        principalArn: `arn:aws:iam::${ACCOUNT}:role/R`,
      }),
    ).toEqual({
      decision: "explicit-deny",
      statements: [{ index: 1, sid: "OnlyThisKey" }],
      viaAccountRoot: false,
    });
  });
});
