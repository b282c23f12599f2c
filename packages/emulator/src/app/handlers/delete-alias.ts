import { type DeleteAliasRequest, OPERATIONS, type Result, createKmsError, err, messages, ok } from "@keypolicy/core";
import { findExistingAlias } from "../existing-alias.js";
import { authorizeResource } from "../auth/authorize.js";
import type { OperationContext } from "../deps.js";
import { checkKeyState, keyArnOf } from "../keys.js";

const { keyStates } = OPERATIONS.DeleteAlias;

/**
 * DeleteAlias: removes an alias of the caller's account and region, whatever the state of its key ([DOC] key-state
 * table); the key is not affected. An unknown alias: NotFoundException `Alias <alias ARN> is not found.` [RPT].
 * With key policies enforced, `kms:DeleteAlias` must be allowed on the alias (identity policies) and on the key it
 * points at (key policy) [DOC "Required permissions"]. Answers no output members.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteAlias.html
 */
export async function deleteAlias(ctx: OperationContext, input: DeleteAliasRequest): Promise<Result<undefined>> {
  const existing = await findExistingAlias(ctx, "DeleteAlias", input.AliasName);
  if (!existing.success) return existing;
  const { aliasArn, alias } = existing.data;
  const key = await ctx.store.getKey(ctx.caller, alias.targetKeyId);
  if (key) {
    const found = { key, arn: keyArnOf(key) };
    const onKey = await authorizeResource(ctx, "DeleteAlias", { resource: "key", key: found });
    if (!onKey.success) return onKey;
    const allowed = checkKeyState(found, keyStates);
    if (!allowed.success) return allowed;
  }
  if (!(await ctx.store.deleteAlias(ctx.caller, input.AliasName))) {
    return err(createKmsError("NotFoundException", messages.aliasNotFound(aliasArn)));
  }
  return ok(undefined);
}
