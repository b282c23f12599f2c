import { type OperationName, type Result, createKmsError, err, messages, ok } from "@keypolicy/core";
import type { StoredAlias } from "../store/types.js";
import { checkCustomerAliasName, formatCallerAliasArn } from "./aliases.js";
import { authorizeResource } from "./auth/authorize.js";
import type { OperationContext } from "./deps.js";

/** An alias of the caller's account and region that an operation may act on. */
export interface ExistingAlias {
  readonly aliasArn: string;
  readonly alias: StoredAlias;
}

/**
 * The first steps UpdateAlias and DeleteAlias share: the name's rules ({@link checkCustomerAliasName}), the
 * operation authorized on the alias, then the alias looked up. [DEC] The alias is authorized before it is looked up,
 * so a caller without the permission learns nothing.
 *
 * @returns the alias, or the name's error, AccessDeniedException, or NotFoundException `Alias <alias ARN> is not
 *   found.` [RPT].
 */
export async function findExistingAlias(
  ctx: OperationContext,
  operation: OperationName,
  aliasName: string,
): Promise<Result<ExistingAlias>> {
  const nameError = checkCustomerAliasName(aliasName);
  if (nameError) return err(nameError);
  const aliasArn = formatCallerAliasArn(ctx, aliasName);
  const onAlias = await authorizeResource(ctx, operation, { resource: "alias", aliasArn });
  if (!onAlias.success) return onAlias;
  const alias = await ctx.store.getAlias(ctx.caller, aliasName);
  if (!alias) return err(createKmsError("NotFoundException", messages.aliasNotFound(aliasArn)));
  return ok({ aliasArn, alias });
}
