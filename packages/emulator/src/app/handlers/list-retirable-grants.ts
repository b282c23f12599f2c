import {
  type ListGrantsResponse,
  type ListRetirableGrantsRequest,
  type Result,
  createKmsError,
  err,
  messages,
  ok,
} from "@keypolicy/core";
import { authorizeResource } from "../auth/authorize.js";
import type { OperationContext } from "../deps.js";
import { toGrantListEntry } from "../grants.js";

/** [DOC] API_ListRetirableGrants: 50 grants per page when `Limit` is left out. */
const DEFAULT_LIMIT = 50;

/**
 * ListRetirableGrants: the grants whose `RetiringPrincipal` is the one given, on the keys of every account in the
 * caller's Region [DEC: the emulator's accounts share one Region's store], in creation order; an IAM-only permission
 * on no resource (`*`) [DOC]. Paginated as ListGrants.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ListRetirableGrants.html
 */
export async function listRetirableGrants(
  ctx: OperationContext,
  input: ListRetirableGrantsRequest,
): Promise<Result<ListGrantsResponse>> {
  const authorized = await authorizeResource(ctx, "ListRetirableGrants", { resource: "*" });
  if (!authorized.success) return authorized;
  const { region, partition } = ctx.caller;
  if (input.Marker !== undefined) {
    const marked = await ctx.store.listRetirableGrants(region, input.RetiringPrincipal, { limit: 1000000 });
    if (!marked.items.some((g) => g.grantId === input.Marker)) {
      return err(createKmsError("InvalidMarkerException", messages.invalidMarker()));
    }
  }
  const page = await ctx.store.listRetirableGrants(region, input.RetiringPrincipal, {
    limit: Math.min(input.Limit ?? DEFAULT_LIMIT, 100),
    ...(input.Marker === undefined ? {} : { after: input.Marker }),
  });
  const Grants = page.items.map((g) => toGrantListEntry(g, partition));
  const last = page.items.at(-1);
  return ok(
    page.truncated && last ? { Grants, NextMarker: last.grantId, Truncated: true } : { Grants, Truncated: false },
  );
}
