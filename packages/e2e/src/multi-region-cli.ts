import { expect } from "vitest";
import { cliErrorLine } from "./aws-cli.js";
import type { RunResult } from "./clients.js";
import { defaultPolicyText } from "./expected.js";

/**
 * The multi-Region scenario both AWS CLI suites run (v1 and v2 print the same): `create-key --multi-region` in
 * `home`, `replicate-key` into `away` (the replica answered `Creating`, with the default key policy), a second
 * `replicate-key` into `away` refused with AlreadyExistsException, then `update-primary-region` to `away` and both
 * sides' `MultiRegionConfiguration` read back.
 *
 * @param awsIn - runs `aws kms <args…>` against the emulator in the given Region.
 */
export async function checkReplicationWithCli(
  awsIn: (region: string, ...args: string[]) => Promise<RunResult>,
  home: string,
  away: string,
  accountId: string,
): Promise<void> {
  const created = await awsIn(home, "create-key", "--multi-region", "--query", "KeyMetadata.KeyId", "--output", "text");
  expect(created.code, created.stderr).toBe(0);
  const mrk = created.stdout.trim();
  expect(mrk).toMatch(/^mrk-[0-9a-f]{32}$/);
  const primary = { Arn: `arn:aws:kms:${home}:${accountId}:key/${mrk}`, Region: home };
  const replica = { Arn: `arn:aws:kms:${away}:${accountId}:key/${mrk}`, Region: away };

  const replicated = await awsIn(home, "replicate-key", "--key-id", mrk, "--replica-region", away);
  expect(replicated.code, replicated.stderr).toBe(0);
  const answer = JSON.parse(replicated.stdout);
  expect(answer.ReplicaKeyMetadata).toMatchObject({ Arn: replica.Arn, KeyState: "Creating" });
  expect(answer.ReplicaPolicy).toBe(defaultPolicyText(accountId));
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
}
