import { describe, expect, it } from "vitest";
import {
  type CallerScope,
  type KeyIdentifier,
  type KeyIdentifierRules,
  type Partition,
  PARTITIONS,
  formatKeyIdentifier,
  isAliasName,
  isKeyId,
  isMultiRegionKeyId,
  isRegion,
  parseKeyIdentifier,
  parseKmsArn,
  partitionOfRegion,
  resolveKeyIdentifier,
} from "./key-identifier.js";

const KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
const MRK_ID = "mrk-1234abcd12ab34cd56ef1234567890ab";
const ACCOUNT = "111122223333";
const OTHER_ACCOUNT = "444455556666";

/** A real region of each partition (botocore partitions.json). */
const REGION_OF: Record<Partition, string> = {
  aws: "us-east-2",
  "aws-cn": "cn-north-1",
  "aws-us-gov": "us-gov-west-1",
  "aws-iso": "us-iso-east-1",
  "aws-iso-b": "us-isob-east-1",
  "aws-iso-e": "eu-isoe-west-1",
  "aws-iso-f": "us-isof-south-1",
  "aws-eusc": "eusc-de-east-1",
};

function parsed(input: string): KeyIdentifier {
  const result = parseKeyIdentifier(input);
  if (!result.success) throw new Error(`expected ${input} to parse: ${result.error.message}`);
  return result.data;
}

describe("parseKeyIdentifier and formatKeyIdentifier", () => {
  const forms = PARTITIONS.flatMap((partition) => {
    const prefix = `arn:${partition}:kms:${REGION_OF[partition]}:${ACCOUNT}`;
    return [
      { kind: "key-arn", input: `${prefix}:key/${KEY_ID}` },
      { kind: "key-arn", input: `${prefix}:key/${MRK_ID}` },
      { kind: "alias-arn", input: `${prefix}:alias/ExampleAlias` },
      { kind: "alias-arn", input: `${prefix}:alias/team/app_key-1` },
    ];
  });
  it.each([
    { kind: "key-id", input: KEY_ID },
    { kind: "key-id", input: MRK_ID },
    { kind: "alias-name", input: "alias/ExampleAlias" },
    { kind: "alias-name", input: "alias/aws/s3" },
    { kind: "alias-name", input: `alias/${"a".repeat(250)}` },
    ...forms,
  ])("round-trips $input as a $kind", ({ kind, input }) => {
    const id = parsed(input);
    expect(id.kind).toBe(kind);
    expect(formatKeyIdentifier(id)).toBe(input);
  });

  it("splits a key ARN into its parts", () => {
    expect(parsed(`arn:aws-us-gov:kms:us-gov-west-1:${ACCOUNT}:key/${KEY_ID}`)).toEqual({
      kind: "key-arn",
      arn: { partition: "aws-us-gov", region: "us-gov-west-1", accountId: ACCOUNT, keyId: KEY_ID },
    });
  });

  it("splits an alias ARN into its parts, keeping the alias/ prefix in the name", () => {
    expect(parsed(`arn:aws:kms:us-east-1:${ACCOUNT}:alias/ExampleAlias`)).toEqual({
      kind: "alias-arn",
      arn: { partition: "aws", region: "us-east-1", accountId: ACCOUNT, aliasName: "alias/ExampleAlias" },
    });
  });

  it.each([
    // [REC] vectors describe-key-invalid-keyid-*, generate-mac-invalid-keyid, grant-ops-with-invalid-key
    { what: "free text", input: "fake-key-id" },
    { what: "free text with an underscore", input: "key_id" },
    { what: "a UUID without dashes", input: "134f2428cec14b25a1ae9048164dba47" },
    { what: "an mrk ID that is not 32 hex digits", input: "mrk-fake-key-id" },
    { what: "an mrk ID of 31 hex digits", input: "mrk-1234abcd12ab34cd56ef1234567890a" },
    { what: "an uppercase UUID", input: KEY_ID.toUpperCase() },
    { what: "an uppercase mrk ID", input: "mrk-1234ABCD12AB34CD56EF1234567890AB" },
    { what: "a UUID with surrounding spaces", input: ` ${KEY_ID} ` },
    { what: "an ARN of another service", input: `arn:aws:iam::${ACCOUNT}:key/${KEY_ID}` },
    { what: "an ARN of another service with a region", input: `arn:aws:s3:us-east-1:${ACCOUNT}:key/${KEY_ID}` },
    { what: "an ARN of an unknown partition", input: `arn:aws-mars:kms:us-east-1:${ACCOUNT}:key/${KEY_ID}` },
    { what: "an ARN with an 11-digit account", input: `arn:aws:kms:us-east-1:11112222333:key/${KEY_ID}` },
    { what: "an ARN with a 13-digit account", input: `arn:aws:kms:us-east-1:1111222233334:key/${KEY_ID}` },
    { what: "an ARN without a region", input: `arn:aws:kms::${ACCOUNT}:key/${KEY_ID}` },
    { what: "an ARN with a malformed key ID", input: `arn:aws:kms:us-east-1:${ACCOUNT}:key/fake-key-id` },
    { what: "an ARN of another resource type", input: `arn:aws:kms:us-east-1:${ACCOUNT}:grant/${KEY_ID}` },
    { what: "an alias ARN without a name", input: `arn:aws:kms:us-east-1:${ACCOUNT}:alias/` },
    // [DEC] KMS-FIDELITY.md §4a: no alias holds a `:`, so a KeyId naming one is not an identifier.
    { what: "an ARN with an extra colon", input: `arn:aws:kms:us-east-1:${ACCOUNT}:alias/a:b` },
    { what: "an alias without a name", input: "alias/" },
    { what: "an alias without the slash", input: "alias" },
    { what: "an alias with a space", input: "alias/bad name" },
    { what: "an alias with a dot", input: "alias/bad.name" },
    { what: "an alias with a colon (the model's pattern admits it, KMS does not)", input: "alias/bad:name" },
    { what: "an alias of 257 characters", input: `alias/${"a".repeat(251)}` },
    { what: "an empty string", input: "" },
  ])("rejects $what with NotFoundException Invalid keyId", ({ input }) => {
    expect(parseKeyIdentifier(input)).toEqual({
      success: false,
      error: { name: "NotFoundException", message: `Invalid keyId '${input}'` },
    });
  });
});

describe("the identifier predicates", () => {
  it.each([
    { input: KEY_ID, keyId: true, mrk: false },
    { input: MRK_ID, keyId: true, mrk: true },
    { input: "mrk-fake-key-id", keyId: false, mrk: false },
    { input: "134f2428cec14b25a1ae9048164dba47", keyId: false, mrk: false },
  ])("judge $input: key ID $keyId, multi-Region $mrk", ({ input, keyId, mrk }) => {
    expect(isKeyId(input)).toBe(keyId);
    expect(isMultiRegionKeyId(input)).toBe(mrk);
  });

  it.each([...Object.values(REGION_OF), "us-east-1", "ap-southeast-1", "il-central-1"])(
    "accepts %s as a region",
    (region) => {
      expect(isRegion(region)).toBe(true);
    },
  );

  it.each(["US-EAST-1", "useast1", "us-east", "us-east-1a", "e-west-1", "us-east-123", ""])(
    "rejects '%s' as a region",
    (region) => {
      expect(isRegion(region)).toBe(false);
    },
  );

  it("limits alias names to 256 characters, alias/ included", () => {
    expect(isAliasName(`alias/${"a".repeat(250)}`)).toBe(true);
    expect(isAliasName(`alias/${"a".repeat(251)}`)).toBe(false);
  });

  it("returns undefined from parseKmsArn for a bare key ID", () => {
    expect(parseKmsArn(KEY_ID)).toBeUndefined();
  });
});

describe("partitionOfRegion", () => {
  it.each(PARTITIONS.map((partition) => ({ partition, region: REGION_OF[partition] })))(
    "places $region in $partition",
    ({ partition, region }) => {
      expect(partitionOfRegion(region)).toBe(partition);
    },
  );

  it.each([
    { region: "us-east-1", partition: "aws" },
    { region: "eu-west-3", partition: "aws" },
    { region: "ap-southeast-1", partition: "aws" },
    { region: "cn-northwest-1", partition: "aws-cn" },
    { region: "us-gov-east-1", partition: "aws-us-gov" },
    { region: "us-iso-west-1", partition: "aws-iso" },
    { region: "us-isof-east-1", partition: "aws-iso-f" },
  ])("places $region in $partition", ({ region, partition }) => {
    expect(partitionOfRegion(region)).toBe(partition);
  });
});

describe("resolveKeyIdentifier", () => {
  const caller: CallerScope = {
    partition: "aws",
    region: "us-east-1",
    accountId: ACCOUNT,
    principalArn: `arn:aws:iam::${ACCOUNT}:user/alice`,
  };
  const policyOperation: KeyIdentifierRules = { aliases: true, crossAccount: false };
  const anyAccount: KeyIdentifierRules = { aliases: true, crossAccount: true };
  const noAliases: KeyIdentifierRules = { aliases: false, crossAccount: false };
  const resolve = (input: string, rules = policyOperation, action = "kms:GetKeyPolicy") =>
    resolveKeyIdentifier(parsed(input), caller, rules, action);

  it.each([KEY_ID, MRK_ID])("places the bare key ID %s in the caller's partition, region and account", (keyId) => {
    expect(resolve(keyId)).toEqual({
      success: true,
      data: { kind: "key", arn: { partition: "aws", region: "us-east-1", accountId: ACCOUNT, keyId } },
    });
  });

  it("keeps a key ARN of the caller's region and account", () => {
    expect(resolve(`arn:aws:kms:us-east-1:${ACCOUNT}:key/${KEY_ID}`)).toEqual({
      success: true,
      data: { kind: "key", arn: { partition: "aws", region: "us-east-1", accountId: ACCOUNT, keyId: KEY_ID } },
    });
  });

  // [REC] vector describe-key-arn-of-key-in-other-region
  it.each([policyOperation, anyAccount])("answers a key ARN of another region with Invalid arn <region>", (rules) => {
    expect(resolve(`arn:aws:kms:ap-southeast-1:${ACCOUNT}:key/${KEY_ID}`, rules)).toEqual({
      success: false,
      error: { name: "NotFoundException", message: "Invalid arn ap-southeast-1" },
    });
  });

  it("answers a key ARN of another region and another account with Invalid arn, before the account check", () => {
    expect(resolve(`arn:aws:kms:eu-west-1:${OTHER_ACCOUNT}:key/${KEY_ID}`)).toEqual({
      success: false,
      error: { name: "NotFoundException", message: "Invalid arn eu-west-1" },
    });
  });

  it.each([{ action: "kms:GetKeyPolicy" }, { action: "kms:PutKeyPolicy" }, { action: "kms:ListKeyPolicies" }])(
    "answers a key ARN of another account on $action with AccessDeniedException",
    ({ action }) => {
      const keyArn = `arn:aws:kms:us-east-1:${OTHER_ACCOUNT}:key/${KEY_ID}`;
      expect(resolve(keyArn, policyOperation, action)).toEqual({
        success: false,
        error: {
          name: "AccessDeniedException",
          message: `User: arn:aws:iam::${ACCOUNT}:user/alice is not authorized to perform: ${action} on resource: ${keyArn} because no resource-based policy allows the ${action} action`,
        },
      });
    },
  );

  it("keeps a key ARN of another account where cross-account use is allowed", () => {
    const result = resolve(`arn:aws:kms:us-east-1:${OTHER_ACCOUNT}:key/${KEY_ID}`, anyAccount, "kms:DescribeKey");
    expect(result).toEqual({
      success: true,
      data: { kind: "key", arn: { partition: "aws", region: "us-east-1", accountId: OTHER_ACCOUNT, keyId: KEY_ID } },
    });
  });

  it("places an alias name in the caller's region and account, still to be looked up", () => {
    expect(resolve("alias/ExampleAlias")).toEqual({
      success: true,
      data: {
        kind: "alias",
        arn: { partition: "aws", region: "us-east-1", accountId: ACCOUNT, aliasName: "alias/ExampleAlias" },
      },
    });
  });

  it("keeps an alias ARN of the caller's region and account", () => {
    expect(resolve(`arn:aws:kms:us-east-1:${ACCOUNT}:alias/ExampleAlias`)).toEqual({
      success: true,
      data: {
        kind: "alias",
        arn: { partition: "aws", region: "us-east-1", accountId: ACCOUNT, aliasName: "alias/ExampleAlias" },
      },
    });
  });

  it("answers an alias ARN of another region with Invalid arn <region>", () => {
    expect(resolve(`arn:aws:kms:eu-west-1:${ACCOUNT}:alias/ExampleAlias`)).toEqual({
      success: false,
      error: { name: "NotFoundException", message: "Invalid arn eu-west-1" },
    });
  });

  it("answers an alias ARN of another account as an alias that is not found", () => {
    const aliasArn = `arn:aws:kms:us-east-1:${OTHER_ACCOUNT}:alias/ExampleAlias`;
    expect(resolve(aliasArn, anyAccount, "kms:DescribeKey")).toEqual({
      success: false,
      error: { name: "NotFoundException", message: `Alias ${aliasArn} is not found.` },
    });
  });

  it.each(["alias/ExampleAlias", `arn:aws:kms:us-east-1:${ACCOUNT}:alias/ExampleAlias`])(
    "rejects %s with Invalid keyId when the operation takes no aliases",
    (input) => {
      expect(resolve(input, noAliases, "kms:CreateAlias")).toEqual({
        success: false,
        error: { name: "NotFoundException", message: `Invalid keyId '${input}'` },
      });
    },
  );

  it("answers a key ARN of the caller's region in another partition with Invalid arn", () => {
    const govCaller: CallerScope = { ...caller, partition: "aws-us-gov", region: "us-gov-west-1" };
    const id = parsed(`arn:aws:kms:us-gov-west-1:${ACCOUNT}:key/${KEY_ID}`);
    expect(resolveKeyIdentifier(id, govCaller, policyOperation, "kms:GetKeyPolicy")).toEqual({
      success: false,
      error: { name: "NotFoundException", message: "Invalid arn us-gov-west-1" },
    });
  });
});
