import { createLiveAwsTarget, describeKmsContract, LIVE_KEY_TAG, loadContractCases } from "../src/index.js";

const enabled = process.env["KEYPOLICY_LIVE_AWS"] === "1";
const region = process.env["AWS_REGION"];
const live = !enabled
  ? "set KEYPOLICY_LIVE_AWS=1 (and AWS_REGION, with credentials in the default chain) to run against real AWS KMS"
  : region
    ? undefined
    : "KEYPOLICY_LIVE_AWS=1 but AWS_REGION is not set";

// Real AWS KMS: the oracle itself. Never runs in CI; creates tagged keys and schedules their deletion on close.
describeKmsContract({
  name: "live AWS KMS",
  capabilities: { anyCaller: false, seeds: [], reportsHttpStatus: true },
  ...(live === undefined ? {} : { skipAll: live }),
  skip: {
    "GetKeyPolicy of an unknown key ARN of another account is AccessDenied for the caller's root":
      "on AWS the caller is an IAM user or role, not the account root the expected text names",
    "GetKeyPolicy of an existing key ARN of another account is the same AccessDenied":
      "needs a key in a second account the live credentials cannot create",
    "PutKeyPolicy of a key ARN of another account is AccessDenied for the caller's root":
      "on AWS the caller is an IAM user or role, not the account root the expected text names",
    "ListKeyPolicies of a key ARN of another account is AccessDenied for the caller's root":
      "on AWS the caller is an IAM user or role, not the account root the expected text names",
    "ListKeys does not list keys of the same account in another region":
      "calls as a made-up account; the live account's regions may hold other keys",
    "ListKeys lists a key in its own account and region":
      "calls as a made-up account; the live account may hold other keys",
    "CreateKey with BypassPolicyLockoutSafetyCheck accepts a policy that locks the caller out":
      "the key's policy would keep the live credentials from scheduling its deletion on close",
    "PutKeyPolicy with BypassPolicyLockoutSafetyCheck accepts a policy that locks the caller out, but still refuses a document that is not JSON":
      "the key's policy would keep the live credentials from scheduling its deletion on close",
    ...Object.fromEntries(
      [
        "ListResourceTags lists the tags given to CreateKey",
        "TagResource answers no output members, adds tags and replaces the value of a tag key the key has",
        "UntagResource answers no output members, removes tags and ignores tag keys the key does not have",
        "ListResourceTags pages with Limit and Marker",
        "ListResourceTags still lists the tags of a key pending deletion",
      ].map((name) => [
        name,
        `the live target adds the tag ${LIVE_KEY_TAG.TagKey} to every key it creates, so the listed tags differ`,
      ]),
    ),
  },
  timeout: 60_000,
  createTarget: () => createLiveAwsTarget(region ?? ""),
});

// The cases of the emulator's `policyOperationAliases: "refuse"` setting (KMS-FIDELITY.md §4b). Against AWS either
// these or their default twins in fixtures/cases/ ("… of an unknown alias … names the alias ARN") fail: the run
// settles which behaviour AWS has.
describeKmsContract({
  name: "live AWS KMS (aliases refused by the policy operations?)",
  capabilities: { anyCaller: false, seeds: [], reportsHttpStatus: true },
  cases: loadContractCases("cases-policy-operation-aliases-refused"),
  ...(live === undefined ? {} : { skipAll: live }),
  timeout: 60_000,
  createTarget: () => createLiveAwsTarget(region ?? ""),
});
