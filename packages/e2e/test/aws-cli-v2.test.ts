import type { RunningServer } from "@keypolicy/emulator-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { awsCli, cliErrorLine, currentKmsModel } from "../src/aws-cli.js";
import { checkAwsManagedKeyWithCli } from "../src/aws-managed-cli.js";
import { checkDataPlaneWithCli } from "../src/crypto-cli.js";
import { checkReplicationWithCli } from "../src/multi-region-cli.js";
import { ACCOUNT_ID, findAwsCli, findBoto3Python } from "../src/clients.js";
import { defaultPolicyText, singleLinePolicy, singleLinePolicyPretty } from "../src/expected.js";
import { DEMO_KEY_ID, startEmulator } from "../src/servers.js";

const REGION = "us-east-2";
// Debian's awscli (2.9.x) carries the KMS model from before 2024-03-18: --policy-name is required and the
// GetKeyPolicy output shape has no PolicyName, so the CLI drops that member from what it prints.
const cli = findAwsCli(2);
const DAY_MS = 86_400_000;

/** The JSON a successful CLI call printed. */
function json(out: { code: number; stdout: string; stderr: string }): any {
  expect(out.code, out.stderr).toBe(0);
  return JSON.parse(out.stdout);
}

/** AWS CLI v2 prints timestamps in ISO 8601 (cli_timestamp_format iso8601, its default). */
const ISO_DATETIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+00:00$/;

describe.skipIf("missing" in cli)(
  `AWS CLI v2 (${"version" in cli ? cli.version : ""}) against a running emulator`,
  () => {
    let server: RunningServer;
    let models: string | undefined;
    const aws = (...args: string[]) => awsCli("path" in cli ? cli.path : "aws", server.url, REGION, ["kms", ...args]);
    /** The same CLI with the current KMS model of the installed botocore (see currentKmsModel). */
    const awsCurrent = (...args: string[]) =>
      awsCli("path" in cli ? cli.path : "aws", server.url, REGION, ["kms", ...args], { AWS_DATA_PATH: models ?? "" });

    beforeAll(async () => {
      const python = findBoto3Python();
      [server, models] = await Promise.all([
        startEmulator(),
        "path" in python ? currentKmsModel(python.path) : Promise.resolve(undefined),
      ]);
    });
    afterAll(async () => {
      await server?.close();
      if (models) await rm(models, { recursive: true, force: true });
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

    it("lists alias/aws/s3 without TargetKeyId, describes its AWS managed key (made on first use), then lists its target; refuses disable-key", async () => {
      await checkAwsManagedKeyWithCli(aws, REGION, ACCOUNT_ID);
    });

    it("with its own model: enables, reads and disables rotation, updates a description", async () => {
      const [created, rsa] = await Promise.all([
        aws("create-key", "--query", "KeyMetadata", "--output", "json"),
        aws(
          "create-key",
          "--key-spec",
          "RSA_2048",
          "--key-usage",
          "ENCRYPT_DECRYPT",
          "--query",
          "KeyMetadata.KeyId",
          "--output",
          "text",
        ),
      ]);
      const { KeyId: key, Arn: arn } = json(created);
      // Debian 12's 2.9 model has no RotationPeriodInDays: the CLI refuses the option itself (exit 252, nothing
      // sent), and its GetKeyRotationStatus output shape has KeyRotationEnabled only, so the CLI drops the KeyId,
      // RotationPeriodInDays and NextRotationDate the emulator sends (as it drops GetKeyPolicy's PolicyName). A CLI
      // built after 2024-04 takes the option and prints them all.
      const withPeriod = await aws("enable-key-rotation", "--key-id", key, "--rotation-period-in-days", "180");
      const oldModel = withPeriod.code === 252;
      if (oldModel) {
        expect(withPeriod.stderr).toContain("Unknown options: --rotation-period-in-days, 180");
      } else {
        expect(withPeriod).toMatchObject({ code: 0, stdout: "" });
      }
      // A service error too: exit 254 and AWS's line, empty message and all.
      const [enable, update, refused] = await Promise.all([
        aws("enable-key-rotation", "--key-id", key),
        aws("update-key-description", "--key-id", key, "--description", "rotated by CLI v2 ✓"),
        aws("enable-key-rotation", "--key-id", rsa.stdout.trim()),
      ]);
      expect(enable).toMatchObject({ code: 0, stdout: "" });
      expect(update).toMatchObject({ code: 0, stdout: "" });
      expect(refused.code).toBe(254);
      expect(refused.stderr).toBe(`\n${cliErrorLine("UnsupportedOperationException", "EnableKeyRotation", "")}\n`);
      const [enabled, description] = await Promise.all([
        aws("get-key-rotation-status", "--key-id", key),
        aws("describe-key", "--key-id", key, "--query", "KeyMetadata.Description", "--output", "text"),
      ]);
      if (oldModel) {
        expect(json(enabled)).toEqual({ KeyRotationEnabled: true });
      } else {
        expect(json(enabled)).toMatchObject({ KeyRotationEnabled: true, KeyId: arn });
      }
      expect(description.stdout).toBe("rotated by CLI v2 ✓\n");
      const disable = await aws("disable-key-rotation", "--key-id", key);
      expect(disable).toMatchObject({ code: 0, stdout: "" });
      expect(json(await aws("get-key-rotation-status", "--key-id", key))).toEqual(
        oldModel ? { KeyRotationEnabled: false } : { KeyRotationEnabled: false, KeyId: arn },
      );
    });

    it("with the current KMS model: a rotation period, on-demand rotations, list-key-rotations paged, errors", async (context) => {
      if (!models) return context.skip("no botocore KMS model to load through AWS_DATA_PATH");
      const created = await awsCurrent("create-key", "--query", "KeyMetadata", "--output", "json");
      const { KeyId: key, Arn: arn, CurrentKeyMaterialId: firstMaterial } = json(created);
      const enabledAt = Date.now();
      const enable = await awsCurrent("enable-key-rotation", "--key-id", key, "--rotation-period-in-days", "180");
      expect(enable).toMatchObject({ code: 0, stdout: "" });
      for (let n = 0; n < 3; n++) {
        expect(json(await awsCurrent("rotate-key-on-demand", "--key-id", key))).toEqual({ KeyId: arn });
      }
      const [statusOut, describedOut, allOut, firstOut, tooShort, tooLong] = await Promise.all([
        awsCurrent("get-key-rotation-status", "--key-id", key),
        awsCurrent("describe-key", "--key-id", key),
        awsCurrent("list-key-rotations", "--key-id", key, "--page-size", "1"),
        awsCurrent("list-key-rotations", "--key-id", key, "--page-size", "1", "--max-items", "2"),
        awsCurrent("enable-key-rotation", "--key-id", key, "--rotation-period-in-days", "89"),
        awsCurrent("enable-key-rotation", "--key-id", key, "--rotation-period-in-days", "2561"),
      ]);
      const status = json(statusOut);
      expect(status).toMatchObject({ KeyRotationEnabled: true, KeyId: arn, RotationPeriodInDays: 180 });
      expect(status.NextRotationDate).toMatch(ISO_DATETIME);
      expect(Math.abs(Date.parse(status.NextRotationDate) - (enabledAt + 180 * DAY_MS))).toBeLessThan(60_000);
      expect(status).not.toHaveProperty("OnDemandRotationStartDate"); // [DEC] KMS-FIDELITY.md §5a
      const current = json(describedOut).KeyMetadata.CurrentKeyMaterialId;
      expect(current).not.toBe(firstMaterial);

      const all = json(allOut);
      expect(Object.keys(all)).toEqual(["Rotations"]);
      expect(all.Rotations.map((r: { RotationType: string }) => r.RotationType)).toEqual([
        "ON_DEMAND",
        "ON_DEMAND",
        "ON_DEMAND",
      ]);
      expect(all.Rotations[2]).toMatchObject({ KeyId: key, KeyMaterialId: current, KeyMaterialState: "CURRENT" });
      for (const rotation of all.Rotations) expect(rotation.RotationDate).toMatch(ISO_DATETIME);
      const first = json(firstOut);
      expect(first.Rotations).toEqual(all.Rotations.slice(0, 2));
      const rest = await awsCurrent("list-key-rotations", "--key-id", key, "--starting-token", first.NextToken);
      expect(json(rest)).toEqual({ Rotations: all.Rotations.slice(2) });

      expect(tooShort.code).toBe(252);
      expect(tooShort.stderr.trim()).toBe(
        "Parameter validation failed:\nInvalid value for parameter RotationPeriodInDays, value: 89, valid min value: 90",
      );
      expect(tooLong.code).toBe(254);
      expect(tooLong.stderr.trim()).toBe(
        cliErrorLine(
          "ValidationException",
          "EnableKeyRotation",
          "1 validation error detected: Value '2561' at 'rotationPeriodInDays' failed to satisfy constraint: Member must have value less than or equal to 2560",
        ),
      );
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
      await checkReplicationWithCli(awsIn, home, away, ACCOUNT_ID);
    });
    it("encrypts a file's bytes under an encryption context and decrypts the blob from a file (fileb://), generates a data key by alias, re-encrypts; Decrypt's error lines", async () => {
      // A Region of its own, so the key listings of the other tests here stay as they expect.
      const region = "eu-north-1";
      const awsIn = (...args: string[]) =>
        awsCli("path" in cli ? cli.path : "aws", server.url, region, ["kms", ...args]);
      const dir = await mkdtemp(join(tmpdir(), "keypolicy-e2e-crypto-"));
      try {
        await checkDataPlaneWithCli(awsIn, dir, region, ACCOUNT_ID, 254);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  },
);

if ("missing" in cli) {
  describe("AWS CLI v2 against a running emulator", () => {
    it.skip(`skipped: ${cli.missing}`, () => {});
  });
  console.warn(`[e2e] AWS CLI v2 suite skipped: ${cli.missing}`);
}
