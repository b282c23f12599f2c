import {
  type ListGrantsRequest,
  type ListGrantsResponse,
  OPERATIONS,
  type Partition,
  type Result,
  createKmsError,
  err,
  messages,
  ok,
} from "@keypolicy/core";
import type { OperationContext } from "../deps.js";
import { toGrantListEntry } from "../grants.js";
import { checkKeyState, findKey } from "../keys.js";

const { action, keyIdentifiers, keyStates } = OPERATIONS.ListGrants;
/** [DOC] API_ListGrants: 50 grants per page when `Limit` is left out. */
const DEFAULT_LIMIT = 50;

/**
 * ListGrants: the key's grants in creation order [DEC], optionally only `GrantId` or those of `GranteePrincipal`;
 * paginated with `Limit` (1..100 [DOC]) and `Marker` (the grant ID a page ended with [DEC]); `NextMarker` only when
 * `Truncated`. A marker naming no grant of the key is InvalidMarkerException [DEC].
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ListGrants.html
 */
export async function listGrants(ctx: OperationContext, input: ListGrantsRequest): Promise<Result<ListGrantsResponse>> {
  const found = await findKey(ctx, input.KeyId, keyIdentifiers, action);
  if (!found.success) return found;
  const allowed = checkKeyState(found.data, keyStates);
  if (!allowed.success) return allowed;
  const { key } = found.data;
  if (input.Limit !== undefined && input.Limit > 100) {
    return err(
      createKmsError(
        "ValidationException",
        messages.validationErrors([
          `Value '${input.Limit}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100`,
        ]),
      ),
    );
  }
  if (input.Marker !== undefined) {
    const marked = await ctx.store.getGrant(key, input.Marker);
    if (!marked || marked.keyId !== key.keyId) {
      return err(createKmsError("InvalidMarkerException", messages.invalidMarker()));
    }
  }
  const page = await ctx.store.listGrants(key, key.keyId, {
    limit: input.Limit ?? DEFAULT_LIMIT,
    ...(input.Marker === undefined ? {} : { after: input.Marker }),
    ...(input.GrantId === undefined ? {} : { grantId: input.GrantId }),
    ...(input.GranteePrincipal === undefined ? {} : { granteePrincipal: input.GranteePrincipal }),
  });
  const Grants = page.items.map((g) => toGrantListEntry(g, key.partition as Partition));
  const last = page.items.at(-1);
  return ok(
    page.truncated && last ? { Grants, NextMarker: last.grantId, Truncated: true } : { Grants, Truncated: false },
  );
}
