import { describe, expect, it } from "vitest";
import { parseIdentities } from "./identities.js";

const entry = {
  AccessKeyId: "AKIAALICE000000000001",
  SecretAccessKey: "secret",
  PrincipalArn: "arn:aws:iam::111122223333:user/alice",
};

describe("parseIdentities", () => {
  it.each([
    ["arn:aws:iam::111122223333:root", "111122223333", "aws"],
    ["arn:aws:iam::111122223333:user/alice", "111122223333", "aws"],
    ["arn:aws:iam::111122223333:user/division/team/alice", "111122223333", "aws"],
    ["arn:aws-cn:iam::111122223333:role/Admin", "111122223333", "aws-cn"],
    ["arn:aws-us-gov:sts::444455556666:assumed-role/Admin/session-1", "444455556666", "aws-us-gov"],
  ])("reads the account and partition of %s", (PrincipalArn, accountId, partition) => {
    const parsed = parseIdentities({ identities: [{ ...entry, PrincipalArn }] });
    expect(parsed).toEqual({
      success: true,
      data: {
        identities: [
          {
            accessKeyId: entry.AccessKeyId,
            secretAccessKey: "secret",
            accountId,
            partition,
            principalArn: PrincipalArn,
          },
        ],
      },
    });
  });

  it("keeps a session's RoleArn (the role with its path) and a UserId", () => {
    const session = { ...entry, PrincipalArn: "arn:aws:sts::111122223333:assumed-role/Admin/s1" };
    const parsed = parseIdentities({
      identities: [
        { ...session, RoleArn: "arn:aws:iam::111122223333:role/team/ops/Admin", UserId: "AROAEXAMPLEID:s1" },
      ],
    });
    expect(parsed.success && parsed.data.identities[0]).toMatchObject({
      roleArn: "arn:aws:iam::111122223333:role/team/ops/Admin",
      userId: "AROAEXAMPLEID:s1",
    });
  });

  it.each([
    ["another role's name", "arn:aws:iam::111122223333:role/team/Other"],
    ["another account", "arn:aws:iam::444455556666:role/Admin"],
    ["another partition", "arn:aws-cn:iam::111122223333:role/Admin"],
  ])("refuses a RoleArn with %s than the session's", (_name, RoleArn) => {
    const parsed = parseIdentities({
      identities: [{ ...entry, PrincipalArn: "arn:aws:sts::111122223333:assumed-role/Admin/s1", RoleArn }],
    });
    expect(parsed).toEqual({
      success: false,
      error: [{ path: "identities[0].RoleArn", message: "must be the role of the assumed-role session PrincipalArn" }],
    });
  });

  it("refuses a RoleArn for a principal that is not a role session", () => {
    const parsed = parseIdentities({ identities: [{ ...entry, RoleArn: "arn:aws:iam::111122223333:role/Admin" }] });
    expect(parsed.success).toBe(false);
  });

  it("keeps the session token, the identity policies (as JSON text) and the regions", () => {
    const policy = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "kms:*", Resource: "*" }] };
    const parsed = parseIdentities({
      regions: ["us-east-2"],
      identities: [
        {
          ...entry,
          SessionToken: "token",
          AccountId: "111122223333",
          IdentityPolicies: [policy, JSON.stringify(policy)],
        },
      ],
    });
    expect(parsed.success && parsed.data).toEqual({
      regions: ["us-east-2"],
      identities: [
        expect.objectContaining({
          sessionToken: "token",
          identityPolicies: [JSON.stringify(policy), JSON.stringify(policy)],
        }),
      ],
    });
  });

  it.each([
    [{}, "identities", "Invalid input: expected array, received undefined"],
    [
      { identities: [{ ...entry, PrincipalArn: "arn:aws:iam::111122223333:group/admins" }] },
      "identities[0].PrincipalArn",
      "must be an IAM root, user or role ARN, or an STS assumed-role ARN",
    ],
    [
      { identities: [{ ...entry, AccessKeyId: "AKIA/ALICE" }] },
      "identities[0].AccessKeyId",
      "must be 1 to 128 letters, digits or underscores",
    ],
    [{ identities: [{ ...entry, SecretAccessKey: "" }] }, "identities[0].SecretAccessKey", "must not be empty"],
    [
      { identities: [{ ...entry, AccountId: "444455556666" }] },
      "identities[0].AccountId",
      "must be the account of PrincipalArn (111122223333)",
    ],
    [{ identities: [entry, entry] }, "identities[1].AccessKeyId", "AKIAALICE000000000001 is listed twice"],
    [{ identities: [], regions: ["mars-1"] }, "regions[0]", "must be a region name such as us-east-1"],
    [{ identities: [{ ...entry, Secret: "x" }] }, "identities[0]", 'Unrecognized key: "Secret"'],
    [
      { identities: [{ ...entry, IdentityPolicies: ["not json"] }] },
      "identities[0].IdentityPolicies[0]",
      "must be a JSON policy document",
    ],
    [
      {
        identities: [
          {
            ...entry,
            IdentityPolicies: [{ Statement: { Effect: "Allow", Principal: "*", Action: "kms:*", Resource: "*" } }],
          },
        ],
      },
      "identities[0].IdentityPolicies[0]",
      "Policy document should not specify a principal.",
    ],
    [
      {
        identities: [
          { ...entry, IdentityPolicies: [{ Statement: { Effect: "Allow", Action: "kms:*", Resource: "key/1" } }] },
        ],
      },
      "identities[0].IdentityPolicies[0]",
      'Resource key/1 must be in ARN format or "*".',
    ],
  ])("names the bad path in %j", (value, path, message) => {
    const parsed = parseIdentities(value);
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.error).toContainEqual({ path, message });
  });

  it.each([
    ["a key ARN", { Resource: "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" }],
    [
      "key and alias wildcards",
      { Resource: ["arn:aws:kms:*:111122223333:key/*", "arn:aws:kms:us-east-1:111122223333:alias/*"] },
    ],
    ["a NotResource", { NotResource: "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" }],
  ])("accepts a least-privilege identity policy with %s", (_name, resource) => {
    const policy = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "kms:DescribeKey", ...resource }] };
    expect(parseIdentities({ identities: [{ ...entry, IdentityPolicies: [policy] }] }).success).toBe(true);
  });

  it("does not let a __proto__ member change any prototype", () => {
    const value = JSON.parse(`{"identities":[],"__proto__":{"polluted":true}}`) as unknown;
    expect(parseIdentities(value).success).toBe(false);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});
