import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY_NAME, resolvePolicyName } from "./policy-name.js";

describe("resolvePolicyName", () => {
  it.each([undefined, "default"])("resolves %j to default", (policyName) => {
    expect(resolvePolicyName(policyName)).toEqual({ success: true, data: DEFAULT_POLICY_NAME });
  });

  // [DEC] KMS-FIDELITY.md §6: moto's and LocalStack's text, unverified on AWS.
  it.each(["foo", "Default", "DEFAULT", "default_2"])(
    "answers the well-formed name %j with No such policy exists",
    (policyName) => {
      expect(resolvePolicyName(policyName)).toEqual({
        success: false,
        error: { name: "NotFoundException", message: "No such policy exists" },
      });
    },
  );
});
