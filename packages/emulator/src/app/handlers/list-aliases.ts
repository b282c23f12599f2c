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
import type { Page, StoredAlias } from "../../store/types.js";
import { formatCallerAliasArn } from "../aliases.js";
import { MANAGED_ALIAS_NAMES, compareNames } from "../managed-keys.js";
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
 * Without `KeyId`, the predefined AWS managed aliases (`alias/aws/s3`, …) are listed in every account and region,
 * in the same name order, with only `AliasName` and `AliasArn` until their key is made ([DOC] API_ListAliases:
 * "aliases that have no TargetKeyId field … predefined aliases that AWS has created but has not yet associated with
 * a KMS key"; [DEC] no dates either: nothing has dated them); once associated they are stored aliases like any other
 * (app/managed-keys.ts).
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
  const limit = input.Limit ?? DEFAULT_LIMIT;
  const page = await ctx.store.listAliases(ctx.caller, {
    ...(input.Marker === undefined ? {} : { after: input.Marker }),
    ...(targetKeyId === undefined ? {} : { targetKeyId }),
    limit,
  });
  const listed = targetKeyId === undefined ? withPredefined(page, input.Marker, limit) : page;
  const Aliases: AliasListEntry[] = listed.items.map((alias) =>
    alias.targetKeyId === undefined
      ? { AliasName: alias.aliasName, AliasArn: formatCallerAliasArn(ctx, alias.aliasName) }
      : {
          AliasName: alias.aliasName,
          AliasArn: formatCallerAliasArn(ctx, alias.aliasName),
          TargetKeyId: alias.targetKeyId,
          CreationDate: alias.creationDate / 1000,
          LastUpdatedDate: alias.lastUpdatedDate / 1000,
        },
  );
  const last = listed.items.at(-1);
  return ok(
    listed.truncated && last ? { Aliases, NextMarker: last.aliasName, Truncated: true } : { Aliases, Truncated: false },
  );
}

/** A listed alias: stored, or a predefined AWS managed alias not yet associated (no target, no dates). */
type ListedAlias = Pick<StoredAlias, "aliasName"> & (StoredAlias | { readonly targetKeyId?: undefined });

/**
 * Merges the predefined AWS managed aliases that are not stored yet into a page of stored aliases, in name order,
 * without reading the store again. The store's page holds every stored name after the marker, up to its last item
 * when truncated: a predefined name in that range but not on the page is not stored (not yet associated). A name
 * after a truncated page's last item would sort past `limit` anyway (the page is full), so it waits for a later page.
 */
function withPredefined(page: Page<StoredAlias>, marker: string | undefined, limit: number): Page<ListedAlias> {
  const last = page.truncated ? page.items.at(-1)?.aliasName : undefined;
  const stored = new Set(page.items.map((alias) => alias.aliasName));
  const unassociated: ListedAlias[] = MANAGED_ALIAS_NAMES.filter(
    (name) => (marker === undefined || name > marker) && (last === undefined || name <= last) && !stored.has(name),
  ).map((aliasName) => ({ aliasName }));
  if (unassociated.length === 0) return page;
  const merged: ListedAlias[] = [...page.items, ...unassociated].sort((a, b) => compareNames(a.aliasName, b.aliasName));
  return { items: merged.slice(0, limit), truncated: page.truncated || merged.length > limit };
}
