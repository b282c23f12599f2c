import { expect } from "vitest";
import { cliErrorLine } from "./aws-cli.js";
import type { RunResult } from "./clients.js";

/**
 * The AWS managed key scenario both AWS CLI suites run (v1 and v2 print the same): `list-aliases` shows alias/aws/s3
 * without TargetKeyId, `describe-key alias/aws/s3` makes its AWS managed key (KeyManager AWS), `list-aliases` then
 * shows its TargetKeyId, and `disable-key` on it is AccessDeniedException from its key policy.
 *
 * @param aws - runs `aws kms <args…>` against the emulator.
 */
export async function checkAwsManagedKeyWithCli(
  aws: (...args: string[]) => Promise<RunResult>,
  region: string,
  accountId: string,
): Promise<void> {
  const s3 = async () =>
    JSON.parse(
      (await aws("list-aliases", "--query", "Aliases[?AliasName=='alias/aws/s3']", "--output", "json")).stdout,
    );
  expect(await s3()).toEqual([
    { AliasName: "alias/aws/s3", AliasArn: `arn:aws:kms:${region}:${accountId}:alias/aws/s3` },
  ]);
  const described = await aws("describe-key", "--key-id", "alias/aws/s3");
  expect(described.code, described.stderr).toBe(0);
  const metadata = JSON.parse(described.stdout).KeyMetadata;
  expect(metadata).toMatchObject({
    KeyManager: "AWS",
    Description: "Default key that protects my S3 objects when no other key is defined",
    KeyState: "Enabled",
  });
  expect((await s3())[0]).toMatchObject({ AliasName: "alias/aws/s3", TargetKeyId: metadata.KeyId });
  const refused = await aws("disable-key", "--key-id", metadata.KeyId);
  expect(refused.code).not.toBe(0);
  expect(refused.stderr.trim()).toBe(
    cliErrorLine(
      "AccessDeniedException",
      "DisableKey",
      `User: arn:aws:iam::${accountId}:root is not authorized to perform: kms:DisableKey on resource: ${metadata.Arn} because no resource-based policy allows the kms:DisableKey action`,
    ),
  );
}
