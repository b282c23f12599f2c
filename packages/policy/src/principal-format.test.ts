import { describe, expect, it } from "vitest";
import type { PrincipalType } from "./key-policy.js";
import { isValidPrincipal } from "./principal-format.js";

describe("isValidPrincipal", () => {
  it.each<[PrincipalType, string]>([
    ["AWS", "*"],
    ["AWS", "111122223333"],
    ["AWS", "arn:aws:iam::111122223333:root"],
    ["AWS", "arn:aws-cn:iam::111122223333:root"],
    ["AWS", "arn:aws-us-gov:iam::111122223333:user/alice"],
    ["AWS", "arn:aws:iam::111122223333:user/division/team/alice"],
    ["AWS", "arn:aws:iam::111122223333:role/KeyAdmin"],
    ["AWS", "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/ap-southeast-2/AWSReservedSSO_superadmin"],
    ["AWS", "arn:aws:sts::111122223333:assumed-role/KeyAdmin/session-1"],
    ["AWS", "arn:aws:sts::111122223333:federated-user/bob"],
    ["Service", "logs.us-east-1.amazonaws.com"],
    ["Service", "delivery.logs.amazonaws.com"],
    ["Service", "s3.amazonaws.com.cn"],
    ["Federated", "arn:aws:iam::111122223333:saml-provider/Okta"],
    ["Federated", "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"],
    ["Federated", "cognito-identity.amazonaws.com"],
  ])("accepts %s principal %s", (type, value) => {
    expect(isValidPrincipal(type, value)).toBe(true);
  });

  it.each<[PrincipalType, string, string]>([
    ["AWS", "arn:aws:iam::111122223333:group/admins", "an IAM group"],
    ["AWS", "arn:aws:iam::111122223333:user/*", "a wildcard inside an ARN"],
    ["AWS", "arn:aws:iam::*:root", "a wildcard account"],
    ["AWS", "11112222333", "an 11-digit account"],
    ["AWS", "arn:aws:iam::11112222333:root", "an ARN with an 11-digit account"],
    ["AWS", "arn:aws-moon:iam::111122223333:root", "an unknown partition"],
    ["AWS", "arn:aws:iam:us-east-1:111122223333:root", "an IAM ARN with a region"],
    ["AWS", "arn:aws:s3:::bucket", "a non-IAM ARN"],
    ["AWS", "arn:aws:sts::111122223333:assumed-role/KeyAdmin", "a session without a name"],
    ["AWS", "alice", "a bare user name"],
    ["AWS", "", "an empty string"],
    ["Service", "*", "a wildcard service"],
    ["Service", "logs.example.com", "a non-AWS domain"],
    ["Service", "arn:aws:iam::111122223333:root", "an ARN as service"],
    ["Federated", "*", "a wildcard provider"],
  ])("rejects %s principal %s (%s)", (type, value) => {
    expect(isValidPrincipal(type, value)).toBe(false);
  });
});
