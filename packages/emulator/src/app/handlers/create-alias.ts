import { type CreateAliasRequest, OPERATIONS, type Result, createKmsError, err, messages, ok } from "@keypolicy/core";
import { checkCustomerAliasName, formatCallerAliasArn } from "../aliases.js";
import { authorizeResource } from "../auth/authorize.js";
import type { OperationContext } from "../deps.js";
import { checkKeyState, findKey } from "../keys.js";

const { action, keyIdentifiers, keyStates } = OPERATIONS.CreateAlias;

/**
 * CreateAlias: a new alias name in the caller's account and region, pointing at `TargetKeyId` (a key ID or key ARN,
 * as AWS documents; an alias there is `Invalid keyId` [DEC]). One alias name per account and region: a name in use
 * is AlreadyExistsException. The target may be in any state but `PendingDeletion` ([DOC] key-state table). Answers
 * no output members. With key policies enforced, `kms:CreateAlias` must be allowed on the alias (identity policies)
 * and on the key (key policy) [DOC "Required permissions"].
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html
 */
export async function createAlias(ctx: OperationContext, input: CreateAliasRequest): Promise<Result<undefined>> {
  const nameError = checkCustomerAliasName(input.AliasName);
  if (nameError) return err(nameError);
  const aliasArn = formatCallerAliasArn(ctx, input.AliasName);
  // The alias (IAM policy), then the key (key policy) in findKey (authorization table). [DEC] Before the name is
  // looked up, so a caller without the permission does not learn whether the alias exists.
  const authorized = await authorizeResource(ctx, "CreateAlias", { resource: "alias", aliasArn });
  if (!authorized.success) return authorized;
  // [DEC] A taken name is reported before the target is looked up (LocalStack's order, validated against AWS).
  if (await ctx.store.getAlias(ctx.caller, input.AliasName)) {
    return err(createKmsError("AlreadyExistsException", messages.aliasAlreadyExists(aliasArn)));
  }
  const found = await findKey(ctx, input.TargetKeyId, keyIdentifiers, action);
  if (!found.success) return found;
  const target = checkKeyState(found.data, keyStates);
  if (!target.success) return target;
  const now = ctx.clock.now();
  const { accountId, region } = ctx.caller;
  const created = await ctx.store.createAlias({
    accountId,
    region,
    aliasName: input.AliasName,
    targetKeyId: found.data.key.keyId,
    creationDate: now,
    lastUpdatedDate: now,
  });
  if (!created) return err(createKmsError("AlreadyExistsException", messages.aliasAlreadyExists(aliasArn)));
  return ok(undefined);
}
