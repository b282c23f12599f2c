import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createEmulatorApp, createMemoryStore, type Identity, type IdSource } from "@keypolicy/emulator";
import { loadIdentitiesFile } from "../../src/load-identities.js";
import { answer, manualClock, sequentialIds, signedRequest } from "@keypolicy/emulator/testing";

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const ACCOUNT = "111122223333";
// keyIds() gives the keys these IDs, in order of creation; requests are signed for us-east-2.
const KEY_1 = `arn:aws:kms:us-east-2:${ACCOUNT}:key/00000000-0000-4000-8000-000000000001`;

/** Sequential IDs with a counter of their own for keys, so the identities file can name the first key's ARN. */
function keyIds(): IdSource {
  let keys = 0;
  const others = sequentialIds();
  return { ...others, keyId: () => `00000000-0000-4000-8000-${(++keys).toString(16).padStart(12, "0")}` };
}

const dir = mkdtempSync(join(tmpdir(), "keypolicy-identity-policies-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A least-privilege identities file, as people write them for IAM: key ARNs, wildcards, NotResource. */
const IDENTITIES_YAML = `
identities:
  - AccessKeyId: AKIAROOT0000000000001
    SecretAccessKey: root-secret
    PrincipalArn: arn:aws:iam::${ACCOUNT}:root
  - AccessKeyId: AKIACAROL000000000001
    SecretAccessKey: carol-secret
    PrincipalArn: arn:aws:iam::${ACCOUNT}:user/carol
    IdentityPolicies:
      - Version: "2012-10-17"
        Statement:
          - Sid: DescribeOneKey
            Effect: Allow
            Action: kms:DescribeKey
            Resource: ${KEY_1}
          - Sid: ReadKeysOfThisAccount
            Effect: Allow
            Action: kms:Get*
            Resource: arn:aws:kms:*:${ACCOUNT}:key/*
          - Sid: PoliciesOfOneKeyOnly
            Effect: Deny
            Action: kms:GetKeyPolicy
            NotResource: ${KEY_1}
`;

async function setup() {
  const path = join(dir, "identities.yaml");
  writeFileSync(path, IDENTITIES_YAML);
  const { identities } = await loadIdentitiesFile(path);
  const app = createEmulatorApp({
    store: createMemoryStore(),
    clock: manualClock(NOW),
    ids: keyIds(),
    config: { enforceKeyPolicies: true, auth: { mode: "sigv4", identities } },
  });
  const [root, carol] = identities as [Identity, Identity];
  async function call(identity: Identity, operation: string, body: object) {
    return answer(await app.fetch(await signedRequest({ identity, operation, body: JSON.stringify(body), date: NOW })));
  }
  /** Two keys with the default key policy, which delegates to the account's IAM policies. */
  const arns: string[] = [];
  for (let i = 0; i < 2; i++) {
    const created = await call(root, "CreateKey", {});
    arns.push((created.body as { KeyMetadata: { Arn: string } }).KeyMetadata.Arn);
  }
  return { call, carol, arns: arns as [string, string] };
}

const denied = (action: string, resource: string, why: string) => ({
  status: 400,
  body: {
    __type: "AccessDeniedException",
    message: `User: arn:aws:iam::${ACCOUNT}:user/carol is not authorized to perform: ${action} on resource: ${resource} ${why}`,
  },
});

describe("identity policies scoped to key ARNs", () => {
  it("an identities file with key ARN, wildcard and NotResource statements is accepted at start-up", async () => {
    const path = join(dir, "accepted.yaml");
    writeFileSync(path, IDENTITIES_YAML);
    const { identities } = await loadIdentitiesFile(path);
    expect(identities[1]?.identityPolicies).toHaveLength(1);
  });

  it("an identity policy naming a Principal is refused at start-up with IAM's message", async () => {
    const path = join(dir, "principal.yaml");
    writeFileSync(path, IDENTITIES_YAML.replace("Effect: Deny", "Effect: Deny\n            Principal: '*'"));
    await expect(loadIdentitiesFile(path)).rejects.toThrow(
      "identities[1].IdentityPolicies[0]: Policy document should not specify a principal.",
    );
  });

  it("allows an action only on the key its Resource names", async () => {
    const { call, carol, arns } = await setup();
    expect(arns[0]).toBe(KEY_1);
    expect((await call(carol, "DescribeKey", { KeyId: arns[0] })).status).toBe(200);
    expect(await call(carol, "DescribeKey", { KeyId: arns[1] })).toEqual(
      denied("kms:DescribeKey", arns[1], "because no identity-based policy allows the kms:DescribeKey action"),
    );
  });

  it("a wildcard Resource allows every key of the account, and a Deny on NotResource spares only the key it names", async () => {
    const { call, carol, arns } = await setup();
    expect((await call(carol, "GetKeyPolicy", { KeyId: arns[0] })).status).toBe(200);
    expect(await call(carol, "GetKeyPolicy", { KeyId: arns[1] })).toEqual(
      denied("kms:GetKeyPolicy", arns[1], "with an explicit deny in an identity-based policy"),
    );
    expect(await call(carol, "ListKeyPolicies", { KeyId: arns[1] })).toEqual(
      denied("kms:ListKeyPolicies", arns[1], "because no identity-based policy allows the kms:ListKeyPolicies action"),
    );
  });
});
