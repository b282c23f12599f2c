import type { RunningServer } from "@keypolicy/emulator-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PlanStep, type StepResult, runBoto3Plan } from "../src/boto3-plan.js";
import { ACCOUNT_ID, findBoto3Python } from "../src/clients.js";
import { AWS_MANAGED_ALIASES, defaultPolicyText, singleLinePolicy, singleLinePolicyPretty } from "../src/expected.js";
import { DEMO_KEY_ID, startEmulator } from "../src/servers.js";

const REGION = "us-east-2";
const KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/${DEMO_KEY_ID}`;
const ALIAS_ARN = `arn:aws:kms:${REGION}:${ACCOUNT_ID}:alias/ExampleAlias`;
const REPLICA_REGION = "eu-central-1";
const MISSING_KEY_ID = "0b0c52a4-9d5f-4d1e-9b7a-0123456789ab";
const OTHER_ACCOUNT = "444455556666";
const LOCKOUT = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    { Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT_ID}:root` }, Action: "kms:Describe*", Resource: "*" },
  ],
});

/** Many scenarios, one Python process: ordered, later steps use keys created by earlier ones. */
const PLAN: PlanStep[] = [
  { name: "get-by-id-without-policy-name", op: "get_key_policy", params: { KeyId: DEMO_KEY_ID } },
  { name: "get-by-key-arn", op: "get_key_policy", params: { KeyId: KEY_ARN, PolicyName: "default" } },
  { name: "get-by-alias-name", op: "get_key_policy", params: { KeyId: "alias/ExampleAlias" } },
  { name: "get-by-alias-arn", op: "get_key_policy", params: { KeyId: ALIAS_ARN } },
  { name: "list-key-policies", op: "list_key_policies", params: { KeyId: DEMO_KEY_ID } },
  { name: "describe-by-alias", op: "describe_key", params: { KeyId: "alias/ExampleAlias" } },
  {
    name: "create-key",
    op: "create_key",
    params: { Description: "e2e", Tags: [{ TagKey: "team", TagValue: "keypolicy" }] },
    save: { newKey: "response.KeyMetadata.KeyId", newArn: "response.KeyMetadata.Arn" },
  },
  { name: "get-new-key-policy", op: "get_key_policy", params: { KeyId: "${newKey}" } },
  { name: "list-tags-after-create", op: "list_resource_tags", params: { KeyId: "${newKey}" } },
  {
    name: "put-single-line",
    op: "put_key_policy",
    params: { KeyId: "${newKey}", Policy: singleLinePolicy(ACCOUNT_ID) },
  },
  { name: "get-after-put", op: "get_key_policy", params: { KeyId: "${newKey}" } },
  { name: "tag", op: "tag_resource", params: { KeyId: "${newArn}", Tags: [{ TagKey: "env", TagValue: "dev" }] } },
  { name: "untag", op: "untag_resource", params: { KeyId: "${newKey}", TagKeys: ["team"] } },
  { name: "list-tags", op: "list_resource_tags", params: { KeyId: "${newKey}" } },
  { name: "create-alias-a", op: "create_alias", params: { AliasName: "alias/e2e-a", TargetKeyId: "${newKey}" } },
  { name: "create-alias-b", op: "create_alias", params: { AliasName: "alias/e2e-b", TargetKeyId: "${newArn}" } },
  { name: "create-alias-c", op: "create_alias", params: { AliasName: "alias/e2e-c", TargetKeyId: DEMO_KEY_ID } },
  { name: "paginate-aliases", op: "list_aliases", paginate: 1, items: "Aliases" },
  { name: "aliases-of-new-key", op: "list_aliases", params: { KeyId: "${newKey}" } },
  { name: "update-alias", op: "update_alias", params: { AliasName: "alias/e2e-a", TargetKeyId: KEY_ARN } },
  { name: "describe-updated-alias", op: "describe_key", params: { KeyId: "alias/e2e-a" } },
  { name: "delete-alias", op: "delete_alias", params: { AliasName: "alias/e2e-b" } },
  { name: "describe-deleted-alias", op: "describe_key", params: { KeyId: "alias/e2e-b" } },
  { name: "create-second-key", op: "create_key", params: { KeySpec: "HMAC_256", KeyUsage: "GENERATE_VERIFY_MAC" } },
  { name: "paginate-keys", op: "list_keys", paginate: 1, items: "Keys" },
  { name: "disable", op: "disable_key", params: { KeyId: "${newKey}" } },
  { name: "describe-disabled", op: "describe_key", params: { KeyId: "${newKey}" } },
  { name: "enable", op: "enable_key", params: { KeyId: "${newKey}" } },
  { name: "schedule-deletion", op: "schedule_key_deletion", params: { KeyId: "${newKey}", PendingWindowInDays: 7 } },
  { name: "describe-pending-deletion", op: "describe_key", params: { KeyId: "${newKey}" } },
  { name: "get-policy-pending-deletion", op: "get_key_policy", params: { KeyId: "${newKey}" } },
  { name: "schedule-again", op: "schedule_key_deletion", params: { KeyId: "${newKey}" } },
  { name: "cancel-deletion", op: "cancel_key_deletion", params: { KeyId: "${newKey}" } },
  { name: "describe-after-cancel", op: "describe_key", params: { KeyId: "${newKey}" } },
  { name: "cancel-again", op: "cancel_key_deletion", params: { KeyId: "${newKey}" } },
  // Multi-Region keys: a primary here, a replica in REPLICA_REGION, then the primary moved there.
  {
    name: "create-mrk",
    op: "create_key",
    params: { MultiRegion: true, Description: "e2e primary" },
    save: { mrk: "response.KeyMetadata.KeyId" },
  },
  {
    name: "replicate",
    op: "replicate_key",
    params: { KeyId: "${mrk}", ReplicaRegion: REPLICA_REGION, Description: "e2e replica" },
  },
  { name: "describe-replica", op: "describe_key", region: REPLICA_REGION, params: { KeyId: "${mrk}" } },
  { name: "replicate-again", op: "replicate_key", params: { KeyId: "${mrk}", ReplicaRegion: REPLICA_REGION } },
  { name: "update-primary", op: "update_primary_region", params: { KeyId: "${mrk}", PrimaryRegion: REPLICA_REGION } },
  { name: "describe-old-primary", op: "describe_key", params: { KeyId: "${mrk}" } },
  { name: "describe-new-primary", op: "describe_key", region: REPLICA_REGION, params: { KeyId: "${mrk}" } },
  // Errors.
  { name: "unknown-key", op: "get_key_policy", params: { KeyId: MISSING_KEY_ID } },
  { name: "malformed-key-id", op: "get_key_policy", params: { KeyId: "fake-key-id" } },
  { name: "unknown-alias", op: "get_key_policy", params: { KeyId: "alias/does-not-exist" } },
  { name: "bad-policy-name", op: "get_key_policy", params: { KeyId: DEMO_KEY_ID, PolicyName: "no-such!" } },
  { name: "other-policy-name", op: "get_key_policy", params: { KeyId: DEMO_KEY_ID, PolicyName: "foo" } },
  {
    name: "arn-other-region",
    op: "get_key_policy",
    params: { KeyId: `arn:aws:kms:us-west-2:${ACCOUNT_ID}:key/${DEMO_KEY_ID}` },
  },
  { name: "arn-other-account-existing", op: "get_key_policy", accessKey: OTHER_ACCOUNT, params: { KeyId: KEY_ARN } },
  {
    name: "arn-other-account-missing",
    op: "get_key_policy",
    accessKey: OTHER_ACCOUNT,
    params: { KeyId: `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/${MISSING_KEY_ID}` },
  },
  { name: "other-region-by-id", op: "describe_key", region: "eu-west-1", params: { KeyId: DEMO_KEY_ID } },
  { name: "two-violations", op: "get_key_policy", params: { KeyId: "k".repeat(2049), PolicyName: "p".repeat(129) } },
  { name: "put-not-json", op: "put_key_policy", params: { KeyId: DEMO_KEY_ID, Policy: "not a real policy statement" } },
  { name: "put-lockout", op: "put_key_policy", params: { KeyId: DEMO_KEY_ID, Policy: LOCKOUT } },
  { name: "alias-without-prefix", op: "create_alias", params: { AliasName: "e2e", TargetKeyId: DEMO_KEY_ID } },
  { name: "alias-reserved", op: "create_alias", params: { AliasName: "alias/aws/e2e", TargetKeyId: DEMO_KEY_ID } },
  { name: "alias-taken", op: "create_alias", params: { AliasName: "alias/ExampleAlias", TargetKeyId: DEMO_KEY_ID } },
  { name: "window-too-short", op: "schedule_key_deletion", params: { KeyId: DEMO_KEY_ID, PendingWindowInDays: 3 } },
  {
    name: "create-key-bad-spec",
    op: "create_key",
    params: { KeySpec: "HMAC_random", KeyUsage: "GENERATE_VERIFY_MAC" },
  },
  // AWS managed keys: listed without a target, made on first use, refusing customer-only operations.
  { name: "managed-aliases-before", op: "list_aliases", params: { Limit: 100 } },
  {
    name: "describe-managed",
    op: "describe_key",
    params: { KeyId: "alias/aws/s3" },
    save: { managedArn: "response.KeyMetadata.Arn" },
  },
  { name: "managed-aliases-after", op: "list_aliases", params: { Limit: 100 } },
  { name: "managed-rotation", op: "get_key_rotation_status", params: { KeyId: "alias/aws/s3" } },
  { name: "managed-schedule-deletion", op: "schedule_key_deletion", params: { KeyId: "${managedArn}" } },
];

const python = findBoto3Python();
const error = (code: string, message: string) => ({ error: { code, message, status: 400 } });

describe.skipIf("missing" in python)("boto3 against a running emulator", () => {
  let server: RunningServer;
  let results: Record<string, StepResult>;
  const result = (name: string): any => results[name];

  beforeAll(async () => {
    if ("missing" in python) return;
    server = await startEmulator();
    results = await runBoto3Plan(python.path, server.url, REGION, PLAN);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("gets the default policy byte for byte by key ID, key ARN, alias name and alias ARN, with PolicyName default", () => {
    for (const name of ["get-by-id-without-policy-name", "get-by-key-arn", "get-by-alias-name", "get-by-alias-arn"]) {
      expect(result(name)).toEqual({ response: { Policy: defaultPolicyText(ACCOUNT_ID), PolicyName: "default" } });
    }
    expect(result("list-key-policies")).toEqual({ response: { PolicyNames: ["default"], Truncated: false } });
    expect(result("describe-by-alias").response.KeyMetadata.Arn).toBe(KEY_ARN);
  });

  it("creates a key with the default policy and tags, and returns a put single-line policy pretty", () => {
    const metadata = result("create-key").response.KeyMetadata;
    expect(metadata).toMatchObject({ Description: "e2e", KeyState: "Enabled", Enabled: true, KeyManager: "CUSTOMER" });
    expect(metadata.CurrentKeyMaterialId).toMatch(/^[0-9a-f]{64}$/);
    expect(result("get-new-key-policy").response.Policy).toBe(defaultPolicyText(ACCOUNT_ID));
    expect(result("list-tags-after-create")).toEqual({
      response: { Tags: [{ TagKey: "team", TagValue: "keypolicy" }], Truncated: false },
    });
    expect(result("put-single-line")).toEqual({ response: {} });
    expect(result("get-after-put").response).toEqual({
      Policy: singleLinePolicyPretty(ACCOUNT_ID),
      PolicyName: "default",
    });
    expect(result("list-tags").response.Tags).toEqual([{ TagKey: "env", TagValue: "dev" }]);
  });

  it("manages aliases and pages through them and the keys with boto3's paginators", () => {
    const newKey = result("create-key").response.KeyMetadata.KeyId as string;
    const paged = result("paginate-aliases");
    // The predefined AWS managed aliases are listed too, in name order ("E" < "aws" < "e2e").
    expect(paged.items.map((a: { AliasName: string }) => a.AliasName)).toEqual([
      "alias/ExampleAlias",
      ...AWS_MANAGED_ALIASES,
      "alias/e2e-a",
      "alias/e2e-b",
      "alias/e2e-c",
    ]);
    expect(paged.pages).toBe(4 + AWS_MANAGED_ALIASES.length);
    expect(result("aliases-of-new-key").response.Aliases.map((a: { AliasName: string }) => a.AliasName)).toEqual([
      "alias/e2e-a",
      "alias/e2e-b",
    ]);
    expect(result("describe-updated-alias").response.KeyMetadata.KeyId).toBe(DEMO_KEY_ID);
    expect(result("describe-deleted-alias")).toEqual(
      error("NotFoundException", `Alias arn:aws:kms:${REGION}:${ACCOUNT_ID}:alias/e2e-b is not found.`),
    );
    const keys = result("paginate-keys");
    expect(keys.pages).toBe(3);
    expect(keys.items.map((k: { KeyId: string }) => k.KeyId).slice(0, 2)).toEqual([DEMO_KEY_ID, newKey]);
  });

  it("lists alias/aws/s3 without TargetKeyId, makes its AWS managed key on DescribeKey, then lists its target", () => {
    const s3 = (step: string) =>
      result(step).response.Aliases.find((a: { AliasName: string }) => a.AliasName === "alias/aws/s3");
    expect(s3("managed-aliases-before")).toEqual({
      AliasName: "alias/aws/s3",
      AliasArn: `arn:aws:kms:${REGION}:${ACCOUNT_ID}:alias/aws/s3`,
    });
    const metadata = result("describe-managed").response.KeyMetadata;
    expect(metadata).toMatchObject({
      KeyManager: "AWS",
      Description: "Default key that protects my S3 objects when no other key is defined",
      KeyState: "Enabled",
      KeySpec: "SYMMETRIC_DEFAULT",
    });
    expect(s3("managed-aliases-after")).toMatchObject({ AliasName: "alias/aws/s3", TargetKeyId: metadata.KeyId });
    expect(result("managed-rotation").response).toMatchObject({ KeyRotationEnabled: true, RotationPeriodInDays: 365 });
    expect(result("managed-schedule-deletion")).toEqual(
      error(
        "AccessDeniedException",
        `User: arn:aws:iam::${ACCOUNT_ID}:root is not authorized to perform: kms:ScheduleKeyDeletion on resource: ${metadata.Arn} because no resource-based policy allows the kms:ScheduleKeyDeletion action`,
      ),
    );
  });

  it("walks a key through disable, enable, scheduled deletion and cancel", () => {
    const newArn = result("create-key").response.KeyMetadata.Arn as string;
    expect(result("describe-disabled").response.KeyMetadata).toMatchObject({ KeyState: "Disabled", Enabled: false });
    expect(result("schedule-deletion").response).toMatchObject({
      KeyId: newArn,
      KeyState: "PendingDeletion",
      PendingWindowInDays: 7,
    });
    const pending = result("describe-pending-deletion").response.KeyMetadata;
    expect(pending).toMatchObject({ KeyState: "PendingDeletion", Enabled: false });
    expect(pending.DeletionDate).toBeDefined();
    expect(result("get-policy-pending-deletion").response.PolicyName).toBe("default");
    expect(result("schedule-again")).toEqual(error("KMSInvalidStateException", `${newArn} is pending deletion.`));
    expect(result("cancel-deletion")).toEqual({ response: { KeyId: newArn } });
    const after = result("describe-after-cancel").response.KeyMetadata;
    expect(after).toMatchObject({ KeyState: "Disabled", Enabled: false });
    expect(after).not.toHaveProperty("DeletionDate");
    expect(result("cancel-again")).toEqual(error("KMSInvalidStateException", `${newArn} is not pending deletion.`));
  });

  it("replicates a multi-Region key into another Region and moves its primary there", () => {
    const mrk = result("create-mrk").response.KeyMetadata.KeyId as string;
    expect(mrk).toMatch(/^mrk-[0-9a-f]{32}$/);
    const arnIn = (region: string) => `arn:aws:kms:${region}:${ACCOUNT_ID}:key/${mrk}`;
    const primary = { Arn: arnIn(REGION), Region: REGION };
    const replica = { Arn: arnIn(REPLICA_REGION), Region: REPLICA_REGION };
    const replicated = result("replicate").response;
    expect(replicated.ReplicaKeyMetadata).toMatchObject({
      KeyId: mrk,
      Arn: replica.Arn,
      KeyState: "Creating",
      Description: "e2e replica",
      MultiRegionConfiguration: { MultiRegionKeyType: "REPLICA", PrimaryKey: primary, ReplicaKeys: [replica] },
    });
    expect(replicated.ReplicaPolicy).toBe(defaultPolicyText(ACCOUNT_ID));
    expect(result("describe-replica").response.KeyMetadata).toMatchObject({ KeyState: "Enabled", Enabled: true });
    expect(result("replicate-again")).toEqual(error("AlreadyExistsException", `${replica.Arn} already exists.`));
    expect(result("update-primary")).toEqual({ response: {} });
    expect(result("describe-old-primary").response.KeyMetadata.MultiRegionConfiguration).toEqual({
      MultiRegionKeyType: "REPLICA",
      PrimaryKey: replica,
      ReplicaKeys: [primary],
    });
    expect(result("describe-new-primary").response.KeyMetadata).toMatchObject({
      Description: "e2e replica",
      MultiRegionConfiguration: { MultiRegionKeyType: "PRIMARY", PrimaryKey: replica, ReplicaKeys: [primary] },
    });
  });

  it.each([
    [
      "unknown-key",
      error("NotFoundException", `Key 'arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/${MISSING_KEY_ID}' does not exist`),
    ],
    ["malformed-key-id", error("NotFoundException", "Invalid keyId 'fake-key-id'")],
    [
      "unknown-alias",
      error("NotFoundException", `Alias arn:aws:kms:${REGION}:${ACCOUNT_ID}:alias/does-not-exist is not found.`),
    ],
    [
      "bad-policy-name",
      error(
        "ValidationException",
        "1 validation error detected: Value 'no-such!' at 'policyName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w]+",
      ),
    ],
    ["other-policy-name", error("NotFoundException", "No such policy exists")],
    ["arn-other-region", error("NotFoundException", "Invalid arn us-west-2")],
    [
      "arn-other-account-existing",
      error(
        "AccessDeniedException",
        `User: arn:aws:iam::${OTHER_ACCOUNT}:root is not authorized to perform: kms:GetKeyPolicy on resource: ${KEY_ARN} because no resource-based policy allows the kms:GetKeyPolicy action`,
      ),
    ],
    [
      "arn-other-account-missing",
      error(
        "AccessDeniedException",
        `User: arn:aws:iam::${OTHER_ACCOUNT}:root is not authorized to perform: kms:GetKeyPolicy on resource: arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/${MISSING_KEY_ID} because no resource-based policy allows the kms:GetKeyPolicy action`,
      ),
    ],
    [
      "other-region-by-id",
      error("NotFoundException", `Key 'arn:aws:kms:eu-west-1:${ACCOUNT_ID}:key/${DEMO_KEY_ID}' does not exist`),
    ],
    [
      "two-violations",
      error(
        "ValidationException",
        `2 validation errors detected: Value '${"k".repeat(2049)}' at 'keyId' failed to satisfy constraint: Member must have length less than or equal to 2048; Value '${"p".repeat(129)}' at 'policyName' failed to satisfy constraint: Member must have length less than or equal to 128`,
      ),
    ],
    ["put-not-json", error("MalformedPolicyDocumentException", "")],
    [
      "put-lockout",
      error(
        "MalformedPolicyDocumentException",
        "The new key policy will not allow you to update the key policy in the future.",
      ),
    ],
    [
      "alias-without-prefix",
      error(
        "ValidationException",
        'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html',
      ),
    ],
    ["alias-taken", error("AlreadyExistsException", `An alias with the name ${ALIAS_ARN} already exists`)],
    ["window-too-short", error("ValidationException", "PendingWindowInDays should be between 7 and 30, but it is 3")],
  ])("answers %s as AWS does, with status 400", (name, expected) => {
    expect(result(name)).toEqual(expected);
  });

  it("refuses reserved alias names and unknown key specs", () => {
    expect(result("alias-reserved").error).toMatchObject({ code: "InvalidAliasNameException", status: 400 });
    expect(result("create-key-bad-spec").error.message).toMatch(
      /^1 validation error detected: Value 'HMAC_random' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: \[RSA_2048, ECC_NIST_P384,/,
    );
  });
});

if ("missing" in python) {
  describe("boto3 against a running emulator", () => {
    it.skip(`skipped: ${python.missing}`, () => {});
  });
  console.warn(`[e2e] boto3 suite skipped: ${python.missing}`);
}
