import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RunningServer } from "@keypolicy/emulator-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNT_ID, clientEnv, run } from "../src/clients.js";
import { startEmulator } from "../src/servers.js";

// Terraform's aws_kms_replica_key waits for the replica's KeyState to be Enabled after ReplicateKey, which AWS answers
// `Creating` (KMS-FIDELITY.md §5b): this suite proves apply, a plan without changes and destroy against the emulator.
// Terraform cannot download providers here, so it needs a local mirror of hashicorp/aws (KEYPOLICY_TF_PLUGIN_DIR, or
// /opt/tf-plugins); without one, or without terraform on PATH, the suite is skipped with the reason.

const PLUGIN_DIR = process.env["KEYPOLICY_TF_PLUGIN_DIR"] ?? "/opt/tf-plugins";
const PROVIDER_DIR = join(PLUGIN_DIR, "registry.terraform.io", "hashicorp", "aws");
const PRIMARY_REGION = "us-east-1";
const REPLICA_REGION = "eu-west-1";

function findTerraform(): { path: string; provider: string } | { missing: string } {
  const which = spawnSync("terraform", ["version"], { encoding: "utf8", timeout: 20_000 });
  if (which.status !== 0) return { missing: "terraform not on PATH" };
  const [provider] = existsSync(PROVIDER_DIR) ? readdirSync(PROVIDER_DIR).sort().reverse() : [];
  if (provider === undefined) return { missing: `no hashicorp/aws provider mirrored in ${PLUGIN_DIR}` };
  return { path: "terraform", provider };
}

const provider = (alias: string | undefined, region: string, endpoint: string) => `
provider "aws" {
  ${alias === undefined ? "" : `alias = "${alias}"`}
  region                      = "${region}"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
  endpoints {
    kms = "${endpoint}"
    sts = "${endpoint}"
  }
}`;

const configuration = (version: string, endpoint: string) => `
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "${version}" }
  }
}
${provider(undefined, PRIMARY_REGION, endpoint)}
${provider("replica", REPLICA_REGION, endpoint)}
resource "aws_kms_key" "primary" {
  description             = "terraform primary"
  multi_region            = true
  deletion_window_in_days = 7
  enable_key_rotation     = true
}
resource "aws_kms_replica_key" "replica" {
  provider                = aws.replica
  description             = "terraform replica"
  primary_key_arn         = aws_kms_key.primary.arn
  deletion_window_in_days = 7
  tags                    = { team = "replica" }
}
output "primary_arn" { value = aws_kms_key.primary.arn }
output "replica_arn" { value = aws_kms_replica_key.replica.arn }
output "replica_rotation" { value = aws_kms_replica_key.replica.key_rotation_enabled }
`;

const terraform = findTerraform();

describe.skipIf("missing" in terraform)("Terraform aws_kms_replica_key against a running emulator", () => {
  let server: RunningServer;
  let dir: string;
  const tf = (...args: string[]) =>
    run("terraform", [...args, "-no-color"], {
      cwd: dir,
      timeoutMs: 240_000,
      env: {
        ...clientEnv(PRIMARY_REGION),
        TF_CLI_CONFIG_FILE: join(dir, "terraform.rc"),
        TF_IN_AUTOMATION: "1",
        CHECKPOINT_DISABLE: "1",
      },
    });

  beforeAll(async () => {
    if ("missing" in terraform) return;
    server = await startEmulator();
    dir = await mkdtemp(join(tmpdir(), "keypolicy-terraform-"));
    await writeFile(
      join(dir, "terraform.rc"),
      `provider_installation {\n  filesystem_mirror {\n    path = "${PLUGIN_DIR}"\n  }\n}\n`,
    );
    await writeFile(join(dir, "main.tf"), configuration(terraform.provider, server.url));
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("applies a multi-Region key with a replica, plans no changes, and destroys both", async () => {
    const init = await tf("init", "-input=false");
    expect(init.code, init.stderr).toBe(0);
    const apply = await tf("apply", "-auto-approve", "-input=false");
    expect(apply.code, apply.stderr).toBe(0);
    const outputs = JSON.parse((await tf("output", "-json")).stdout) as Record<string, { value: unknown }>;
    const primaryArn = String(outputs["primary_arn"]?.value);
    expect(primaryArn).toMatch(new RegExp(`^arn:aws:kms:${PRIMARY_REGION}:${ACCOUNT_ID}:key/mrk-[0-9a-f]{32}$`));
    expect(outputs["replica_arn"]?.value).toBe(primaryArn.replace(PRIMARY_REGION, REPLICA_REGION));
    // Rotation is the primary's, shared by the replica.
    expect(outputs["replica_rotation"]?.value).toBe(true);
    // -detailed-exitcode: 0 is no changes (2 would be drift the emulator's answers caused).
    const plan = await tf("plan", "-detailed-exitcode", "-input=false");
    expect(plan.code, plan.stdout + plan.stderr).toBe(0);
    const destroy = await tf("destroy", "-auto-approve", "-input=false");
    expect(destroy.code, destroy.stderr).toBe(0);
  }, 600_000);
});

if ("missing" in terraform) {
  describe("Terraform aws_kms_replica_key against a running emulator", () => {
    it.skip(`skipped: ${terraform.missing}`, () => {});
  });
  console.warn(`[e2e] Terraform suite skipped: ${terraform.missing}`);
}
