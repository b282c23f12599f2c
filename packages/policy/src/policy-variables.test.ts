import { describe, expect, it } from "vitest";
import { createConditionKeyLookup } from "./evaluate-condition.js";
import { type EvaluationContext, evaluateKeyPolicy, evaluateKeyPolicyStatements } from "./evaluate-key-policy.js";
import { parseJson } from "./parse.js";
import { resolvePolicyVariables } from "./policy-variables.js";
import { readIdentityPolicy } from "./read-identity-policy.js";

const ACCOUNT = "111122223333";
const ALICE = `arn:aws:iam::${ACCOUNT}:user/alice`;
const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const keys = {
  "aws:username": "alice",
  "aws:PrincipalAccount": ACCOUNT,
  "aws:userid": "AIDAEXAMPLEALICE",
  "aws:PrincipalTag/team": "payments",
  "aws:TagKeys": ["a", "b"],
};
const lookup = createConditionKeyLookup(keys);
const wild = (text: string) => ({ text, literal: false });
const literal = (text: string) => ({ text, literal: true });

describe("resolvePolicyVariables", () => {
  it.each([
    ["no variable", "arn:aws:kms:*:111122223333:key/*", "arn:aws:kms:*:111122223333:key/*"],
    ["a variable", "home/${aws:username}/*", [wild("home/"), literal("alice"), wild("/*")]],
    ["a key in another case", "${AWS:UserName}", [literal("alice")]],
    ["a principal tag", "team-${aws:PrincipalTag/team}", [wild("team-"), literal("payments")]],
    [
      "two variables",
      "${aws:PrincipalAccount}:${aws:userid}",
      [literal(ACCOUNT), wild(":"), literal("AIDAEXAMPLEALICE")],
    ],
    ["the escapes", "${*}${?}${$}", [literal("*"), literal("?"), literal("$")]],
    ["a default for a missing key", "${aws:SourceIdentity, 'nobody'}", [literal("nobody")]],
    ["a default without the space", "${aws:SourceIdentity,'nobody'}", [literal("nobody")]],
    ["a default the key overrides", "${aws:username, 'nobody'}", [literal("alice")]],
    ["an empty default", "x${aws:SourceIdentity, ''}", [wild("x"), literal("")]],
    ["an unclosed variable, kept as text", "a${aws:username", [wild("a${aws:username")]],
    ["an empty variable, kept as text", "a${}", [wild("a${}")]],
    ["a default without quotes, kept as text", "${aws:username, nobody}", [wild("${aws:username, nobody}")]],
  ])("substitutes %s", (_name, text, expected) => {
    expect(resolvePolicyVariables(text, lookup)).toEqual(expected);
  });

  it.each([
    ["a missing key", "home/${aws:SourceIdentity}/*"],
    ["a multi-valued key", "${aws:TagKeys}"],
    ["one missing key among others", "${aws:username}-${aws:SourceIdentity}"],
  ])("has no value for %s", (_name, text) => {
    expect(resolvePolicyVariables(text, lookup)).toBeUndefined();
  });
});

const request: EvaluationContext = {
  principalArn: ALICE,
  accountId: ACCOUNT,
  action: "kms:DescribeKey",
  resourceArn: KEY,
  keyAccountId: ACCOUNT,
  conditionKeys: keys,
};

function identity(version: string | undefined, ...statements: Record<string, unknown>[]) {
  const parsed = parseJson(JSON.stringify({ ...(version ? { Version: version } : {}), Statement: statements }));
  const policy = parsed.success ? readIdentityPolicy(parsed.data) : undefined;
  if (!policy?.success) throw new Error("test policy");
  return policy.data;
}

describe("policy variables in an identity policy's Resource and NotResource", () => {
  const alias = (name: string) => `arn:aws:kms:us-east-1:${ACCOUNT}:alias/${name}`;
  it.each([
    ["2012-10-17", "alias/${aws:username}-*", alias("alice-app"), "allow"],
    ["2012-10-17", "alias/${aws:username}-*", alias("bob-app"), "implicit-deny"],
    ["2012-10-17", "alias/${aws:PrincipalTag/team}/*", alias("payments/db"), "allow"],
    ["2012-10-17", "alias/${aws:SourceIdentity}", alias("alice"), "implicit-deny"],
    ["2012-10-17", "alias/${aws:SourceIdentity, 'shared'}", alias("shared"), "allow"],
    ["2012-10-17", "alias/star${*}", alias("star*"), "allow"],
    ["2012-10-17", "alias/star${*}", alias("starlight"), "implicit-deny"],
    ["2008-10-17", "alias/${aws:username}-*", alias("alice-app"), "implicit-deny"],
    ["2008-10-17", "alias/${aws:username}-*", alias("${aws:username}-app"), "allow"],
    [undefined, "alias/${aws:username}-*", alias("alice-app"), "implicit-deny"],
  ])("Version %s, Resource %s, for %s: %s", (version, resource, resourceArn, decision) => {
    const policy = identity(version, {
      Effect: "Allow",
      Action: "kms:*",
      Resource: `arn:aws:kms:us-east-1:${ACCOUNT}:${resource}`,
    });
    expect(evaluateKeyPolicyStatements(policy, { ...request, resourceArn }).decision).toBe(decision);
  });

  it.each([
    ["a resolved variable that names the resource", "alias/${aws:username}", "implicit-deny"],
    ["a resolved variable that names another resource", "alias/${aws:PrincipalTag/team}", "allow"],
    [
      "a variable without a value, which makes the statement apply to nothing",
      "alias/${aws:SourceIdentity}",
      "implicit-deny",
    ],
  ])("an Allow on NotResource with %s", (_name, notResource, decision) => {
    const policy = identity("2012-10-17", {
      Effect: "Allow",
      Action: "kms:*",
      NotResource: `arn:aws:kms:us-east-1:${ACCOUNT}:${notResource}`,
    });
    expect(
      evaluateKeyPolicyStatements(policy, { ...request, resourceArn: `arn:aws:kms:us-east-1:${ACCOUNT}:alias/alice` })
        .decision,
    ).toBe(decision);
  });
});

describe("policy variables in condition values", () => {
  function keyPolicy(condition: Record<string, unknown>, version: string | undefined = "2012-10-17") {
    const statement = {
      Effect: "Allow",
      Principal: { AWS: ALICE },
      Action: "kms:*",
      Resource: "*",
      Condition: condition,
    };
    const parsed = parseJson(JSON.stringify({ ...(version ? { Version: version } : {}), Statement: [statement] }));
    if (!parsed.success) throw new Error("test policy");
    return parsed.data;
  }
  it.each<[string, Record<string, unknown>, string]>([
    [
      "StringEquals on the caller's account",
      { StringEquals: { "kms:CallerAccount": "${aws:PrincipalAccount}" } },
      "allow",
    ],
    ["StringEqualsIgnoreCase", { StringEqualsIgnoreCase: { "aws:userid": "aidaexample${aws:username}" } }, "allow"],
    ["StringEquals, case-sensitive", { StringEquals: { "aws:userid": "AIDAEXAMPLE${aws:username}" } }, "implicit-deny"],
    ["StringLike around a variable", { StringLike: { "kms:RequestAlias": "alias/${aws:username}-*" } }, "allow"],
    [
      "StringLike with another user's name",
      { StringLike: { "kms:RequestAlias": "alias/${aws:PrincipalTag/team}-*" } },
      "implicit-deny",
    ],
    ["StringLike with the escaped *", { StringLike: { "kms:RequestAlias": "alias/${*}" } }, "implicit-deny"],
    [
      "ArnEquals built from variables",
      { ArnEquals: { "aws:PrincipalArn": "arn:aws:iam::${aws:PrincipalAccount}:user/${aws:username}" } },
      "allow",
    ],
    [
      "ArnLike with a missing variable",
      { ArnLike: { "aws:PrincipalArn": "arn:aws:iam::*:user/${aws:SourceIdentity}" } },
      "implicit-deny",
    ],
    [
      "StringNotEquals with a missing variable (unknown, not a non-match)",
      { StringNotEquals: { "aws:username": "${aws:SourceIdentity}" } },
      "implicit-deny",
    ],
    [
      "StringNotEquals with a default",
      { StringNotEquals: { "aws:username": "${aws:SourceIdentity, 'bob'}" } },
      "allow",
    ],
    [
      "NumericEquals, which takes no variables",
      { NumericEquals: { "aws:MultiFactorAuthAge": "${aws:MultiFactorAuthAge}" } },
      "implicit-deny",
    ],
  ])("%s", (_name, condition, decision) => {
    const conditionKeys = {
      ...keys,
      "aws:PrincipalArn": ALICE,
      "kms:CallerAccount": ACCOUNT,
      "kms:RequestAlias": "alias/alice-app",
      "aws:MultiFactorAuthAge": "60",
    };
    expect(evaluateKeyPolicy(keyPolicy(condition), { ...request, conditionKeys }).decision).toBe(decision);
  });

  it("compares a variable literally in a 2008-10-17 policy", () => {
    const condition = { StringEquals: { "aws:username": "${aws:username}" } };
    expect(evaluateKeyPolicy(keyPolicy(condition, "2008-10-17"), request).decision).toBe("implicit-deny");
    const literally = { ...request, conditionKeys: { "aws:username": "${aws:username}" } };
    expect(evaluateKeyPolicy(keyPolicy(condition, "2008-10-17"), literally).decision).toBe("allow");
  });
});
