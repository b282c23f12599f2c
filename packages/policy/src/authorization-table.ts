import type { OperationName } from "@keypolicy/core";

/**
 * Which policies decide a permission on a resource, in the words of AWS's permissions table: `"key-policy"` (the key
 * policy, and IAM policies when it delegates to the account), `"iam-policy"` (only the caller's identity policies).
 */
export type PolicyType = "key-policy" | "iam-policy";

/**
 * One resource an operation is authorized on:
 * - `key`: the KMS key the request names (`KeyId`, `TargetKeyId`), or the key an alias points at;
 * - `current-key`: UpdateAlias only, the key the alias points at before the update;
 * - `alias`: the alias the request names (`AliasName`), as `arn:<partition>:kms:<region>:<account>:alias/<name>`;
 * - `*`: no resource (CreateKey, ListKeys, ListAliases): IAM statements must name `"*"`;
 * - `all-keys`: every KMS key of the caller's account and Region, `arn:<partition>:kms:<region>:<account>:key/*`: an
 *   IAM statement must name a pattern covering them all (`*`, `…:key/*`), not particular keys (CreateKey with `Tags`).
 */
export type AuthorizedResource = "key" | "current-key" | "alias" | "*" | "all-keys";

/** One permission check: the resource and the policies that decide it. */
export interface ResourcePermission {
  readonly resource: AuthorizedResource;
  readonly policyType: PolicyType;
}

/**
 * A permission an operation needs besides its own action when the request uses one of its members, e.g. CreateKey's
 * `Tags` needs `kms:TagResource` [DOC API_CreateKey "Required permissions"].
 */
export interface MemberPermission {
  /** The request member, as on the wire; it calls for the permission when present and not empty. */
  readonly member: "Tags";
  /** The IAM action, e.g. `kms:TagResource`. */
  readonly action: `kms:${string}`;
  readonly resource: ResourcePermission;
}

/** How one operation is authorized: the IAM action, whether it works across accounts, and every check it needs. */
export interface OperationAuthorization {
  /** The IAM action, e.g. `kms:DeleteAlias`. */
  readonly action: `kms:${string}`;
  /** "Cross-account use" of the permissions table. */
  readonly crossAccount: boolean;
  /** Every resource the caller needs `action` on; all must allow. */
  readonly resources: readonly ResourcePermission[];
  /** Further permissions for request members that need them; each must allow too, after `resources`. */
  readonly memberPermissions?: readonly MemberPermission[];
}

const KEY: ResourcePermission = { resource: "key", policyType: "key-policy" };
const CURRENT_KEY: ResourcePermission = { resource: "current-key", policyType: "key-policy" };
const ALIAS: ResourcePermission = { resource: "alias", policyType: "iam-policy" };
const NO_RESOURCE: ResourcePermission = { resource: "*", policyType: "iam-policy" };
const ALL_KEYS: ResourcePermission = { resource: "all-keys", policyType: "iam-policy" };

const keyOperation = (action: `kms:${string}`, crossAccount = false): OperationAuthorization => ({
  action,
  crossAccount,
  resources: [KEY],
});

/**
 * The per-operation authorization table, total over the implemented operations (a missing operation does not
 * compile), from AWS's permissions table [DOC
 * https://docs.aws.amazon.com/kms/latest/developerguide/kms-api-permissions-reference.html] and the operations'
 * "Required permissions" [DOC API reference]:
 *
 * - operations on a KMS key are "Key policy" on that key; of these only DescribeKey and GetKeyRotationStatus are
 *   cross-account;
 * - CreateKey, ListKeys and ListAliases are "IAM policy" only, with no resource (`"*"`); ListAliases with a `KeyId` as
 *   well [DOC alias-access.html: "the value of the resource element in the policy must be `*`"];
 * - CreateAlias and DeleteAlias need the action on the alias (IAM policy) and on its key (key policy); UpdateAlias on
 *   the alias, the current key and the new key [DOC alias-access.html, API_UpdateAlias "Required permissions"];
 * - CreateKey with `Tags` also needs `kms:TagResource` in an IAM policy [DOC API_CreateKey "Required permissions"],
 *   one that covers every KMS key in the account and Region, not particular keys [DOC manage-tags-api.html,
 *   tag-permissions.html]; no other implemented operation lists a permission for a request member;
 * - ReplicateKey is "Key policy" on the primary key; its other documented needs, `kms:CreateKey` (and with `Tags`
 *   `kms:TagResource`) in an IAM policy *in the replica Region*, are not checked [DEC: the emulator's IAM context is
 *   the request's Region; KMS-FIDELITY.md §5b]. UpdatePrimaryRegion is "Key policy" on the current primary and, by
 *   the handler, on the replica that becomes primary [DOC API_UpdatePrimaryRegion "Required permissions"].
 */
export const AUTHORIZATION_TABLE = {
  GetKeyPolicy: keyOperation("kms:GetKeyPolicy"),
  PutKeyPolicy: keyOperation("kms:PutKeyPolicy"),
  ListKeyPolicies: keyOperation("kms:ListKeyPolicies"),
  CreateKey: {
    action: "kms:CreateKey",
    crossAccount: false,
    resources: [NO_RESOURCE],
    memberPermissions: [{ member: "Tags", action: "kms:TagResource", resource: ALL_KEYS }],
  },
  DescribeKey: keyOperation("kms:DescribeKey", true),
  ListKeys: { action: "kms:ListKeys", crossAccount: false, resources: [NO_RESOURCE] },
  EnableKey: keyOperation("kms:EnableKey"),
  DisableKey: keyOperation("kms:DisableKey"),
  ScheduleKeyDeletion: keyOperation("kms:ScheduleKeyDeletion"),
  CancelKeyDeletion: keyOperation("kms:CancelKeyDeletion"),
  CreateAlias: { action: "kms:CreateAlias", crossAccount: false, resources: [ALIAS, KEY] },
  UpdateAlias: { action: "kms:UpdateAlias", crossAccount: false, resources: [ALIAS, CURRENT_KEY, KEY] },
  DeleteAlias: { action: "kms:DeleteAlias", crossAccount: false, resources: [ALIAS, KEY] },
  ListAliases: { action: "kms:ListAliases", crossAccount: false, resources: [NO_RESOURCE] },
  TagResource: keyOperation("kms:TagResource"),
  UntagResource: keyOperation("kms:UntagResource"),
  ListResourceTags: keyOperation("kms:ListResourceTags"),
  // [DOC] API_GetKeyRotationStatus "Cross-account use: Yes"; the other rotation operations "No".
  GetKeyRotationStatus: keyOperation("kms:GetKeyRotationStatus", true),
  EnableKeyRotation: keyOperation("kms:EnableKeyRotation"),
  DisableKeyRotation: keyOperation("kms:DisableKeyRotation"),
  RotateKeyOnDemand: keyOperation("kms:RotateKeyOnDemand"),
  ListKeyRotations: keyOperation("kms:ListKeyRotations"),
  UpdateKeyDescription: keyOperation("kms:UpdateKeyDescription"),
  ReplicateKey: keyOperation("kms:ReplicateKey"),
  UpdatePrimaryRegion: keyOperation("kms:UpdatePrimaryRegion"),
  // Grants [DOC API_CreateGrant, API_ListGrants, API_RevokeGrant, API_RetireGrant: "Cross-account use: Yes", key
  // policy]; ListRetirableGrants is IAM policy only, on no resource [DOC API_ListRetirableGrants].
  CreateGrant: keyOperation("kms:CreateGrant", true),
  ListGrants: keyOperation("kms:ListGrants", true),
  ListRetirableGrants: { action: "kms:ListRetirableGrants", crossAccount: false, resources: [NO_RESOURCE] },
  RetireGrant: keyOperation("kms:RetireGrant", true),
  RevokeGrant: keyOperation("kms:RevokeGrant", true),
  // The symmetric data plane: "Key policy", "Cross-account use: Yes" [DOC API reference of each]. ReEncrypt is
  // kms:ReEncryptFrom on the source key here; its kms:ReEncryptTo on the destination key is the handler's second
  // check. GenerateRandom is "IAM policy" with no resource.
  Encrypt: keyOperation("kms:Encrypt", true),
  Decrypt: keyOperation("kms:Decrypt", true),
  ReEncrypt: keyOperation("kms:ReEncryptFrom", true),
  GenerateDataKey: keyOperation("kms:GenerateDataKey", true),
  GenerateDataKeyWithoutPlaintext: keyOperation("kms:GenerateDataKeyWithoutPlaintext", true),
  GenerateRandom: { action: "kms:GenerateRandom", crossAccount: false, resources: [NO_RESOURCE] },
} as const satisfies { readonly [K in OperationName]: OperationAuthorization };

/** The authorization of `operation` ({@link AUTHORIZATION_TABLE}). */
export function authorizationOf(operation: OperationName): OperationAuthorization {
  return AUTHORIZATION_TABLE[operation];
}

/**
 * The member permissions ({@link MemberPermission}) a request of `operation` calls for: those whose member is in
 * `request` with at least one entry [DEC: an empty `Tags` list adds no tags, so it needs no `kms:TagResource`].
 */
export function memberPermissionsOf(
  operation: OperationName,
  request: { readonly Tags?: readonly unknown[] | undefined },
): readonly MemberPermission[] {
  const row: OperationAuthorization = AUTHORIZATION_TABLE[operation];
  return (row.memberPermissions ?? []).filter((permission) => (request[permission.member]?.length ?? 0) > 0);
}

const BY_ACTION = new Map<string, OperationName>(
  Object.entries(AUTHORIZATION_TABLE).map(([operation, row]) => [row.action, operation as OperationName]),
);

/** The operation whose permission is `action` (`kms:DeleteAlias` → `DeleteAlias`), or `undefined`. */
export function operationOfAction(action: string): OperationName | undefined {
  return BY_ACTION.get(action);
}
