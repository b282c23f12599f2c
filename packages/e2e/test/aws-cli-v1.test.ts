import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RunningServer } from "@keypolicy/emulator-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsCli, cliErrorLine } from "../src/aws-cli.js";
import { checkAwsManagedKeyWithCli } from "../src/aws-managed-cli.js";
import { checkDataPlaneWithCli } from "../src/crypto-cli.js";
import { checkReplicationWithCli } from "../src/multi-region-cli.js";
import { ACCOUNT_ID, findAwsCli } from "../src/clients.js";
import { AWS_MANAGED_ALIASES, defaultPolicyText, singleLinePolicy, singleLinePolicyPretty } from "../src/expected.js";
import { DEMO_KEY_ID, startEmulator } from "../src/servers.js";

const REGION = "us-east-2";
const KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/${DEMO_KEY_ID}`;
const DAY_MS = 86_400_000;
const cli = findAwsCli(1);

/** The JSON a successful CLI call printed. */
function json(out: { code: number; stdout: string; stderr: string }): any {
  expect(out.code, out.stderr).toBe(0);
  return JSON.parse(out.stdout);
}

describe.skipIf("missing" in cli)(
  `AWS CLI v1 (${"version" in cli ? cli.version : ""}) against a running emulator`,
  () => {
    let server: RunningServer;
    let dir: string;
    const aws = (...args: string[]) => awsCli("path" in cli ? cli.path : "aws", server.url, REGION, ["kms", ...args]);

    beforeAll(async () => {
      server = await startEmulator();
      dir = await mkdtemp(join(tmpdir(), "keypolicy-e2e-"));
    });
    afterAll(async () => {
      await server?.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it("prints the documented key's policy byte for byte and PolicyName default, by key ID and by key ARN", async () => {
      const [byId, byArn] = await Promise.all([
        aws("get-key-policy", "--key-id", DEMO_KEY_ID),
        aws("get-key-policy", "--key-id", KEY_ARN),
      ]);
      for (const out of [byId, byArn]) {
        expect(out.code, out.stderr).toBe(0);
        expect(JSON.parse(out.stdout)).toEqual({ Policy: defaultPolicyText(ACCOUNT_ID), PolicyName: "default" });
      }
    });

    it("creates a key, puts a single-line policy, reads it back pretty, then copies another key's policy via file://", async () => {
      const created = await aws(
        "create-key",
        "--description",
        "e2e cli",
        "--query",
        "KeyMetadata.KeyId",
        "--output",
        "text",
      );
      expect(created.code, created.stderr).toBe(0);
      const newKey = created.stdout.trim();
      expect(newKey).toMatch(/^[0-9a-f-]{36}$/);

      const fresh = await aws("get-key-policy", "--key-id", newKey);
      expect(JSON.parse(fresh.stdout).Policy).toBe(defaultPolicyText(ACCOUNT_ID));

      const put = await aws("put-key-policy", "--key-id", newKey, "--policy", singleLinePolicy(ACCOUNT_ID));
      expect(put).toMatchObject({ code: 0, stdout: "" });
      const pretty = await aws("get-key-policy", "--key-id", newKey);
      expect(JSON.parse(pretty.stdout)).toEqual({ Policy: singleLinePolicyPretty(ACCOUNT_ID), PolicyName: "default" });

      // `get-key-policy --output text` of one key, through a file, into put-key-policy of another.
      const text = await aws("get-key-policy", "--key-id", DEMO_KEY_ID, "--query", "Policy", "--output", "text");
      expect(text.stdout).toBe(`${defaultPolicyText(ACCOUNT_ID)}\n`);
      const file = join(dir, "policy.json");
      await writeFile(file, text.stdout);
      const copied = await aws("put-key-policy", "--key-id", newKey, "--policy", `file://${file}`);
      expect(copied.code, copied.stderr).toBe(0);
      const after = await aws("get-key-policy", "--key-id", newKey, "--query", "Policy", "--output", "text");
      expect(after.stdout).toBe(`${defaultPolicyText(ACCOUNT_ID)}\n`);

      // The CLI's own paginators, one item per page.
      const alias = await aws("create-alias", "--alias-name", "alias/e2e-cli", "--target-key-id", newKey);
      expect(alias.code, alias.stderr).toBe(0);
      const [keys, aliases] = await Promise.all([
        aws("list-keys", "--page-size", "1"),
        aws("list-aliases", "--page-size", "1"),
      ]);
      expect(JSON.parse(keys.stdout).Keys.map((k: { KeyId: string }) => k.KeyId)).toEqual([DEMO_KEY_ID, newKey]);
      expect(JSON.parse(aliases.stdout).Aliases.map((a: { AliasName: string }) => a.AliasName)).toEqual([
        "alias/ExampleAlias",
        ...AWS_MANAGED_ALIASES,
        "alias/e2e-cli",
      ]);
    });

    it("lists alias/aws/s3 without TargetKeyId, describes its AWS managed key (made on first use), then lists its target; refuses disable-key", async () => {
      await checkAwsManagedKeyWithCli(aws, REGION, ACCOUNT_ID);
    });

    it("enables rotation with a period, rotates on demand, pages the rotations with --max-items and --starting-token, disables it", async () => {
      const created = await aws("create-key", "--query", "KeyMetadata", "--output", "json");
      expect(created.code, created.stderr).toBe(0);
      const { KeyId: key, Arn: arn, CurrentKeyMaterialId: firstMaterial } = JSON.parse(created.stdout);

      const enabledAt = Date.now();
      const enable = await aws("enable-key-rotation", "--key-id", key, "--rotation-period-in-days", "180");
      expect(enable).toMatchObject({ code: 0, stdout: "" });
      const status = json(await aws("get-key-rotation-status", "--key-id", key));
      expect(status).toMatchObject({ KeyRotationEnabled: true, KeyId: arn, RotationPeriodInDays: 180 });
      // AWS CLI v1 prints timestamps as they come over the wire: epoch seconds (cli_timestamp_format "none").
      expect(typeof status.NextRotationDate).toBe("number");
      expect(Math.abs(status.NextRotationDate * 1000 - (enabledAt + 180 * DAY_MS))).toBeLessThan(60_000);

      for (let n = 0; n < 3; n++) {
        expect(json(await aws("rotate-key-on-demand", "--key-id", key))).toEqual({ KeyId: arn });
      }
      // Independent reads at once: the CLI starts slowly, the test has a time limit.
      const [statusAfter, describedOut, allOut, firstOut, oneOut, withFirstOut] = await Promise.all([
        aws("get-key-rotation-status", "--key-id", key),
        aws("describe-key", "--key-id", key),
        aws("list-key-rotations", "--key-id", key, "--page-size", "1"),
        aws("list-key-rotations", "--key-id", key, "--page-size", "1", "--max-items", "2"),
        aws("list-key-rotations", "--key-id", key, "--max-items", "1"),
        aws("list-key-rotations", "--key-id", key, "--include-key-material", "ALL_KEY_MATERIAL"),
      ]);
      expect(json(statusAfter)).toEqual(status);
      const described = json(describedOut).KeyMetadata;
      expect(described.CurrentKeyMaterialId).not.toBe(firstMaterial);

      // The CLI's auto-pagination: one rotation per request, all three printed, no NextToken.
      const all = json(allOut);
      expect(Object.keys(all)).toEqual(["Rotations"]);
      expect(all.Rotations).toHaveLength(3);
      for (const rotation of all.Rotations) {
        expect(rotation).toMatchObject({ KeyId: key, RotationType: "ON_DEMAND" });
        expect(typeof rotation.RotationDate).toBe("number");
      }
      expect(all.Rotations.map((r: { KeyMaterialState: string }) => r.KeyMaterialState)).toEqual([
        "NON_CURRENT",
        "NON_CURRENT",
        "CURRENT",
      ]);
      expect(all.Rotations[2].KeyMaterialId).toBe(described.CurrentKeyMaterialId);
      expect(json(withFirstOut).Rotations[0]).toEqual({
        KeyId: key,
        KeyMaterialId: firstMaterial,
        KeyMaterialState: "NON_CURRENT",
      });

      // --max-items over pages of one: NextToken carries the emulator's NextMarker; --starting-token resumes there.
      // --max-items inside one page: the token tells the CLI how many of that page it has printed already.
      const [first, one] = [json(firstOut), json(oneOut)];
      expect(first.Rotations).toEqual(all.Rotations.slice(0, 2));
      expect(typeof first.NextToken).toBe("string");
      expect(one.Rotations).toEqual(all.Rotations.slice(0, 1));
      expect(typeof one.NextToken).toBe("string");
      const [rest, others] = await Promise.all([
        aws("list-key-rotations", "--key-id", key, "--page-size", "1", "--starting-token", first.NextToken),
        aws("list-key-rotations", "--key-id", key, "--starting-token", one.NextToken),
      ]);
      expect(json(rest)).toEqual({ Rotations: all.Rotations.slice(2) });
      expect(json(others)).toEqual({ Rotations: all.Rotations.slice(1) });

      const [disable, update] = await Promise.all([
        aws("disable-key-rotation", "--key-id", key),
        aws("update-key-description", "--key-id", key, "--description", "rotated by the CLI ✓"),
      ]);
      expect(disable).toMatchObject({ code: 0, stdout: "" });
      expect(update).toMatchObject({ code: 0, stdout: "" });
      const [disabled, description] = await Promise.all([
        aws("get-key-rotation-status", "--key-id", key),
        aws("describe-key", "--key-id", key, "--query", "KeyMetadata.Description", "--output", "text"),
      ]);
      expect(json(disabled)).toEqual({ KeyRotationEnabled: false, KeyId: arn });
      expect(description.stdout).toBe("rotated by the CLI ✓\n");
    });

    it("fails rotation requests AWS refuses, with exit 255 and AWS's error line", async () => {
      const rsa = await aws(
        "create-key",
        "--key-spec",
        "RSA_2048",
        "--key-usage",
        "ENCRYPT_DECRYPT",
        "--query",
        "KeyMetadata.KeyId",
        "--output",
        "text",
      );
      const plain = await aws("create-key", "--query", "KeyMetadata.KeyId", "--output", "text");
      const [asymmetric, key] = [rsa.stdout.trim(), plain.stdout.trim()];
      expect((await aws("disable-key", "--key-id", key)).code).toBe(0);

      const [onAsymmetric, rotateAsymmetric, tooShort, tooLong, disabled] = await Promise.all([
        aws("enable-key-rotation", "--key-id", asymmetric),
        aws("rotate-key-on-demand", "--key-id", asymmetric),
        aws("enable-key-rotation", "--key-id", key, "--rotation-period-in-days", "89"),
        aws("enable-key-rotation", "--key-id", key, "--rotation-period-in-days", "2561"),
        aws("rotate-key-on-demand", "--key-id", key),
      ]);
      // An empty message: the CLI's line ends after "operation: " (AWS's UnsupportedOperationException has no text).
      expect(onAsymmetric.code).toBe(255);
      expect(onAsymmetric.stderr).toBe(`\n${cliErrorLine("UnsupportedOperationException", "EnableKeyRotation", "")}\n`);
      expect(rotateAsymmetric.stderr.trim()).toBe(
        cliErrorLine("UnsupportedOperationException", "RotateKeyOnDemand", "").trim(),
      );
      // botocore checks the model's minimum itself, before sending; the maximum is the server's to refuse.
      expect(tooShort.code).toBe(255);
      expect(tooShort.stderr.trim()).toBe(
        "Parameter validation failed:\nInvalid value for parameter RotationPeriodInDays, value: 89, valid min value: 90",
      );
      expect(tooLong.code).toBe(255);
      expect(tooLong.stderr.trim()).toBe(
        cliErrorLine(
          "ValidationException",
          "EnableKeyRotation",
          "1 validation error detected: Value '2561' at 'rotationPeriodInDays' failed to satisfy constraint: Member must have value less than or equal to 2560",
        ),
      );
      expect(disabled.code).toBe(255);
      expect(disabled.stderr.trim()).toBe(
        cliErrorLine(
          "DisabledException",
          "RotateKeyOnDemand",
          `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/${key} is disabled.`,
        ),
      );
    });

    it.each([
      {
        what: "an unknown key",
        args: ["--key-id", "0b0c52a4-9d5f-4d1e-9b7a-0123456789ab"],
        line: cliErrorLine(
          "NotFoundException",
          "GetKeyPolicy",
          `Key 'arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/0b0c52a4-9d5f-4d1e-9b7a-0123456789ab' does not exist`,
        ),
      },
      {
        what: "a malformed key ID",
        args: ["--key-id", "fake-key-id"],
        line: cliErrorLine("NotFoundException", "GetKeyPolicy", "Invalid keyId 'fake-key-id'"),
      },
      {
        what: "an unknown alias",
        args: ["--key-id", "alias/nope"],
        line: cliErrorLine(
          "NotFoundException",
          "GetKeyPolicy",
          `Alias arn:aws:kms:${REGION}:${ACCOUNT_ID}:alias/nope is not found.`,
        ),
      },
      {
        what: "a bad policy name",
        args: ["--key-id", DEMO_KEY_ID, "--policy-name", "bad-name"],
        line: cliErrorLine(
          "ValidationException",
          "GetKeyPolicy",
          "1 validation error detected: Value 'bad-name' at 'policyName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w]+",
        ),
      },
      {
        what: "a key ARN of another region",
        args: ["--key-id", `arn:aws:kms:eu-central-1:${ACCOUNT_ID}:key/${DEMO_KEY_ID}`],
        line: cliErrorLine("NotFoundException", "GetKeyPolicy", "Invalid arn eu-central-1"),
      },
    ])("fails on $what with AWS's message", async ({ args, line }) => {
      const out = await aws("get-key-policy", ...args);
      expect(out.code).not.toBe(0);
      expect(out.stderr.trim()).toBe(line);
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
        await checkDataPlaneWithCli(awsIn, dir, region, ACCOUNT_ID, 255);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  },
);

if ("missing" in cli) {
  describe("AWS CLI v1 against a running emulator", () => {
    it.skip(`skipped: ${cli.missing}`, () => {});
  });
  console.warn(`[e2e] AWS CLI v1 suite skipped: ${cli.missing}`);
}
