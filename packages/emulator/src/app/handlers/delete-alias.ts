import { type DeleteAliasRequest, type Result, createKmsError, err, messages, ok } from "@keypolicy/core";
import { checkCustomerAliasName, formatCallerAliasArn } from "../aliases.js";
import type { OperationContext } from "../deps.js";

/**
 * DeleteAlias: removes an alias of the caller's account and region, whatever the state of its key ([DOC] key-state
 * table); the key is not affected. An unknown alias: NotFoundException `Alias <alias ARN> is not found.` [RPT].
 * Answers no output members.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_DeleteAlias.html
 */
export async function deleteAlias(ctx: OperationContext, input: DeleteAliasRequest): Promise<Result<undefined>> {
  const nameError = checkCustomerAliasName(input.AliasName);
  if (nameError) return err(nameError);
  if (!(await ctx.store.deleteAlias(ctx.caller, input.AliasName))) {
    return err(createKmsError("NotFoundException", messages.aliasNotFound(formatCallerAliasArn(ctx, input.AliasName))));
  }
  return ok(undefined);
}
