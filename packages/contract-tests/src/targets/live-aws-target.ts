import { CreateKeyCommand, KMSClient, ScheduleKeyDeletionCommand } from "@aws-sdk/client-kms";
import type { KmsTarget } from "../target.js";
import { createSdkTarget } from "./sdk-target.js";

/** The tag on every key the live suite creates, so stray keys can be found and removed. */
export const LIVE_KEY_TAG = { TagKey: "keypolicy-contract-test", TagValue: "true" } as const;

/**
 * A target on real AWS KMS: the SDK's default credential chain, region `region` (and the cases' other region).
 * Every key it creates carries {@link LIVE_KEY_TAG} and is scheduled for deletion (7 days, the minimum) on `close()`,
 * unless a case already did (KMSInvalidStateException there is ignored).
 * It first creates one key to learn the caller's account.
 */
export async function createLiveAwsTarget(region: string): Promise<KmsTarget> {
  const otherRegion = region === "us-west-2" ? "us-east-2" : "us-west-2";
  const created: { region: string; keyId: string }[] = [];
  const probe = new KMSClient({ region });
  const first = await probe.send(
    new CreateKeyCommand({ Description: "keypolicy contract suite: account probe", Tags: [{ ...LIVE_KEY_TAG }] }),
  );
  const meta = first.KeyMetadata;
  if (!meta?.KeyId || !meta.AWSAccountId) throw new Error("CreateKey answered no KeyMetadata");
  created.push({ region, keyId: meta.KeyId });
  const accountId = meta.AWSAccountId;
  return createSdkTarget({
    defaults: {
      region,
      accessKeyId: "(default credential chain)",
      accountId,
      otherRegion,
      otherAccount: accountId === "444455556666" ? "777788889999" : "444455556666",
    },
    clientFor: (scope) => new KMSClient({ region: scope.region }),
    via: "command",
    prepare: (operation, input) =>
      operation === "CreateKey"
        ? { ...input, Tags: [...((input["Tags"] as unknown[] | undefined) ?? []), { ...LIVE_KEY_TAG }] }
        : { ...input },
    observe: (operation, output, scope) => {
      const keyId = (output["KeyMetadata"] as { KeyId?: string } | undefined)?.KeyId;
      if (operation === "CreateKey" && keyId) created.push({ region: scope.region, keyId });
    },
    async close() {
      const clients = new Map<string, KMSClient>([[region, probe]]);
      for (const key of created) {
        let client = clients.get(key.region);
        if (!client) {
          client = new KMSClient({ region: key.region });
          clients.set(key.region, client);
        }
        try {
          await client.send(new ScheduleKeyDeletionCommand({ KeyId: key.keyId, PendingWindowInDays: 7 }));
        } catch (cause) {
          // The lifecycle cases schedule the deletion of their keys themselves; such a key is already on its way.
          if ((cause as { name?: unknown }).name !== "KMSInvalidStateException") throw cause;
        }
      }
      for (const client of clients.values()) client.destroy();
    },
  });
}
