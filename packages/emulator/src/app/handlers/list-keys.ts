import {
  type ListKeysRequest,
  type ListKeysResponse,
  type Result,
  createKmsError,
  err,
  messages,
  ok,
} from "@keypolicy/core";
import type { OperationContext } from "../deps.js";
import { authorizeResource } from "../auth/authorize.js";
import { keyArnOf } from "../keys.js";

/** ListKeys returns 100 keys a page unless `Limit` says otherwise ([DOC]). */
const DEFAULT_LIMIT = 100;

/**
 * ListKeys: the caller's keys in its account and region, in creation order, paginated with `Limit`/`Marker`;
 * `NextMarker` only when `Truncated` is true. A marker this emulator did not hand out is `InvalidMarkerException`
 * [DEC: text not recorded].
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ListKeys.html
 */
export async function listKeys(ctx: OperationContext, input: ListKeysRequest): Promise<Result<ListKeysResponse>> {
  const authorized = await authorizeResource(ctx, "ListKeys", { resource: "*" });
  if (!authorized.success) return authorized;
  const scope = ctx.caller;
  if (input.Marker !== undefined && !(await ctx.store.hasKey(scope, input.Marker))) {
    return err(createKmsError("InvalidMarkerException", messages.invalidMarker()));
  }
  const page = await ctx.store.listKeys(scope, {
    ...(input.Marker === undefined ? {} : { after: input.Marker }),
    limit: input.Limit ?? DEFAULT_LIMIT,
  });
  const Keys = page.items.map((key) => ({ KeyId: key.keyId, KeyArn: keyArnOf(key) }));
  const last = page.items.at(-1);
  return ok(page.truncated && last ? { Keys, NextMarker: last.keyId, Truncated: true } : { Keys, Truncated: false });
}
