import { describe, expect, it } from "vitest";
import { type AccessDenied, authorize, formatAccessDenied } from "./authorize.js";
import type { EvaluationContext } from "./evaluate-key-policy.js";
import type { KeyPolicy } from "./key-policy.js";
import { parseJson } from "./parse.js";
import { readKeyPolicy } from "./read-key-policy.js";

const ACCOUNT = "111122223333";
const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const ALICE = `arn:aws:iam::${ACCOUNT}:user/alice`;
const BOB = "arn:aws:iam::444455556666:user/bob";
const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

function read(...statements: object[]): KeyPolicy {
  const parsed = parseJson(JSON.stringify({ Version: "2012-10-17", Statement: statements }));
  if (!parsed.success) throw new Error("test policy is not JSON");
  const policy = readKeyPolicy(parsed.data);
  if (!policy.success) throw new Error(policy.error.message);
  return policy.data;
}
const statement = (effect: "Allow" | "Deny", principal: unknown, action = "kms:*") => ({
  Effect: effect,
  Principal: principal,
  Action: action,
  Resource: "*",
});
const viaRoot = read(statement("Allow", { AWS: ROOT }));
const namesAlice = read(statement("Allow", { AWS: ALICE }));
const denyAll = read(statement("Deny", "*"));
/** Identity policies are read with Principal "*" (the key-policy cache does the same). */
const iamAllow = read(statement("Allow", "*"));
const iamDeny = read(statement("Deny", "*"));
const iamOther = read(statement("Allow", "*", "kms:DescribeKey"));

const context = (principalArn = ALICE, accountId = ACCOUNT): EvaluationContext => ({
  principalArn,
  accountId,
  action: "kms:GetKeyPolicy",
  resourceArn: KEY,
  keyAccountId: ACCOUNT,
  conditionKeys: {},
});
const allowed = { allowed: true };
const refused = (policy: AccessDenied["policy"], reason: AccessDenied["reason"]) => ({
  allowed: false,
  policy,
  reason,
});

describe("authorize", () => {
  it.each([
    ["the key policy names the caller", { keyPolicy: namesAlice }, allowed],
    ["through the account root, without identity policies [DEC]", { keyPolicy: viaRoot }, allowed],
    [
      "through the account root, identity policies allowing",
      { keyPolicy: viaRoot, identityPolicies: [iamAllow] },
      allowed,
    ],
    [
      "through the account root, identity policies silent",
      { keyPolicy: viaRoot, identityPolicies: [iamOther] },
      refused("identity-based", "no-policy"),
    ],
    [
      "through the account root, an identity Deny",
      { keyPolicy: viaRoot, identityPolicies: [iamAllow, iamDeny] },
      refused("identity-based", "explicit-deny"),
    ],
    [
      "naming the caller, an identity Deny still wins",
      { keyPolicy: namesAlice, identityPolicies: [iamDeny] },
      refused("identity-based", "explicit-deny"),
    ],
    ["naming the caller, identity policies silent", { keyPolicy: namesAlice, identityPolicies: [iamOther] }, allowed],
    [
      "a key-policy Deny wins over everything",
      { keyPolicy: read(statement("Allow", { AWS: ALICE }), statement("Deny", "*")), identityPolicies: [iamAllow] },
      refused("resource-based", "explicit-deny"),
    ],
    [
      "nothing in the key policy allows",
      { keyPolicy: read(statement("Allow", { AWS: BOB })), identityPolicies: [iamAllow] },
      refused("resource-based", "no-policy"),
    ],
    ["an unreadable key policy allows nothing", { keyPolicy: null }, refused("resource-based", "no-policy")],
    [
      "an unreadable identity policy allows nothing",
      { keyPolicy: viaRoot, identityPolicies: [null] },
      refused("identity-based", "no-policy"),
    ],
    ["IAM only: no identity policies [DEC]", {}, allowed],
    ["IAM only: an identity Allow", { identityPolicies: [iamAllow] }, allowed],
    ["IAM only: identity policies silent", { identityPolicies: [iamOther] }, refused("identity-based", "no-policy")],
    [
      "IAM only: an identity Deny",
      { identityPolicies: [iamAllow, iamDeny] },
      refused("identity-based", "explicit-deny"),
    ],
  ])("%s", (_name, request, expected) => {
    expect(authorize({ ...request, context: context() })).toEqual(expected);
  });

  it("the account root is not subject to identity policies, but is to a key-policy Deny", () => {
    expect(authorize({ keyPolicy: viaRoot, identityPolicies: [iamDeny], context: context(ROOT) })).toEqual(allowed);
    expect(authorize({ identityPolicies: [iamDeny], context: context(ROOT) })).toEqual(allowed);
    expect(authorize({ keyPolicy: denyAll, context: context(ROOT) })).toEqual(
      refused("resource-based", "explicit-deny"),
    );
  });

  it("a caller of another account needs its identity policies to allow as well", () => {
    const shared = read(statement("Allow", { AWS: BOB }));
    expect(
      authorize({ keyPolicy: shared, identityPolicies: [iamOther], context: context(BOB, "444455556666") }),
    ).toEqual(refused("identity-based", "no-policy"));
    expect(
      authorize({ keyPolicy: shared, identityPolicies: [iamAllow], context: context(BOB, "444455556666") }),
    ).toEqual(allowed);
  });
});

describe("formatAccessDenied", () => {
  it.each([
    [
      "resource-based",
      "no-policy",
      KEY,
      `User: ${ALICE} is not authorized to perform: kms:GetKeyPolicy on resource: ${KEY} because no resource-based policy allows the kms:GetKeyPolicy action`,
    ],
    [
      "resource-based",
      "explicit-deny",
      KEY,
      `User: ${ALICE} is not authorized to perform: kms:GetKeyPolicy on resource: ${KEY} with an explicit deny in a resource-based policy`,
    ],
    [
      "identity-based",
      "no-policy",
      "*",
      `User: ${ALICE} is not authorized to perform: kms:GetKeyPolicy on resource: * because no identity-based policy allows the kms:GetKeyPolicy action`,
    ],
    [
      "identity-based",
      "explicit-deny",
      "*",
      `User: ${ALICE} is not authorized to perform: kms:GetKeyPolicy on resource: * with an explicit deny in an identity-based policy`,
    ],
    [
      "identity-based",
      "no-policy",
      undefined,
      `User: ${ALICE} is not authorized to perform: kms:GetKeyPolicy because no identity-based policy allows the kms:GetKeyPolicy action`,
    ],
    [
      "identity-based",
      "explicit-deny",
      undefined,
      `User: ${ALICE} is not authorized to perform: kms:GetKeyPolicy with an explicit deny in an identity-based policy`,
    ],
  ] as const)("%s %s", (policy, reason, resource, text) => {
    expect(formatAccessDenied({ allowed: false, policy, reason }, ALICE, "kms:GetKeyPolicy", resource)).toBe(text);
  });
});
