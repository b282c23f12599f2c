import { OPERATIONS, type Result, type RevokeGrantRequest, createKmsError, err, messages, ok } from "@keypolicy/core";
import type { OperationContext } from "../deps.js";
import { checkKeyState, findKey } from "../keys.js";

const { action, keyIdentifiers, keyStates } = OPERATIONS.RevokeGrant;

/**
 * RevokeGrant: deletes a grant of the key, in every key state [DOC key-state table]. A grant ID that names no grant of
 * the key is NotFoundException [DEC text]; `DryRun` → DryRunOperationException [REC text], after those checks.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_RevokeGrant.html
 */
export async function revokeGrant(ctx: OperationContext, input: RevokeGrantRequest): Promise<Result<undefined>> {
  const found = await findKey(ctx, input.KeyId, keyIdentifiers, action);
  if (!found.success) return found;
  const allowed = checkKeyState(found.data, keyStates);
  if (!allowed.success) return allowed;
  const { key } = found.data;
  const grant = await ctx.store.getGrant(key, input.GrantId);
  if (!grant || grant.keyId !== key.keyId) {
    return err(createKmsError("NotFoundException", messages.grantNotFound(input.GrantId)));
  }
  if (input.DryRun === true) return err(createKmsError("DryRunOperationException", messages.dryRun()));
  await ctx.store.deleteGrant(key, input.GrantId);
  return ok(undefined);
}
