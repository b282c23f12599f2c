import { describe, expect, it } from "vitest";
import { defaultKeyPolicy } from "./default-policy.js";
import { type EvaluationContext, evaluateKeyPolicy } from "./evaluate-key-policy.js";
import type { JsonNode } from "./json-node.js";
import { parseJson } from "./parse.js";

const ACCOUNT = "111122223333";
const OTHER = "444455556666";
const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const ALICE = `arn:aws:iam::${ACCOUNT}:user/alice`;
const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

const request: EvaluationContext = {
  principalArn: ALICE,
  accountId: ACCOUNT,
  action: "kms:GetKeyPolicy",
  resourceArn: KEY,
  keyAccountId: ACCOUNT,
  conditionKeys: {},
};

function doc(...statements: Record<string, unknown>[]): JsonNode {
  const result = parseJson(JSON.stringify({ Version: "2012-10-17", Statement: statements }));
  if (!result.success) throw new Error("test policy is not JSON");
  return result.data;
}

const allow = (extra: Record<string, unknown>) => ({ Effect: "Allow", Action: "kms:*", Resource: "*", ...extra });
const deny = (extra: Record<string, unknown>) => ({ Effect: "Deny", Action: "kms:*", Resource: "*", ...extra });

describe("evaluateKeyPolicy", () => {
  it("allows principals of the key's account through the default policy, delegating to IAM", () => {
    const parsed = parseJson(defaultKeyPolicy(ACCOUNT));
    if (!parsed.success) throw new Error("default policy");
    expect(evaluateKeyPolicy(parsed.data, request)).toEqual({
      decision: "allow",
      statements: [{ index: 0, sid: "Enable IAM User Permissions" }],
      viaAccountRoot: true,
    });
  });

  it("allows the account root itself without delegation", () => {
    const result = evaluateKeyPolicy(doc(allow({ Principal: { AWS: ROOT } })), { ...request, principalArn: ROOT });
    expect(result).toMatchObject({ decision: "allow", viaAccountRoot: false });
  });

  it.each([
    ["the caller's ARN", { AWS: ALICE }, ALICE, "caller"],
    ["a list holding the caller", { AWS: [`arn:aws:iam::${ACCOUNT}:user/bob`, ALICE] }, ALICE, "caller"],
    ["everyone as Principal *", "*", ALICE, "caller"],
    ["everyone as AWS *", { AWS: "*" }, ALICE, "caller"],
    ["the caller's bare account ID", { AWS: ACCOUNT }, ALICE, "account"],
    ["the caller's account root", { AWS: ROOT }, ALICE, "account"],
    [
      "a role, for a session of that role",
      { AWS: `arn:aws:iam::${ACCOUNT}:role/ops/Admin` },
      `arn:aws:sts::${ACCOUNT}:assumed-role/Admin/s1`,
      "caller",
    ],
    ["a service principal, for that service", { Service: "logs.amazonaws.com" }, "logs.amazonaws.com", "caller"],
  ])("allows when the Principal names %s", (_name, principal, principalArn, via) => {
    const result = evaluateKeyPolicy(doc(allow({ Sid: "S", Principal: principal })), { ...request, principalArn });
    expect(result).toEqual({
      decision: "allow",
      statements: [{ index: 0, sid: "S" }],
      viaAccountRoot: via === "account",
    });
  });

  it.each([
    ["another user", { AWS: `arn:aws:iam::${ACCOUNT}:user/bob` }, ALICE],
    ["another account's root", { AWS: `arn:aws:iam::${OTHER}:root` }, ALICE],
    ["another account ID", { AWS: OTHER }, ALICE],
    ["the account root in another partition", { AWS: `arn:aws-cn:iam::${ACCOUNT}:root` }, ALICE],
    [
      "a role of the same name in another account",
      { AWS: `arn:aws:iam::${OTHER}:role/Admin` },
      `arn:aws:sts::${ACCOUNT}:assumed-role/Admin/s1`,
    ],
    [
      "a different role",
      { AWS: `arn:aws:iam::${ACCOUNT}:role/Reader` },
      `arn:aws:sts::${ACCOUNT}:assumed-role/Admin/s1`,
    ],
    ["a wildcard ARN, which IAM does not expand", { AWS: `arn:aws:iam::${ACCOUNT}:user/*` }, ALICE],
    ["a service, for a user", { Service: "logs.amazonaws.com" }, ALICE],
  ])("denies implicitly when the Principal names only %s", (_name, principal, principalArn) => {
    const result = evaluateKeyPolicy(doc(allow({ Principal: principal })), { ...request, principalArn });
    expect(result).toEqual({ decision: "implicit-deny", statements: [], viaAccountRoot: false });
  });

  it("lets an explicit Deny win over any Allow and names the denying statements", () => {
    const policy = doc(
      allow({ Principal: { AWS: ALICE } }),
      deny({ Sid: "NoPolicyReads", Principal: "*", Action: "kms:GetKeyPolicy" }),
      deny({ Principal: { AWS: ACCOUNT }, Action: ["kms:Get*"] }),
    );
    expect(evaluateKeyPolicy(policy, request)).toEqual({
      decision: "explicit-deny",
      statements: [{ index: 1, sid: "NoPolicyReads" }, { index: 2 }],
      viaAccountRoot: false,
    });
  });

  it("does not delegate when another allowing statement names the caller directly", () => {
    const policy = doc(allow({ Principal: { AWS: ROOT } }), allow({ Principal: { AWS: ALICE } }));
    expect(evaluateKeyPolicy(policy, request)).toMatchObject({ decision: "allow", viaAccountRoot: false });
  });

  it.each([
    ["kms:*", "kms:GetKeyPolicy", "allow"],
    ["*", "kms:GetKeyPolicy", "allow"],
    ["kms:Get*", "kms:GetKeyPolicy", "allow"],
    ["KMS:getkeypolicy", "kms:GetKeyPolicy", "allow"],
    ["kms:GetKeyPolic?", "kms:GetKeyPolicy", "allow"],
    [["kms:Encrypt", "kms:Decrypt"], "kms:GetKeyPolicy", "implicit-deny"],
    ["kms:Put*", "kms:GetKeyPolicy", "implicit-deny"],
  ])("matches Action %j against %s: %s", (action, requested, decision) => {
    const result = evaluateKeyPolicy(doc(allow({ Principal: { AWS: ALICE }, Action: action })), {
      ...request,
      action: requested,
    });
    expect(result.decision).toBe(decision);
  });

  it.each([
    ["kms:Decrypt", "kms:GetKeyPolicy", "allow"],
    ["kms:Get*", "kms:GetKeyPolicy", "implicit-deny"],
  ])("matches NotAction %j against %s: %s", (notAction, requested, decision) => {
    const statement = { Effect: "Allow", Principal: { AWS: ALICE }, NotAction: notAction, Resource: "*" };
    expect(evaluateKeyPolicy(doc(statement), { ...request, action: requested }).decision).toBe(decision);
  });

  const SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/Admin/s1`;
  const ROLE = `arn:aws:iam::${ACCOUNT}:role/ops/Admin`;
  it.each([
    ["someone else", [`arn:aws:iam::${ACCOUNT}:user/bob`], ALICE, "explicit-deny"],
    ["only the caller, not its account", [ALICE], ALICE, "explicit-deny"],
    ["only the caller's account", [ACCOUNT], ALICE, "explicit-deny"],
    ["the caller and its account root", [ALICE, ROOT], ALICE, "allow"],
    ["the caller and its account ID", [ACCOUNT, ALICE], ALICE, "allow"],
    ["the caller and another account's root", [ALICE, `arn:aws:iam::${OTHER}:root`], ALICE, "explicit-deny"],
    [
      "the caller and its account root in another partition",
      [ALICE, `arn:aws-cn:iam::${ACCOUNT}:root`],
      ALICE,
      "explicit-deny",
    ],
    ["everyone (*)", ["*"], ALICE, "allow"],
    ["the account root, for the root", [ROOT], ROOT, "allow"],
    ["the account ID, for the root", [ACCOUNT], ROOT, "allow"],
    ["a user, for the root", [ALICE], ROOT, "explicit-deny"],
    ["only the session", [SESSION], SESSION, "explicit-deny"],
    ["the session and its role", [SESSION, ROLE], SESSION, "explicit-deny"],
    ["the session and its account", [SESSION, ROOT], SESSION, "explicit-deny"],
    ["the role and its account, not the session", [ROLE, ROOT], SESSION, "explicit-deny"],
    ["the session, its role (with a path) and its account", [SESSION, ROLE, ROOT], SESSION, "allow"],
    [
      "the session, its role without the path and its account ID",
      [SESSION, `arn:aws:iam::${ACCOUNT}:role/Admin`, ACCOUNT],
      SESSION,
      "allow",
    ],
    [
      "the session, another role of that name and its account",
      [SESSION, `arn:aws:iam::${OTHER}:role/Admin`, ROOT],
      SESSION,
      "explicit-deny",
    ],
  ])("a Deny with NotPrincipal naming %s (%j), for %s: %s", (_name, notPrincipal, principalArn, decision) => {
    const policy = doc(allow({ Principal: "*" }), {
      Effect: "Deny",
      NotPrincipal: { AWS: notPrincipal },
      Action: "kms:*",
      Resource: "*",
    });
    expect(evaluateKeyPolicy(policy, { ...request, principalArn }).decision).toBe(decision);
  });

  it.each([
    ["someone else", [`arn:aws:iam::${ACCOUNT}:user/bob`], "allow"],
    ["the caller", [ALICE], "implicit-deny"],
    ["only the caller's account", [ROOT], "implicit-deny"],
  ])("an Allow with NotPrincipal naming %s (%j): %s", (_name, notPrincipal, decision) => {
    const policy = doc({ Effect: "Allow", NotPrincipal: { AWS: notPrincipal }, Action: "kms:*", Resource: "*" });
    expect(evaluateKeyPolicy(policy, request).decision).toBe(decision);
  });

  it("a Deny with NotPrincipal naming a service spares only that service", () => {
    const policy = doc(allow({ Principal: "*" }), {
      Effect: "Deny",
      NotPrincipal: { Service: "logs.amazonaws.com" },
      Action: "kms:*",
      Resource: "*",
    });
    expect(evaluateKeyPolicy(policy, { ...request, principalArn: "logs.amazonaws.com" }).decision).toBe("allow");
    expect(evaluateKeyPolicy(policy, request).decision).toBe("explicit-deny");
  });

  it.each([
    [
      "an Allow whose condition holds",
      { StringEquals: { "kms:CallerAccount": ACCOUNT } },
      { "KMS:CallerAccount": ACCOUNT },
      "allow",
    ],
    [
      "an Allow whose condition fails",
      { StringEquals: { "kms:CallerAccount": OTHER } },
      { "kms:CallerAccount": ACCOUNT },
      "implicit-deny",
    ],
    [
      "an Allow whose key is missing",
      { StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" } },
      {},
      "implicit-deny",
    ],
    [
      "an Allow until a date, before it",
      { DateLessThan: { "aws:CurrentTime": "2026-01-01T00:00:00Z" } },
      { "aws:CurrentTime": "2025-06-01T00:00:00Z" },
      "allow",
    ],
    [
      "an Allow until a date, after it",
      { DateLessThan: { "aws:CurrentTime": "2026-01-01T00:00:00Z" } },
      { "aws:CurrentTime": "2026-06-01T00:00:00Z" },
      "implicit-deny",
    ],
    [
      "an Allow from an address block",
      { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } },
      { "aws:SourceIp": "203.0.113.5" },
      "allow",
    ],
  ])("evaluates %s", (_name, condition, conditionKeys, decision) => {
    const policy = doc(allow({ Principal: { AWS: ALICE }, Condition: condition }));
    expect(evaluateKeyPolicy(policy, { ...request, conditionKeys }).decision).toBe(decision);
  });

  it("applies a Deny on a negated condition when the key is missing, as IAM documents", () => {
    const policy = doc(
      allow({ Principal: { AWS: ALICE } }),
      deny({ Principal: "*", Condition: { StringNotEquals: { "aws:PrincipalOrgID": "o-abc" } } }),
    );
    expect(evaluateKeyPolicy(policy, request).decision).toBe("explicit-deny");
    const inOrg = { ...request, conditionKeys: { "aws:PrincipalOrgID": "o-abc" } };
    expect(evaluateKeyPolicy(policy, inOrg).decision).toBe("allow");
  });

  it("allows nothing from a document that fails the statement rules", () => {
    const bad = doc(allow({ Principal: { AWS: ALICE } }), { Effect: "Deny" });
    expect(evaluateKeyPolicy(bad, request)).toEqual({
      decision: "implicit-deny",
      statements: [],
      viaAccountRoot: false,
    });
  });

  it("reads a single statement object with index 0", () => {
    const parsed = parseJson(JSON.stringify({ Statement: allow({ Principal: { AWS: ALICE } }) }));
    expect(parsed.success && evaluateKeyPolicy(parsed.data, request)).toEqual({
      decision: "allow",
      statements: [{ index: 0 }],
      viaAccountRoot: false,
    });
  });

  it("does not match inherited condition keys or pollute prototypes", () => {
    const parsed = parseJson(
      `{"Statement":{"Effect":"Allow","Principal":{"AWS":"${ALICE}"},"Action":"kms:*","Resource":"*",` +
        `"Condition":{"Null":{"__proto__":"false","constructor":"false"}}}}`,
    );
    expect(parsed.success && evaluateKeyPolicy(parsed.data, request).decision).toBe("implicit-deny");
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});
