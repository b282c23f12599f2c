import { type CreateKeyRequest, type CreateKeyResponse, type Result, createKmsError, err, ok } from "@keypolicy/core";
import type { OperationContext } from "../deps.js";
import { authorizeMemberPermissions, authorizeResource } from "../auth/authorize.js";
import { toKeyMetadata } from "../keys.js";
import { emulatorMessages } from "../messages.js";
import { preparePolicy } from "../policy-text.js";
import { buildStoredKey } from "../stored-key.js";

/**
 * CreateKey: a new customer managed key in the caller's account and region, made by `buildStoredKey` (CreateKey's
 * rules and defaults, shared with seeding). Without `Policy` the key gets the default key policy naming the caller's
 * account (KMS-FIDELITY.md §7). `MultiRegion` keys get `mrk-` IDs; `Origin: EXTERNAL` keys start in `PendingImport`
 * ([REC] vectors `create-key-*`).
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html
 */
export async function createKey(ctx: OperationContext, input: CreateKeyRequest): Promise<Result<CreateKeyResponse>> {
  // IAM only, on no resource; with Tags kms:TagResource too (authorization table).
  const authorized = await authorizeResource(ctx, "CreateKey", { resource: "*" }, input);
  if (!authorized.success) return authorized;
  const tagging = await authorizeMemberPermissions(ctx, "CreateKey", input);
  if (!tagging.success) return tagging;
  const built = buildStoredKey(input, ctx.caller, {
    clock: ctx.clock,
    ids: ctx.ids,
    preparePolicy: (text, keyArn) => preparePolicy(ctx, text, keyArn, input.BypassPolicyLockoutSafetyCheck),
  });
  if (!built.success) return err(built.error.error);
  if (!(await ctx.store.createKey(built.data))) {
    return err(createKmsError("KMSInternalException", emulatorMessages.keyIdCollision()));
  }
  return ok({ KeyMetadata: toKeyMetadata(built.data) });
}
