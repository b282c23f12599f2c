import { messages } from "@keypolicy/core";
import { describe, expect, it } from "vitest";
import { defaultKeyPolicy } from "./default-policy.js";
import { policyMessages } from "./policy-messages.js";
import { MAX_KEY_POLICY_BYTES, type ValidateKeyPolicyOptions, validateKeyPolicy } from "./validate-key-policy.js";

const ACCOUNT = "111122223333";
const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const ALICE = `arn:aws:iam::${ACCOUNT}:user/alice`;
const caller: ValidateKeyPolicyOptions = { principalArn: ALICE, accountId: ACCOUNT };

/** The default statement, which keeps the lockout check happy, with `overrides` applied (undefined removes). */
function statement(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const base: Record<string, unknown> = { Effect: "Allow", Principal: { AWS: ROOT }, Action: "kms:*", Resource: "*" };
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete base[name];
    else Object.defineProperty(base, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return base;
}

function policy(...statements: Record<string, unknown>[]): string {
  return JSON.stringify({ Version: "2012-10-17", Statement: statements });
}

function errorOf(text: string, options: ValidateKeyPolicyOptions = caller) {
  const result = validateKeyPolicy(text, options);
  return result.success ? undefined : result.error;
}

const malformed = (message: string) => ({ name: "MalformedPolicyDocumentException", message });

describe("validateKeyPolicy", () => {
  it("accepts the default key policy and returns it formatted as AWS would", () => {
    const text = defaultKeyPolicy(ACCOUNT);
    const result = validateKeyPolicy(JSON.stringify(JSON.parse(text)), caller);
    expect(result.success && result.data.formatted).toBe(text);
    expect(result.success && result.data.document.kind).toBe("object");
    expect(result.success && result.data.policy.statements[0]?.sid).toBe("Enable IAM User Permissions");
  });

  describe("step 3: size", () => {
    it("accepts a policy of exactly 32,768 bytes", () => {
      const base = policy(statement({ Sid: "" }));
      const text = policy(statement({ Sid: "a".repeat(MAX_KEY_POLICY_BYTES - base.length) }));
      expect(text.length).toBe(MAX_KEY_POLICY_BYTES);
      expect(validateKeyPolicy(text, caller).success).toBe(true);
    });

    it("refuses a policy one byte over with LimitExceededException", () => {
      const base = policy(statement({ Sid: "" }));
      const text = policy(statement({ Sid: "a".repeat(MAX_KEY_POLICY_BYTES + 1 - base.length) }));
      expect(errorOf(text)).toEqual({ name: "LimitExceededException", message: messages.policyTooLarge(32_769) });
    });

    it("counts UTF-8 bytes, not characters", () => {
      const text = policy(statement({ Sid: "\u00e9".repeat(17_000) }));
      expect(text.length).toBeLessThan(MAX_KEY_POLICY_BYTES);
      expect(errorOf(text)?.name).toBe("LimitExceededException");
    });

    it("checks the size before the syntax", () => {
      expect(errorOf("x".repeat(MAX_KEY_POLICY_BYTES + 1))?.name).toBe("LimitExceededException");
    });
  });

  describe("step 4: a JSON object", () => {
    it.each([
      ["plain text", "not a real policy statement"],
      ["an empty string", ""],
      ["a JSON array", "[]"],
      ["a JSON string", '"policy"'],
      ["null", "null"],
      ["JSON with a trailing comma", '{"Statement":[],}'],
      ["deeply nested JSON", "[".repeat(16_000) + "]".repeat(16_000)],
    ])("refuses %s with an empty message", (_name, text) => {
      expect(errorOf(text)).toEqual(malformed(""));
    });
  });

  describe("step 5: document rules", () => {
    it.each([
      ["Version 2012-10-17", { Version: "2012-10-17" }],
      ["Version 2008-10-17", { Version: "2008-10-17" }],
      ["no Version", {}],
      ["an Id", { Id: "key-consolepolicy-3" }],
    ])("accepts %s", (_name, extra) => {
      const text = JSON.stringify({ ...extra, Statement: statement() });
      expect(validateKeyPolicy(text, caller).success).toBe(true);
    });

    it.each([
      ["an unknown Version", { Version: "2020-01-01", Statement: statement() }, policyMessages.unsupportedVersion()],
      ["a numeric Version", { Version: 2012, Statement: statement() }, policyMessages.unsupportedVersion()],
      ["an Id that is not a string", { Id: 1, Statement: statement() }, policyMessages.invalidId()],
      ["no Statement", { Version: "2012-10-17" }, policyMessages.invalidStatement()],
      ["an empty Statement array", { Statement: [] }, policyMessages.invalidStatement()],
      ["a Statement string", { Statement: "allow all" }, policyMessages.invalidStatement()],
      ["a statement that is not an object", { Statement: [statement(), 1] }, policyMessages.invalidStatement()],
      [
        "an unknown top-level element",
        { Statement: statement(), Statements: [] },
        policyMessages.unsupportedElement("Statements"),
      ],
    ])("refuses %s", (_name, document, message) => {
      expect(errorOf(JSON.stringify(document))).toEqual(malformed(message));
    });
  });

  describe("step 5: statement rules", () => {
    it.each([
      ["a single statement object", JSON.stringify({ Statement: statement() })],
      ["a Sid", policy(statement({ Sid: "Admins" }))],
      [
        "Effect Deny next to an Allow",
        policy(statement(), statement({ Effect: "Deny", Principal: "*", Action: "kms:Decrypt" })),
      ],
      ["Principal *", policy(statement({ Principal: "*" }))],
      ["AWS *", policy(statement({ Principal: { AWS: "*" } }))],
      ["a bare account ID", policy(statement({ Principal: { AWS: ACCOUNT } }))],
      [
        "a list of user and role ARNs",
        policy(statement(), statement({ Principal: { AWS: [ALICE, `arn:aws:iam::${ACCOUNT}:role/a/b/Admin`] } })),
      ],
      [
        "an assumed-role session",
        policy(statement(), statement({ Principal: { AWS: `arn:aws:sts::${ACCOUNT}:assumed-role/Admin/s` } })),
      ],
      [
        "a service principal",
        policy(statement(), statement({ Principal: { Service: "logs.us-east-1.amazonaws.com" } })),
      ],
      ["several principal types", policy(statement({ Principal: { AWS: [ROOT], Service: ["s3.amazonaws.com"] } }))],
      // The caller (alice) and her account: a NotPrincipal naming the account alone denies alice (IAM NotPrincipal).
      [
        "a NotPrincipal",
        policy(statement(), statement({ Effect: "Deny", Principal: undefined, NotPrincipal: { AWS: [ROOT, ALICE] } })),
      ],
      ["an Action list", policy(statement({ Action: ["kms:PutKeyPolicy", "kms:Get*", "kms:?escribeKey"] }))],
      ["Action *", policy(statement({ Action: "*" }))],
      ["a NotAction", policy(statement({ Action: undefined, NotAction: "kms:Decrypt" }))],
      ['Resource ["*"]', policy(statement({ Resource: ["*"] }))],
      ["a Condition", policy(statement({ Condition: { StringEquals: { "kms:CallerAccount": ACCOUNT } } }))],
      [
        "Condition values as numbers, booleans and lists",
        policy(
          statement(),
          statement({
            Condition: {
              Bool: { "aws:SecureTransport": true },
              NumericLessThan: { "aws:MultiFactorAuthAge": 3600 },
              "ForAnyValue:StringLike": { "aws:TagKeys": ["a*", "b"] },
            },
          }),
        ),
      ],
      ["an empty Condition", policy(statement({ Condition: {} }))],
    ])("accepts %s", (_name, text) => {
      const result = validateKeyPolicy(text, caller);
      expect(result.success ? "accepted" : result.error).toBe("accepted");
    });

    it.each([
      ["Effect missing", statement({ Effect: undefined }), policyMessages.invalidEffect()],
      ["Effect in lower case", statement({ Effect: "allow" }), policyMessages.invalidEffect()],
      ["Effect not a string", statement({ Effect: true }), policyMessages.invalidEffect()],
      ["a Sid that is not a string", statement({ Sid: 7 }), policyMessages.invalidSid()],
      ["an unknown statement element", statement({ Actions: "kms:*" }), policyMessages.unsupportedElement("Actions")],
      ["no principal", statement({ Principal: undefined }), messages.policyNoPrincipal()],
      [
        "both Principal and NotPrincipal",
        statement({ NotPrincipal: { AWS: ROOT } }),
        policyMessages.conflictingElements("Principal", "NotPrincipal"),
      ],
      [
        "an IAM group",
        statement({ Principal: { AWS: `arn:aws:iam::${ACCOUNT}:group/admins` } }),
        messages.policyInvalidPrincipals(),
      ],
      [
        "a wildcard inside an ARN",
        statement({ Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/*` } }),
        messages.policyInvalidPrincipals(),
      ],
      [
        "one bad entry in a list",
        statement({ Principal: { AWS: [ROOT, "nobody"] } }),
        messages.policyInvalidPrincipals(),
      ],
      ["an empty principal list", statement({ Principal: { AWS: [] } }), messages.policyInvalidPrincipals()],
      ["an empty principal object", statement({ Principal: {} }), messages.policyInvalidPrincipals()],
      [
        "an unknown principal type",
        statement({ Principal: { CanonicalUser: "abc" } }),
        messages.policyInvalidPrincipals(),
      ],
      [
        "a principal type named __proto__",
        statement({ Principal: JSON.parse('{"__proto__":"111122223333"}') }),
        messages.policyInvalidPrincipals(),
      ],
      ["a bare ARN as Principal", statement({ Principal: ROOT }), messages.policyInvalidPrincipals()],
      [
        "a bad service principal",
        statement({ Principal: { Service: "logs.example.com" } }),
        messages.policyInvalidPrincipals(),
      ],
      ["no action", statement({ Action: undefined }), policyMessages.noAction()],
      ["an empty action list", statement({ Action: [] }), policyMessages.noAction()],
      [
        "both Action and NotAction",
        statement({ NotAction: "kms:Decrypt" }),
        policyMessages.conflictingElements("Action", "NotAction"),
      ],
      ["an action without a service", statement({ Action: "PutKeyPolicy" }), policyMessages.invalidActions()],
      ["an action that is not a string", statement({ Action: [1] }), policyMessages.invalidActions()],
      ["no resource", statement({ Resource: undefined }), policyMessages.noResource()],
      ["a NotResource", statement({ Resource: undefined, NotResource: "*" }), policyMessages.noResource()],
      [
        "a key ARN as Resource",
        statement({ Resource: "arn:aws:kms:us-east-1:111122223333:key/x" }),
        policyMessages.invalidResource(),
      ],
      [
        "a Resource list with more than *",
        statement({ Resource: ["*", "arn:aws:kms:*"] }),
        policyMessages.invalidResource(),
      ],
      ["a Condition that is a string", statement({ Condition: "always" }), policyMessages.invalidCondition()],
      [
        "an unknown condition operator",
        statement({ Condition: { StringContains: { a: "b" } } }),
        policyMessages.unsupportedConditionOperator("StringContains"),
      ],
      [
        "an operator mapped to a string",
        statement({ Condition: { StringEquals: "b" } }),
        policyMessages.invalidCondition(),
      ],
      [
        "a condition value that is an object",
        statement({ Condition: { StringEquals: { a: { b: "c" } } } }),
        policyMessages.invalidCondition(),
      ],
      [
        "a condition value that is null",
        statement({ Condition: { StringEquals: { a: null } } }),
        policyMessages.invalidCondition(),
      ],
    ])("refuses %s", (_name, bad, message) => {
      expect(errorOf(policy(statement(), bad))).toEqual(malformed(message));
    });

    it("reports the first broken rule in document order", () => {
      const text = policy(statement(), statement({ Principal: undefined }), statement({ Effect: "Maybe" }));
      expect(errorOf(text)).toEqual(malformed(messages.policyNoPrincipal()));
    });

    it("refuses well-formed principals that the caller says do not exist", () => {
      const bob = `arn:aws:iam::${ACCOUNT}:user/bob`;
      const text = policy(statement(), statement({ Principal: { AWS: bob } }));
      const principalExists = (_type: string, value: string) => value !== bob;
      expect(errorOf(text, { ...caller, principalExists })).toEqual(malformed(messages.policyInvalidPrincipals()));
      expect(errorOf(policy(statement()), { ...caller, principalExists })).toBeUndefined();
    });
  });

  describe("repeated member names", () => {
    it("reads the last value, as Jackson does, and formats it at the first position", () => {
      const text = `{"Statement":{"Effect":"Deny","Principal":{"AWS":"${ROOT}"},"Action":"kms:*","Resource":"*","Effect":"Allow"}}`;
      const result = validateKeyPolicy(text, caller);
      expect(result.success && result.data.formatted).toContain('"Effect" : "Allow",\n    "Principal"');
    });

    it("does not let an earlier valid value hide a later invalid one", () => {
      const text = `{"Statement":{"Effect":"Allow","Principal":{"AWS":"${ROOT}"},"Action":"kms:*","Resource":"*","Effect":"Perhaps"}}`;
      expect(errorOf(text)).toEqual(malformed(policyMessages.invalidEffect()));
    });
  });

  describe("__proto__ members", () => {
    it.each([
      [
        "at the top level",
        `{"__proto__":{"polluted":true},"Statement":${JSON.stringify(statement())}}`,
        policyMessages.unsupportedElement("__proto__"),
      ],
      [
        "in a statement",
        `{"Statement":{"__proto__":{"polluted":true},${JSON.stringify(statement()).slice(1)}}`,
        policyMessages.unsupportedElement("__proto__"),
      ],
      [
        "as a condition operator",
        policy(statement({ Condition: JSON.parse('{"__proto__":{"polluted":"x"}}') })),
        policyMessages.unsupportedConditionOperator("__proto__"),
      ],
    ])("are refused %s without touching Object.prototype", (_name, text, message) => {
      expect(errorOf(text)).toEqual(malformed(message));
      expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    });

    it("are ordinary condition keys that match nothing inherited", () => {
      const text = policy(statement({ Condition: JSON.parse('{"Null":{"__proto__":"true"}}') }));
      expect(validateKeyPolicy(text, caller).success).toBe(true);
      expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    });
  });

  describe("step 6: lockout safety check", () => {
    it.each([
      ["the account root", statement()],
      ["the bare account ID", statement({ Principal: { AWS: ACCOUNT } })],
      ["the caller itself with kms:PutKeyPolicy", statement({ Principal: { AWS: ALICE }, Action: "kms:PutKeyPolicy" })],
      ["the caller with kms:Put*", statement({ Principal: { AWS: ALICE }, Action: "kms:Put*" })],
      ["everyone with *", statement({ Principal: "*", Action: "*" })],
      [
        "the caller in a list, action in lower case",
        statement({ Principal: { AWS: [ROOT, ALICE] }, Action: ["kms:putkeypolicy"] }),
      ],
      [
        "a condition that holds for the caller",
        statement({ Condition: { StringEquals: { "kms:CallerAccount": ACCOUNT } } }),
      ],
      [
        "a Deny for someone else",
        statement({ Effect: "Deny", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/bob` } }),
      ],
    ])("passes when the policy allows %s", (_name, extra) => {
      const allow = extra["Effect"] === "Deny" ? [statement(), extra] : [extra];
      expect(errorOf(policy(...allow))).toBeUndefined();
    });

    it.each([
      ["only another user", statement({ Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/bob` } })],
      ["another account's root", statement({ Principal: { AWS: "arn:aws:iam::444455556666:root" } })],
      ["only kms:Get*", statement({ Action: "kms:Get*" })],
      ["only a service", statement({ Principal: { Service: "logs.amazonaws.com" } })],
      [
        "a condition that fails for the caller",
        statement({ Condition: { StringEquals: { "aws:PrincipalTag/team": "keys" } } }),
      ],
    ])("fails when the policy allows %s", (_name, only) => {
      expect(errorOf(policy(only))).toEqual(malformed(messages.policyLockout()));
    });

    it("fails when a Deny overrides the Allow", () => {
      const deny = statement({ Effect: "Deny", Principal: "*", Action: "kms:PutKeyPolicy" });
      expect(errorOf(policy(statement(), deny))).toEqual(malformed(messages.policyLockout()));
    });

    it("is skipped with bypassPolicyLockoutSafetyCheck", () => {
      const text = policy(statement({ Action: "kms:Get*" }));
      expect(validateKeyPolicy(text, { ...caller, bypassPolicyLockoutSafetyCheck: true }).success).toBe(true);
    });

    it("runs after the statement rules", () => {
      const text = policy(statement({ Action: "kms:Get*" }), statement({ Effect: "Maybe" }));
      expect(errorOf(text)).toEqual(malformed(policyMessages.invalidEffect()));
    });

    it("uses condition keys the caller passes", () => {
      const text = policy(statement({ Condition: { StringEquals: { "aws:PrincipalTag/team": "keys" } } }));
      expect(errorOf(text, { ...caller, conditionKeys: { "aws:PrincipalTag/team": "keys" } })).toBeUndefined();
    });
  });
});
