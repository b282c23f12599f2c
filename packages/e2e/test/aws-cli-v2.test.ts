import type { RunningServer } from "@keypolicy/emulator-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsCli, cliErrorLine } from "../src/aws-cli.js";
import { ACCOUNT_ID, findAwsCli } from "../src/clients.js";
import { defaultPolicyText, singleLinePolicy, singleLinePolicyPretty } from "../src/expected.js";
import { DEMO_KEY_ID, startEmulator } from "../src/servers.js";

const REGION = "us-east-2";
// Debian's awscli (2.9.x) carries the KMS model from before 2024-03-18: --policy-name is required and the
// GetKeyPolicy output shape has no PolicyName, so the CLI drops that member from what it prints.
const cli = findAwsCli(2);

describe.skipIf("missing" in cli)(
  `AWS CLI v2 (${"version" in cli ? cli.version : ""}) against a running emulator`,
  () => {
    let server: RunningServer;
    const aws = (...args: string[]) => awsCli("path" in cli ? cli.path : "aws", server.url, REGION, ["kms", ...args]);

    beforeAll(async () => {
      server = await startEmulator();
    });
    afterAll(async () => {
      await server?.close();
    });

    it("reads the documented key's policy by key ID and by alias with --policy-name default", async () => {
      const [byId, byAlias] = await Promise.all([
        aws("get-key-policy", "--key-id", DEMO_KEY_ID, "--policy-name", "default"),
        aws(
          "get-key-policy",
          "--key-id",
          "alias/ExampleAlias",
          "--policy-name",
          "default",
          "--query",
          "Policy",
          "--output",
          "text",
        ),
      ]);
      expect(byId.code, byId.stderr).toBe(0);
      expect(JSON.parse(byId.stdout).Policy).toBe(defaultPolicyText(ACCOUNT_ID));
      expect(byAlias.stdout).toBe(`${defaultPolicyText(ACCOUNT_ID)}\n`);
    });

    it("creates a key, puts a single-line policy and reads it back pretty; pages keys and aliases", async () => {
      const created = await aws("create-key", "--query", "KeyMetadata.KeyId", "--output", "text");
      expect(created.code, created.stderr).toBe(0);
      const newKey = created.stdout.trim();
      const put = await aws(
        "put-key-policy",
        "--key-id",
        newKey,
        "--policy-name",
        "default",
        "--policy",
        singleLinePolicy(ACCOUNT_ID),
      );
      expect(put.code, put.stderr).toBe(0);
      const [pretty, keys, described] = await Promise.all([
        aws("get-key-policy", "--key-id", newKey, "--policy-name", "default", "--query", "Policy", "--output", "text"),
        aws("list-keys", "--page-size", "1"),
        aws("describe-key", "--key-id", "alias/ExampleAlias"),
      ]);
      expect(pretty.stdout).toBe(`${singleLinePolicyPretty(ACCOUNT_ID)}\n`);
      expect(JSON.parse(keys.stdout).Keys.map((k: { KeyId: string }) => k.KeyId)).toEqual([DEMO_KEY_ID, newKey]);
      expect(JSON.parse(described.stdout).KeyMetadata).toMatchObject({ KeyId: DEMO_KEY_ID, KeyState: "Enabled" });
    });

    it("fails on an unknown key with AWS's message", async () => {
      const out = await aws("get-key-policy", "--key-id", "fake-key-id", "--policy-name", "default");
      expect(out.code).not.toBe(0);
      expect(out.stderr.trim()).toBe(cliErrorLine("NotFoundException", "GetKeyPolicy", "Invalid keyId 'fake-key-id'"));
    });
    it("replicates a multi-Region key into another Region and moves its primary there", async () => {
      // Regions of their own, so the key listings of the other tests here stay as they expect.
      const [home, away] = ["eu-west-3", "eu-central-1"];
      const awsIn = (region: string, ...args: string[]) =>
        awsCli("path" in cli ? cli.path : "aws", server.url, region, ["kms", ...args]);
      const created = await awsIn(
        home,
        "create-key",
        "--multi-region",
        "--query",
        "KeyMetadata.KeyId",
        "--output",
        "text",
      );
      expect(created.code, created.stderr).toBe(0);
      const mrk = created.stdout.trim();
      expect(mrk).toMatch(/^mrk-[0-9a-f]{32}$/);
      const primary = { Arn: `arn:aws:kms:${home}:${ACCOUNT_ID}:key/${mrk}`, Region: home };
      const replica = { Arn: `arn:aws:kms:${away}:${ACCOUNT_ID}:key/${mrk}`, Region: away };

      const replicated = await awsIn(home, "replicate-key", "--key-id", mrk, "--replica-region", away);
      expect(replicated.code, replicated.stderr).toBe(0);
      const answer = JSON.parse(replicated.stdout);
      expect(answer.ReplicaKeyMetadata).toMatchObject({ Arn: replica.Arn, KeyState: "Creating" });
      expect(answer.ReplicaPolicy).toBe(defaultPolicyText(ACCOUNT_ID));
      const again = await awsIn(home, "replicate-key", "--key-id", mrk, "--replica-region", away);
      expect(again.code).not.toBe(0);
      expect(again.stderr.trim()).toBe(
        cliErrorLine("AlreadyExistsException", "ReplicateKey", `${replica.Arn} already exists.`),
      );

      const moved = await awsIn(home, "update-primary-region", "--key-id", mrk, "--primary-region", away);
      expect(moved).toMatchObject({ code: 0, stdout: "" });
      const [oldPrimary, newPrimary] = await Promise.all([
        awsIn(home, "describe-key", "--key-id", mrk, "--query", "KeyMetadata.MultiRegionConfiguration"),
        awsIn(away, "describe-key", "--key-id", mrk, "--query", "KeyMetadata.[KeyState,MultiRegionConfiguration]"),
      ]);
      expect(JSON.parse(oldPrimary.stdout)).toEqual({
        MultiRegionKeyType: "REPLICA",
        PrimaryKey: replica,
        ReplicaKeys: [primary],
      });
      expect(JSON.parse(newPrimary.stdout)).toEqual([
        "Enabled",
        { MultiRegionKeyType: "PRIMARY", PrimaryKey: replica, ReplicaKeys: [primary] },
      ]);
    });
  },
);

if ("missing" in cli) {
  describe("AWS CLI v2 against a running emulator", () => {
    it.skip(`skipped: ${cli.missing}`, () => {});
  });
  console.warn(`[e2e] AWS CLI v2 suite skipped: ${cli.missing}`);
}
