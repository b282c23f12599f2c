import { type AliasArn, type KmsError, createKmsError, formatAliasArn, messages } from "@keypolicy/core";
import type { OperationContext } from "./deps.js";

/** [DOC] Alias names start with this prefix. */
export const ALIAS_PREFIX = "alias/";
/** [DOC] Names under this prefix belong to AWS managed keys; customers cannot create, update or delete them. */
export const RESERVED_ALIAS_PREFIX = "alias/aws/";

/**
 * Checks an (already model-validated) `AliasName` that a caller wants to create, point or delete, in this order:
 * without `alias/` → ValidationException with AWS's text ([REC] vector `create-alias-without-prefix`); a `:` (which
 * the model's pattern admits) → ValidationException `<name> contains invalid characters for an alias` ([RPT]
 * KMS-FIDELITY.md §4a; its place after the prefix check is [DEC]); `alias/aws/…` → InvalidAliasNameException [DEC
 * text]; nothing after `alias/` → InvalidAliasNameException [DEC].
 *
 * @returns `undefined` when the name may be used, else the error.
 */
export function checkCustomerAliasName(aliasName: string): KmsError | undefined {
  if (!aliasName.startsWith(ALIAS_PREFIX)) return createKmsError("ValidationException", messages.aliasPrefix());
  if (aliasName.includes(":")) return createKmsError("ValidationException", messages.aliasInvalidCharacters(aliasName));
  if (aliasName.startsWith(RESERVED_ALIAS_PREFIX)) {
    return createKmsError("InvalidAliasNameException", messages.aliasReserved(aliasName));
  }
  if (aliasName.length === ALIAS_PREFIX.length)
    return createKmsError("InvalidAliasNameException", messages.aliasEmpty());
  return undefined;
}

/** The ARN of alias `aliasName` in the caller's account and region. */
export function callerAliasArn(ctx: OperationContext, aliasName: string): AliasArn {
  const { partition, region, accountId } = ctx.caller;
  return { partition, region, accountId, aliasName };
}

/** The ARN text of alias `aliasName` in the caller's account and region. */
export function formatCallerAliasArn(ctx: OperationContext, aliasName: string): string {
  return formatAliasArn(callerAliasArn(ctx, aliasName));
}
