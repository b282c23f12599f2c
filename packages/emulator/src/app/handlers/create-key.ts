import {
  type CreateKeyRequest,
  type CreateKeyResponse,
  type Result,
  createKmsError,
  err,
  formatKeyArn,
  keyAlgorithms,
  messages,
  ok,
  type KeySpec,
  type KeyUsageType,
} from "@keypolicy/core";
import { defaultKeyPolicy } from "@keypolicy/policy";
import type { StoredKey } from "../../store/types.js";
import type { OperationContext } from "../deps.js";
import { authorizeMemberPermissions, authorizeResource } from "../auth/authorize.js";
import { toKeyMetadata } from "../keys.js";
import { preparePolicy } from "../policy-text.js";
import { resolveKeyUsage } from "../key-usage.js";
import { emulatorMessages } from "../messages.js";
import { mergeTags } from "../tags.js";

/**
 * CreateKey: a new customer managed key in the caller's account and region. Without `Policy` the key gets the
 * default key policy naming the caller's account (KMS-FIDELITY.md §7). `MultiRegion` keys get `mrk-` IDs;
 * `Origin: EXTERNAL` keys start in `PendingImport` ([REC] vectors `create-key-*`).
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html
 */
export async function createKey(ctx: OperationContext, input: CreateKeyRequest): Promise<Result<CreateKeyResponse>> {
  const { caller } = ctx;
  // IAM only, on no resource; with Tags kms:TagResource too (authorization table).
  const authorized = await authorizeResource(ctx, "CreateKey", { resource: "*" }, input);
  if (!authorized.success) return authorized;
  const tagging = await authorizeMemberPermissions(ctx, "CreateKey", input);
  if (!tagging.success) return tagging;
  if (input.KeySpec !== undefined && input.CustomerMasterKeySpec !== undefined) {
    // [DEC] text: AWS documents that the two may not be combined.
    return err(createKmsError("ValidationException", messages.keySpecAndCustomerMasterKeySpec()));
  }
  const keySpec = input.KeySpec ?? input.CustomerMasterKeySpec ?? "SYMMETRIC_DEFAULT";
  const keyUsage = resolveKeyUsage(keySpec, input.KeyUsage);
  if (!keyUsage.success) return keyUsage;
  const origin = input.Origin ?? "AWS_KMS";
  if (origin === "AWS_CLOUDHSM" || origin === "EXTERNAL_KEY_STORE" || input.CustomKeyStoreId !== undefined) {
    return err(createKmsError("UnsupportedOperationException", emulatorMessages.customKeyStoresUnsupported()));
  }
  if (origin === "EXTERNAL" && keySpec !== "SYMMETRIC_DEFAULT" && input.MultiRegion) {
    return err(createKmsError("UnsupportedOperationException", messages.multiRegionImportedKeyMaterial(keySpec)));
  }
  const uuid = ctx.ids.keyId();
  const multiRegion = input.MultiRegion ?? false;
  const keyId = multiRegion ? `mrk-${uuid.replaceAll("-", "")}` : uuid;
  const keyArn = formatKeyArn({ partition: caller.partition, region: caller.region, accountId: caller.accountId, keyId });
  const policy =
    input.Policy === undefined
      ? { success: true as const, data: defaultKeyPolicy(caller.accountId, caller.partition) }
      : preparePolicy(ctx, input.Policy, keyArn, input.BypassPolicyLockoutSafetyCheck);
  if (!policy.success) return policy;
  const tags = mergeTags([], input.Tags ?? []);
  if (!tags.success) return tags;
  const key: StoredKey = {
    accountId: caller.accountId,
    region: caller.region,
    partition: caller.partition,
    keyId,
    description: input.Description ?? "",
    keySpec,
    keyUsage: keyUsage.data,
    origin,
    keyState: origin === "EXTERNAL" ? "PendingImport" : "Enabled",
    creationDate: ctx.clock.now(),
    multiRegion,
    // [REC] only symmetric keys with KMS-made material show a CurrentKeyMaterialId.
    ...(keySpec === "SYMMETRIC_DEFAULT" && origin === "AWS_KMS" ? { currentKeyMaterialId: ctx.ids.keyMaterialId() } : {}),
    policy: policy.data,
    tags: tags.data,
  };
  if (!(await ctx.store.createKey(key))) {
    return err(createKmsError("KMSInternalException", emulatorMessages.keyIdCollision()));
  }
  return ok({ KeyMetadata: toKeyMetadata(key) });
}
