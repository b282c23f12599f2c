import {
  OPERATIONS,
  type Result,
  type UpdatePrimaryRegionRequest,
  createKmsError,
  err,
  messages,
  ok,
} from "@keypolicy/core";
import { authorizeResource } from "../auth/authorize.js";
import type { OperationContext } from "../deps.js";
import { checkKeyState, findMultiRegionPrimary, keyArnOf, keyCopies, sharedProperties } from "../keys.js";

const { keyStates } = OPERATIONS.UpdatePrimaryRegion;

/**
 * UpdatePrimaryRegion: the replica in `PrimaryRegion` becomes the primary key of its multi-Region key and the current
 * primary a replica; every copy's `MultiRegionConfiguration` says so at once (the store's `updatePrimaryRegion`, one
 * write). The new primary takes over the shared properties (key material, rotation schedule) [DOC]. Answers no output
 * members.
 *
 * [DEC] The change completes before the answer: AWS shows both keys `Updating` for a few seconds [DOC], the emulator
 * never does. `PrimaryRegion` naming the primary's own Region changes nothing and succeeds [DEC].
 *
 * Errors, in order: the model (ValidationException for a malformed Region); the key (NotFoundException …,
 * `kms:UpdatePrimaryRegion` on the primary's key policy); its state (Enabled, Disabled, PendingImport [DOC key-state
 * table]); not multi-Region, or a replica → UnsupportedOperationException [DEC texts]; no replica in
 * `PrimaryRegion` → NotFoundException `Key '<ARN in PrimaryRegion>' does not exist` [DEC: the §4 text for the key that
 * is not there]; `kms:UpdatePrimaryRegion` on the replica's key policy [DOC "Required permissions"]; the replica's
 * state.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdatePrimaryRegion.html
 */
export async function updatePrimaryRegion(
  ctx: OperationContext,
  input: UpdatePrimaryRegionRequest,
): Promise<Result<undefined>> {
  const found = await findMultiRegionPrimary(ctx, "UpdatePrimaryRegion", input);
  if (!found.success) return found;
  const { key: primary } = found.data;
  const region = input.PrimaryRegion;
  if (region === primary.region) return ok(undefined);
  const replica = (await keyCopies(ctx, primary)).find((copy) => copy.region === region);
  const replicaArn = keyArnOf({ ...primary, region });
  if (!replica) return err(createKmsError("NotFoundException", messages.keyDoesNotExist(replicaArn)));
  const replicaFound = { key: replica, arn: replicaArn };
  const replicaAllowed = await authorizeResource(
    ctx,
    "UpdatePrimaryRegion",
    { resource: "key", key: replicaFound },
    input,
  );
  if (!replicaAllowed.success) return replicaAllowed;
  const replicaState = checkKeyState(replicaFound, keyStates);
  if (!replicaState.success) return replicaState;
  // The shared properties move to the new primary first; the old primary's stay, as a replica reads the primary's.
  await ctx.store.updateKey(replica, replica.keyId, sharedProperties(primary));
  await ctx.store.updateKey(primary, primary.keyId, { rotationPeriodInDays: null, nextRotationDate: null });
  await ctx.store.updatePrimaryRegion(primary.accountId, primary.keyId, region);
  return ok(undefined);
}
