import {
  type AliasListEntry,
  type ListAliasesRequest,
  type ListAliasesResponse,
  OPERATIONS,
  type Result,
  createKmsError,
  err,
  isAliasName,
  messages,
  ok,
} from "@keypolicy/core";
import { formatCallerAliasArn } from "../aliases.js";
import type { OperationContext } from "../deps.js";
import { authorizeResource } from "../auth/authorize.js";
import { checkKeyState, findKey } from "../keys.js";

const { action, keyIdentifiers, keyStates } = OPERATIONS.ListAliases;
/** [DOC] ListAliases returns 50 aliases per page when `Limit` is left out. */
const DEFAULT_LIMIT = 50;

/**
 * ListAliases: the aliases of the caller's account and region in name order, or only those of `KeyId` (a key ID or
 * key ARN, looked up in any state; an unknown key is NotFoundException [DEC]). Paginated with `Limit`/`Marker`;
 * `NextMarker` only when `Truncated` is true; a marker this emulator did not hand out is InvalidMarkerException [DEC].
 * Entries carry `AliasName`, `AliasArn`, `TargetKeyId`, `CreationDate` and `LastUpdatedDate` (epoch seconds).
 *
 * [DEC] Real AWS also lists the AWS managed aliases (`alias/aws/…`) of services used in the account; the emulator
 * has no AWS managed keys, so it lists only customer aliases.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ListAliases.html
 */
export async function listAliases(
  ctx: OperationContext,
  input: ListAliasesRequest,
): Promise<Result<ListAliasesResponse>> {
  // IAM only, on no resource, also with a KeyId (authorization table).
  const authorized = await authorizeResource(ctx, "ListAliases", { resource: "*" });
  if (!authorized.success) return authorized;
  let targetKeyId: string | undefined;
  if (input.KeyId !== undefined) {
    const found = await findKey(ctx, input.KeyId, keyIdentifiers, action, { authorize: false });
    if (!found.success) return found;
    const allowed = checkKeyState(found.data, keyStates);
    if (!allowed.success) return allowed;
    targetKeyId = found.data.key.keyId;
  }
  if (input.Marker !== undefined && !isAliasName(input.Marker)) {
    return err(createKmsError("InvalidMarkerException", messages.invalidMarker()));
  }
  const page = await ctx.store.listAliases(ctx.caller, {
    ...(input.Marker === undefined ? {} : { after: input.Marker }),
    ...(targetKeyId === undefined ? {} : { targetKeyId }),
    limit: input.Limit ?? DEFAULT_LIMIT,
  });
  const Aliases: AliasListEntry[] = page.items.map((alias) => ({
    AliasName: alias.aliasName,
    AliasArn: formatCallerAliasArn(ctx, alias.aliasName),
    TargetKeyId: alias.targetKeyId,
    CreationDate: alias.creationDate / 1000,
    LastUpdatedDate: alias.lastUpdatedDate / 1000,
  }));
  const last = page.items.at(-1);
  return ok(
    page.truncated && last ? { Aliases, NextMarker: last.aliasName, Truncated: true } : { Aliases, Truncated: false },
  );
}
