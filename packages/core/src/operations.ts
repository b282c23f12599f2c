import type { z } from "zod";
import type { KeyIdentifierRules } from "./key-identifier.js";
import * as shapes from "./shapes/operations.js";

/**
 * The KMS operations keypolicy implements: input shape, the IAM action that authorizes them, and how they treat key
 * identifiers (KMS-FIDELITY.md §2, §4).
 */
export interface OperationSpec {
  /** The input shape, validated with Coral's texts by `validateRequest`. */
  readonly input: z.ZodType;
  /** The IAM action, e.g. `kms:GetKeyPolicy`. */
  readonly action: `kms:${string}`;
  /** How `KeyId` (or `TargetKeyId`) is resolved; absent for operations on no key. */
  readonly keyIdentifiers?: KeyIdentifierRules;
}

// [DEC] KMS-FIDELITY.md §4b: aliases resolved by default; the emulator's config.policyOperationAliases can refuse them.
const POLICY_OPERATION: KeyIdentifierRules = { aliases: true, crossAccount: false };
const KEY_OPERATION_ANY_ACCOUNT: KeyIdentifierRules = { aliases: true, crossAccount: true };
const KEY_MANAGEMENT: KeyIdentifierRules = { aliases: true, crossAccount: false };

/** Every implemented operation, by its AWS name. */
export const OPERATIONS = {
  GetKeyPolicy: { input: shapes.GetKeyPolicyRequest, action: "kms:GetKeyPolicy", keyIdentifiers: POLICY_OPERATION },
  PutKeyPolicy: { input: shapes.PutKeyPolicyRequest, action: "kms:PutKeyPolicy", keyIdentifiers: POLICY_OPERATION },
  ListKeyPolicies: { input: shapes.ListKeyPoliciesRequest, action: "kms:ListKeyPolicies", keyIdentifiers: POLICY_OPERATION },
  CreateKey: { input: shapes.CreateKeyRequest, action: "kms:CreateKey" },
  DescribeKey: { input: shapes.DescribeKeyRequest, action: "kms:DescribeKey", keyIdentifiers: KEY_OPERATION_ANY_ACCOUNT },
  ListKeys: { input: shapes.ListKeysRequest, action: "kms:ListKeys" },
  EnableKey: { input: shapes.EnableKeyRequest, action: "kms:EnableKey", keyIdentifiers: KEY_MANAGEMENT },
  DisableKey: { input: shapes.DisableKeyRequest, action: "kms:DisableKey", keyIdentifiers: KEY_MANAGEMENT },
  ScheduleKeyDeletion: { input: shapes.ScheduleKeyDeletionRequest, action: "kms:ScheduleKeyDeletion", keyIdentifiers: KEY_MANAGEMENT },
  CancelKeyDeletion: { input: shapes.CancelKeyDeletionRequest, action: "kms:CancelKeyDeletion", keyIdentifiers: KEY_MANAGEMENT },
  CreateAlias: { input: shapes.CreateAliasRequest, action: "kms:CreateAlias", keyIdentifiers: { aliases: false, crossAccount: false } },
  UpdateAlias: { input: shapes.UpdateAliasRequest, action: "kms:UpdateAlias", keyIdentifiers: { aliases: false, crossAccount: false } },
  DeleteAlias: { input: shapes.DeleteAliasRequest, action: "kms:DeleteAlias" },
  ListAliases: { input: shapes.ListAliasesRequest, action: "kms:ListAliases", keyIdentifiers: { aliases: false, crossAccount: false } },
  TagResource: { input: shapes.TagResourceRequest, action: "kms:TagResource", keyIdentifiers: KEY_MANAGEMENT },
  UntagResource: { input: shapes.UntagResourceRequest, action: "kms:UntagResource", keyIdentifiers: KEY_MANAGEMENT },
  ListResourceTags: { input: shapes.ListResourceTagsRequest, action: "kms:ListResourceTags", keyIdentifiers: KEY_MANAGEMENT },
} as const satisfies Record<string, OperationSpec>;

/** The name of an implemented operation. */
export type OperationName = keyof typeof OPERATIONS;

/** Whether `name` is an implemented operation. */
export function isOperationName(name: string): name is OperationName {
  return Object.hasOwn(OPERATIONS, name);
}
