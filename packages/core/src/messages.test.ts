import { describe, expect, it } from "vitest";
import { messages } from "./messages.js";

const KEY_ARN = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

describe("messages", () => {
  // Each expected text is the one in the recorded or reported vector named beside it (KMS-FIDELITY.md).
  it.each([
    {
      vector: "describe-key-nonexistent-uuid [REC]",
      text: messages.keyDoesNotExist(KEY_ARN),
      expected: `Key '${KEY_ARN}' does not exist`,
    },
    {
      vector: "describe-key-invalid-keyid-free-text [REC]",
      text: messages.invalidKeyId("fake-key-id"),
      expected: "Invalid keyId 'fake-key-id'",
    },
    {
      vector: "describe-key-arn-of-key-in-other-region [REC]",
      text: messages.invalidArnRegion("ap-southeast-1"),
      expected: "Invalid arn ap-southeast-1",
    },
    {
      vector: "describe-key-unknown-alias [RPT]",
      text: messages.aliasNotFound("arn:aws:kms:us-east-1:111122223333:alias/missing"),
      expected: "Alias arn:aws:kms:us-east-1:111122223333:alias/missing is not found.",
    },
    {
      vector: "disabled-key-message-format [REC]",
      text: messages.keyDisabled(KEY_ARN),
      expected: `${KEY_ARN} is disabled.`,
    },
    {
      vector: "pending-import-message-format [REC]",
      text: messages.keyPendingImport(KEY_ARN),
      expected: `${KEY_ARN} is pending import.`,
    },
    {
      vector: "schedule-key-deletion-twice [REC, inferred]",
      text: messages.keyPendingDeletion(KEY_ARN),
      expected: `${KEY_ARN} is pending deletion.`,
    },
    {
      vector: "access-denied-no-resource-policy [RPT]",
      text: messages.accessDenied("arn:aws:iam::111122223333:user/alice", "kms:DescribeKey", KEY_ARN, "no-policy"),
      expected: `User: arn:aws:iam::111122223333:user/alice is not authorized to perform: kms:DescribeKey on resource: ${KEY_ARN} because no resource-based policy allows the kms:DescribeKey action`,
    },
    {
      vector: "KMS-FIDELITY.md §8 explicit deny [RPT]",
      text: messages.accessDenied("arn:aws:iam::111122223333:user/alice", "kms:PutKeyPolicy", KEY_ARN, "explicit-deny"),
      expected: `User: arn:aws:iam::111122223333:user/alice is not authorized to perform: kms:PutKeyPolicy on resource: ${KEY_ARN} with an explicit deny in a resource-based policy`,
    },
    {
      vector: "create-key-policy-lockout [RPT]",
      text: messages.policyLockout(),
      expected: "The new key policy will not allow you to update the key policy in the future.",
    },
    {
      vector: "put-key-policy-invalid-principal [RPT]",
      text: messages.policyInvalidPrincipals(),
      expected: "Policy contains a statement with one or more invalid principals.",
    },
    {
      vector: "create-alias-without-prefix [REC]",
      text: messages.aliasPrefix(),
      expected:
        'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html',
    },
    {
      vector: "LocalStack test_hmac_create_key_invalid_operations / create-hmac-key-without-key-usage [REC]",
      text: messages.keyUsageRequired(),
      expected: "You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.",
    },
    {
      vector: "LocalStack test_derive_shared_secret / response-invalid-key-spec [REC]",
      text: messages.keyUsageIncompatible("KEY_AGREEMENT", "RSA_2048"),
      expected: "KeyUsage KEY_AGREEMENT is not compatible with KeySpec RSA_2048",
    },
    {
      vector: "hashicorp/terraform-provider-aws#12891 [RPT]",
      text: messages.aliasInvalidCharacters("alias/Service:Test"),
      expected: "alias/Service:Test contains invalid characters for an alias",
    },
  ])("matches the AWS text of $vector", ({ text, expected }) => {
    expect(text).toBe(expected);
  });
});
