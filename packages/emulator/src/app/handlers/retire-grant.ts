import { OPERATIONS, type Result, type RetireGrantRequest, createKmsError, err, messages, ok } from "@keypolicy/core";
import type { Scope } from "../../store/types.js";
import type { OperationContext } from "../deps.js";
import { decodeGrantToken } from "../grants.js";
import { findKey } from "../keys.js";

const { action, keyIdentifiers } = OPERATIONS.RetireGrant;

/**
 * RetireGrant: deletes a grant named by its token, or by `KeyId` (key ID or key ARN) and `GrantId` [DOC]. Permission
 * to retire is the grant's [DOC]: [DEC] the emulator lets any caller retire (it does not check the retiring
 * principal). Errors: neither a token nor both IDs → ValidationException [DEC text]; a token the emulator did not
 * hand out → InvalidGrantTokenException [DEC text]; the key's errors (findKey); no such grant → NotFoundException [DEC
 * text]; `DryRun` → DryRunOperationException [REC text].
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_RetireGrant.html
 */
export async function retireGrant(ctx: OperationContext, input: RetireGrantRequest): Promise<Result<undefined>> {
  let scope: Scope;
  let keyId: string;
  let grantId: string;
  if (input.GrantToken !== undefined) {
    const decoded = decodeGrantToken(input.GrantToken);
    if (!decoded) return err(createKmsError("InvalidGrantTokenException", messages.invalidGrantToken()));
    ({ keyId, grantId } = decoded);
    scope = decoded;
  } else if (input.KeyId !== undefined && input.GrantId !== undefined) {
    const found = await findKey(ctx, input.KeyId, keyIdentifiers, action);
    if (!found.success) return found;
    scope = found.data.key;
    keyId = found.data.key.keyId;
    grantId = input.GrantId;
  } else {
    return err(createKmsError("ValidationException", messages.retireGrantIdentifiers()));
  }
  const grant = await ctx.store.getGrant(scope, grantId);
  if (!grant || grant.keyId !== keyId) return err(createKmsError("NotFoundException", messages.grantNotFound(grantId)));
  if (input.DryRun === true) return err(createKmsError("DryRunOperationException", messages.dryRun()));
  await ctx.store.deleteGrant(scope, grantId);
  return ok(undefined);
}
