import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { RunningServer } from "@keypolicy/emulator-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsCli } from "../src/aws-cli.js";
import { ACCOUNT_ID, findAwsCli } from "../src/clients.js";
import { implementsOperation, kmsCall } from "../src/kms-http.js";
import { startEmulator } from "../src/servers.js";
import {
  createTerraformHome,
  describeRun,
  findTerraform,
  TERRAFORM_CONFIGS,
  type TerraformDir,
  type TerraformHome,
  type TerraformResult,
} from "../src/terraform.js";
import {
  type ExpectedFailure,
  formatSummary,
  parseProviderLog,
  type ProviderCall,
  summarize,
  unanswered,
  unexpectedFailures,
} from "../src/terraform-log.js";

// Terraform with the hashicorp/aws provider, unchanged but for its endpoints, against a running emulator: apply,
// plan clean, change in place, import a key the AWS CLI made, destroy. Everything runs offline: the provider comes
// from a filesystem mirror (KEYPOLICY_TF_PLUGINS, default /opt/tf-plugins); without terraform or the mirror the
// suite skips and says why. Each command's TF_LOG=DEBUG log is read afterwards: every AWS call must have been
// answered below 400, except the answers a step expects.
const REGION = "us-east-1";
const REPLICA_REGION = "us-west-2";
const ALIAS = "alias/keypolicy-e2e";
const STEP_TIMEOUT = 5 * 60_000;

/** Answers of 400 or more that a step expects; none so far: every read in this scenario is of something that exists. */
const EXPECTED_FAILURES: Record<string, readonly ExpectedFailure[]> = {};

const terraform = findTerraform();
const cli = (() => {
  const v1 = findAwsCli(1);
  return "path" in v1 ? v1 : findAwsCli(2);
})();

const title =
  "missing" in terraform
    ? `Terraform against a running emulator (skipped: ${terraform.missing})`
    : `Terraform ${terraform.version} with ${terraform.provider} against a running emulator`;

describe.skipIf("missing" in terraform)(title, () => {
  let server: RunningServer;
  let home: TerraformHome;
  let main: TerraformDir;
  let imports: TerraformDir;
  let replica = false;
  /** The key IDs Terraform made or took over, by role, for the checks after destroy. */
  const keys = new Map<string, { keyId: string; region: string }>();
  const done = new Set<string>();

  const kms = (operation: string, input: Record<string, unknown> = {}, region = REGION) =>
    kmsCall(server.url, region, operation, input);
  const baseVars = () => ["-var", `endpoint=${server.url}`, "-var", `region=${REGION}`];
  const mainVars = (changed: boolean) => [
    ...baseVars(),
    "-var",
    `replica_region=${REPLICA_REGION}`,
    "-var",
    `enable_replica=${replica}`,
    ...(changed
      ? [
          "-var",
          "description=keypolicy e2e primary key, changed",
          "-var",
          "environment=staging",
          "-var",
          "rotation_period_in_days=180",
          "-var",
          'reader_actions=["kms:DescribeKey","kms:GetKeyPolicy","kms:ListResourceTags"]',
          "-var",
          "secondary_sid=Root",
          "-var",
          "signing_enabled=false",
        ]
      : []),
  ];
  const ok = (result: TerraformResult) => expect(result.code, describeRun(result)).toBe(0);
  const after = (step: string) => {
    if (!done.has(step)) throw new Error(`skipped: the step "${step}" before this one did not succeed`);
  };

  beforeAll(async () => {
    if ("missing" in terraform) return;
    server = await startEmulator();
    replica = await implementsOperation(server.url, "ReplicateKey");
    home = await createTerraformHome(terraform, STEP_TIMEOUT);
    main = await home.workspace(TERRAFORM_CONFIGS, "main");
    imports = await home.workspace(join(TERRAFORM_CONFIGS, "import"), "import");
    // One init after the other: both use the home's TF_PLUGIN_CACHE_DIR, which Terraform documents as not safe for
    // concurrent use (two inits at once failed in CI with "still not detected in …/plugin-cache").
    ok(await main.run("init-main", "init", ["-input=false"]));
    ok(await imports.run("init-import", "init", ["-input=false"]));
  }, STEP_TIMEOUT);

  afterAll(async () => {
    await server?.close();
    await home?.dispose();
  });

  it(
    "applies keys (one asymmetric), an alias, a key policy, data sources, a multi-Region key (replica when ReplicateKey exists)",
    async () => {
      const applied = await main.run("apply", "apply", ["-auto-approve", "-input=false", ...mainVars(false)]);
      ok(applied);
      expect(applied.stdout).toContain(`Apply complete! Resources: ${replica ? 7 : 6} added, 0 changed, 0 destroyed.`);

      const output = await main.run("output", "output", ["-json"]);
      ok(output);
      const values = JSON.parse(output.stdout) as Record<string, { value: unknown }>;
      const ids = values["key_ids"]?.value as { main: string; secondary: string; signing: string; multi: string };
      keys.set("main", { keyId: ids.main, region: REGION });
      keys.set("secondary", { keyId: ids.secondary, region: REGION });
      keys.set("signing", { keyId: ids.signing, region: REGION });
      keys.set("multi", { keyId: ids.multi, region: REGION });
      if (replica) keys.set("replica", { keyId: ids.multi, region: REPLICA_REGION });
      const mainArn = `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/${ids.main}`;
      expect(values["account_id"]?.value).toBe(ACCOUNT_ID);
      expect(values["key_by_alias_arn"]?.value).toBe(mainArn);
      expect(values["alias_target_key_arn"]?.value).toBe(mainArn);
      expect(values["alias_arn"]?.value).toBe(`arn:aws:kms:${REGION}:${ACCOUNT_ID}:${ALIAS}`);
      expect(ids.multi).toMatch(/^mrk-[0-9a-f]{32}$/);

      // What the emulator holds is what the configuration says.
      const described = await kms("DescribeKey", { KeyId: ALIAS });
      expect(described.body["KeyMetadata"]).toMatchObject({
        KeyId: ids.main,
        Description: "keypolicy e2e primary key",
        KeyState: "Enabled",
        MultiRegion: false,
      });
      expect((await kms("GetKeyRotationStatus", { KeyId: ids.main })).body).toMatchObject({
        KeyRotationEnabled: true,
        RotationPeriodInDays: 365,
      });
      expect((await kms("ListResourceTags", { KeyId: ids.main })).body["Tags"]).toEqual(
        expect.arrayContaining([
          { TagKey: "Name", TagValue: "keypolicy-e2e" },
          { TagKey: "Environment", TagValue: "test" },
        ]),
      );
      const policy = JSON.parse(String((await kms("GetKeyPolicy", { KeyId: ids.main })).body["Policy"]));
      expect(policy).toMatchObject({ Id: "keypolicy-e2e", Statement: [{ Action: "kms:*" }, { Sid: "Readers" }] });
      const secondaryPolicy = JSON.parse(String((await kms("GetKeyPolicy", { KeyId: ids.secondary })).body["Policy"]));
      expect(secondaryPolicy.Statement).toMatchObject([{ Sid: "Enable IAM User Permissions" }]);
      expect((await kms("DescribeKey", { KeyId: ids.signing })).body["KeyMetadata"]).toMatchObject({
        KeySpec: "ECC_NIST_P256",
        KeyUsage: "SIGN_VERIFY",
        KeyState: "Enabled",
      });
      expect((await kms("DescribeKey", { KeyId: ids.multi })).body["KeyMetadata"]).toMatchObject({
        MultiRegion: true,
        MultiRegionConfiguration: { MultiRegionKeyType: "PRIMARY" },
      });
      if (replica) {
        const replicaKey = await kms("DescribeKey", { KeyId: ids.multi }, REPLICA_REGION);
        expect(replicaKey.body["KeyMetadata"]).toMatchObject({
          MultiRegionConfiguration: { MultiRegionKeyType: "REPLICA" },
        });
      }
      done.add("apply");
    },
    STEP_TIMEOUT,
  );

  it(
    "then plans no changes (plan -detailed-exitcode exits 0)",
    async () => {
      after("apply");
      const plan = await main.run("plan", "plan", ["-detailed-exitcode", "-input=false", ...mainVars(false)]);
      ok(plan);
      expect(plan.stdout).toContain("No changes.");
      done.add("plan");
    },
    STEP_TIMEOUT,
  );

  it(
    "changes policy, description, a tag, rotation period, a key policy and is_enabled in place, then plans clean",
    async () => {
      after("plan");
      const applied = await main.run("apply-change", "apply", ["-auto-approve", "-input=false", ...mainVars(true)]);
      ok(applied);
      expect(applied.stdout).toContain("Apply complete! Resources: 0 added, 3 changed, 0 destroyed.");
      const mainKey = keys.get("main")?.keyId;
      expect((await kms("DescribeKey", { KeyId: mainKey })).body["KeyMetadata"]).toMatchObject({
        Description: "keypolicy e2e primary key, changed",
      });
      expect((await kms("GetKeyRotationStatus", { KeyId: mainKey })).body).toMatchObject({
        KeyRotationEnabled: true,
        RotationPeriodInDays: 180,
      });
      expect((await kms("ListResourceTags", { KeyId: mainKey })).body["Tags"]).toEqual(
        expect.arrayContaining([{ TagKey: "Environment", TagValue: "staging" }]),
      );
      const policy = JSON.parse(String((await kms("GetKeyPolicy", { KeyId: mainKey })).body["Policy"]));
      expect(policy.Statement[1].Action).toEqual(["kms:DescribeKey", "kms:GetKeyPolicy", "kms:ListResourceTags"]);
      expect((await kms("DescribeKey", { KeyId: keys.get("signing")?.keyId })).body["KeyMetadata"]).toMatchObject({
        KeyState: "Disabled",
        Enabled: false,
      });
      const secondary = keys.get("secondary")?.keyId;
      const secondaryPolicy = JSON.parse(String((await kms("GetKeyPolicy", { KeyId: secondary })).body["Policy"]));
      expect(secondaryPolicy.Statement).toMatchObject([{ Sid: "Root" }]);

      const plan = await main.run("plan-change", "plan", ["-detailed-exitcode", "-input=false", ...mainVars(true)]);
      ok(plan);
      expect(plan.stdout).toContain("No changes.");
      done.add("change");
    },
    STEP_TIMEOUT,
  );

  it.skipIf(!("path" in cli))(
    `imports a key made by the AWS CLI (${"path" in cli ? cli.version.split(" ")[0] : `skipped: ${"missing" in cli ? cli.missing : ""}`}) and plans no changes`,
    async () => {
      const created = await awsCli("path" in cli ? cli.path : "aws", server.url, REGION, [
        "kms",
        "create-key",
        "--description",
        "created by the AWS CLI",
        "--tags",
        "TagKey=Origin,TagValue=aws-cli",
        "--query",
        "KeyMetadata.KeyId",
        "--output",
        "text",
      ]);
      expect(created.code, created.stderr).toBe(0);
      const keyId = created.stdout.trim();
      keys.set("imported", { keyId, region: REGION });

      const imported = await imports.run("import", "import", [
        "-input=false",
        ...baseVars(),
        "aws_kms_key.imported",
        keyId,
      ]);
      ok(imported);
      expect(imported.stdout).toContain("Import successful!");
      const plan = await imports.run("plan-import", "plan", ["-detailed-exitcode", "-input=false", ...baseVars()]);
      ok(plan);
      expect(plan.stdout).toContain("No changes.");
      done.add("import");
    },
    STEP_TIMEOUT,
  );

  it(
    "destroys everything: every key pending deletion, the alias gone",
    async () => {
      after("change");
      const destroyed = await main.run("destroy", "destroy", ["-auto-approve", "-input=false", ...mainVars(true)]);
      ok(destroyed);
      expect(destroyed.stdout).toContain(`Destroy complete! Resources: ${replica ? 7 : 6} destroyed.`);
      if (done.has("import")) {
        const destroyedImport = await imports.run("destroy-import", "destroy", [
          "-auto-approve",
          "-input=false",
          ...baseVars(),
        ]);
        ok(destroyedImport);
        expect(destroyedImport.stdout).toContain("Destroy complete! Resources: 1 destroyed.");
      }

      expect(keys.size).toBeGreaterThanOrEqual(3);
      for (const [role, { keyId, region }] of keys) {
        const described = await kms("DescribeKey", { KeyId: keyId }, region);
        expect(described.status, role).toBe(200);
        // A multi-Region primary whose replica still exists (pending deletion itself) waits in PendingReplicaDeletion
        // until the replica is gone [DOC: ScheduleKeyDeletion API reference].
        const state = role === "multi" && replica ? "PendingReplicaDeletion" : "PendingDeletion";
        expect(described.body["KeyMetadata"], role).toMatchObject({ KeyState: state, Enabled: false });
      }
      // deletion_window_in_days = 7: the deletion date is 7 days after the request (a day's slack either way).
      const mainKey = await kms("DescribeKey", { KeyId: keys.get("main")?.keyId });
      const days =
        (Number((mainKey.body["KeyMetadata"] as { DeletionDate: number }).DeletionDate) - Date.now() / 1000) / 86_400;
      expect(days).toBeGreaterThan(6);
      expect(days).toBeLessThan(8);

      const aliases = await kms("ListAliases");
      expect((aliases.body["Aliases"] as { AliasName: string }[]).map((alias) => alias.AliasName)).not.toContain(ALIAS);
      expect(await kms("DescribeKey", { KeyId: ALIAS })).toMatchObject({
        status: 400,
        body: { __type: "NotFoundException" },
      });
      done.add("destroy");
    },
    STEP_TIMEOUT,
  );

  it("got an answer below 400 to every AWS call of every step, as the provider's debug log records", async () => {
    const logs = await home.logs();
    const all: ProviderCall[] = [];
    const failures: string[] = [];
    for (const { step, file, text } of logs) {
      const traffic = parseProviderLog(text);
      all.push(...traffic.responses);
      for (const call of unexpectedFailures(traffic.responses, EXPECTED_FAILURES[step])) {
        failures.push(
          `${step}: ${call.service} ${call.operation} ${call.status ?? "no status"} ${call.errorCode ?? ""} (${file})`,
        );
      }
      const missing = unanswered(traffic);
      if (Object.keys(missing).length > 0) failures.push(`${step}: unanswered ${JSON.stringify(missing)} (${file})`);
    }
    const summary = summarize(all);
    console.info(`Terraform's AWS calls (service operation status ×count):\n${formatSummary(summary)}`);
    expect(failures).toEqual([]);
    // The log was read, not vacuously empty: the calls each step must make are there.
    const seen = new Set(summary.map((row) => `${row.service} ${row.operation}`));
    const required = [
      "STS GetCallerIdentity",
      "KMS CreateKey",
      "KMS PutKeyPolicy",
      "KMS CreateAlias",
      "KMS DescribeKey",
    ];
    if (done.has("change"))
      required.push("KMS UpdateKeyDescription", "KMS TagResource", "KMS EnableKeyRotation", "KMS DisableKey");
    if (done.has("destroy")) required.push("KMS ScheduleKeyDeletion", "KMS DeleteAlias");
    if (replica && done.has("apply")) required.push("KMS ReplicateKey");
    expect([...seen]).toEqual(expect.arrayContaining(required));
  });
});

describe("the README's Terraform provider block", () => {
  it("is the one the scenario runs, with the endpoint and region as variables", () => {
    const readme = readFileSync(join(import.meta.dirname, "..", "..", "..", "README.md"), "utf8");
    const block = /^```hcl\n([\s\S]*?)^```$/m.exec(readme)?.[1];
    expect(block).toBeDefined();
    const asVariables = (block ?? "")
      .replaceAll('"http://127.0.0.1:4566"', "var.endpoint")
      .replace('"us-east-2"', "var.region");
    expect(readFileSync(join(TERRAFORM_CONFIGS, "main.tf"), "utf8")).toContain(asVariables);
    expect(readFileSync(join(TERRAFORM_CONFIGS, "import", "main.tf"), "utf8")).toContain(asVariables);
  });
});
