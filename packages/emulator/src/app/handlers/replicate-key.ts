import {
  type ReplicateKeyRequest,
  type ReplicateKeyResponse,
  type Result,
  createKmsError,
  err,
  messages,
  ok,
  partitionOfRegion,
} from "@keypolicy/core";
import { defaultKeyPolicy } from "@keypolicy/policy";
import type { StoredKey } from "../../store/types.js";
import type { OperationContext } from "../deps.js";
import { findMultiRegionPrimary, keyArnOf, keyCopies, toKeyMetadata } from "../keys.js";
import { preparePolicy } from "../policy-text.js";
import { mergeTags } from "../tags.js";

/**
 * ReplicateKey: a replica of a multi-Region primary key in `ReplicaRegion` of the same account, with the primary's key
 * ID, an ARN in that Region, and the primary's shared properties (key spec, key usage, origin, key material, rotation
 * schedule [DOC]). Its key policy (the default key policy when `Policy` is left out [REC] vector
 * `replicate-key-response-default-replica-policy`), description (`""` by default [DOC, REC]) and tags are its own.
 * A primary with imported material gets a replica with none, in `PendingImport` [DOC].
 *
 * Answers `ReplicaKeyMetadata` (the replica in `KeyState: Creating`, `Enabled: false`, no `CurrentKeyMaterialId`, its
 * `MultiRegionConfiguration` listing itself [REC]), `ReplicaPolicy`, and `ReplicaTags` when the request gave tags
 * [REC: absent without]. [DEC] The replica is stored `Enabled` (or `PendingImport`): AWS's `Creating` lasts "a few
 * seconds" [DOC], and the emulator's ends with the answer, so the next DescribeKey (Terraform's
 * aws_kms_replica_key waits for `Enabled`) reads it ready.
 *
 * Errors, in order: the model (ReplicaRegion must match `^([a-z]+-){2,3}\d+$`: ValidationException); the key
 * (NotFoundException …, `kms:ReplicateKey` on the primary); its state (Enabled, Disabled, PendingImport [DOC
 * key-state table]); a key that is not multi-Region, or a replica → UnsupportedOperationException [DEC texts]; a
 * Region of another partition → UnsupportedOperationException [DOC rule, DEC error]; a Region that already holds the
 * key (a replica, or the primary's own Region) → AlreadyExistsException [DOC, DEC text]; the policy (CreateKey's
 * rules and lockout check, for the replica's ARN); the tags (TagException).
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ReplicateKey.html
 */
export async function replicateKey(
  ctx: OperationContext,
  input: ReplicateKeyRequest,
): Promise<Result<ReplicateKeyResponse>> {
  const found = await findMultiRegionPrimary(ctx, "ReplicateKey", input);
  if (!found.success) return found;
  const { key: primary } = found.data;
  const region = input.ReplicaRegion;
  const partition = partitionOfRegion(region);
  if (partition !== primary.partition) {
    const error = messages.replicaRegionOtherPartition(region, primary.partition);
    return err(createKmsError("UnsupportedOperationException", error));
  }
  const replicaArn = keyArnOf({ ...primary, region });
  const copies = await keyCopies(ctx, primary);
  if (copies.some((copy) => copy.region === region)) {
    return err(createKmsError("AlreadyExistsException", messages.replicaAlreadyExists(replicaArn)));
  }
  const policy =
    input.Policy === undefined
      ? ok(defaultKeyPolicy(primary.accountId, partition))
      : preparePolicy(ctx, input.Policy, replicaArn, input.BypassPolicyLockoutSafetyCheck);
  if (!policy.success) return policy;
  const tags = mergeTags([], input.Tags ?? []);
  if (!tags.success) return tags;
  const imported = primary.origin !== "AWS_KMS";
  const replica: StoredKey = {
    accountId: primary.accountId,
    region,
    keyId: primary.keyId,
    partition: primary.partition,
    description: input.Description ?? "",
    keySpec: primary.keySpec,
    keyUsage: primary.keyUsage,
    origin: primary.origin,
    keyState: imported ? "PendingImport" : "Enabled",
    creationDate: ctx.clock.now(),
    multiRegion: true,
    primaryRegion: primary.region,
    // The shared material, recorded for the replica; reads take the primary's (keys.ts `withSharedProperties`). The
    // rotation schedule stays the primary's alone, so the replica never rotates by itself.
    ...(imported || primary.currentKeyMaterialId === undefined
      ? {}
      : { currentKeyMaterialId: primary.currentKeyMaterialId }),
    ...(imported || primary.keyMaterials === undefined ? {} : { keyMaterials: primary.keyMaterials }),
    ...(imported || primary.keyMaterialSecrets === undefined ? {} : { keyMaterialSecrets: primary.keyMaterialSecrets }),
    policy: policy.data,
    tags: tags.data,
  };
  if (!(await ctx.store.createKey(replica))) {
    return err(createKmsError("AlreadyExistsException", messages.replicaAlreadyExists(replicaArn)));
  }
  const creating: StoredKey = { ...replica, keyState: "Creating" };
  const { currentKeyMaterialId: _hidden, ...shown } = creating;
  const metadata = toKeyMetadata(shown, await keyCopies(ctx, replica));
  return ok({
    ReplicaKeyMetadata: metadata,
    ReplicaPolicy: replica.policy,
    ...(input.Tags === undefined || input.Tags.length === 0 ? {} : { ReplicaTags: [...replica.tags] }),
  });
}
