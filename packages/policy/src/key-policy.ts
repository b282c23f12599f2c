import type { ConditionOperator } from "./condition-operator.js";

/** The principal types a key policy may name: `"AWS"`, `"Service"` or `"Federated"`. */
export type PrincipalType = "AWS" | "Service" | "Federated";

/**
 * One principal of a `Principal` or `NotPrincipal` element. `Principal: "*"` is read as `{ type: "AWS", value: "*" }`.
 */
export interface PrincipalEntry {
  readonly type: PrincipalType;
  /** An IAM or STS ARN, a 12-digit account ID, a service or federated principal name, or `*`. */
  readonly value: string;
}

/** One condition key under one operator, e.g. `StringEquals` / `kms:CallerAccount` / `["111122223333"]`. */
export interface PolicyCondition {
  readonly operator: ConditionOperator;
  /** The condition key as written; keys are compared case-insensitively. */
  readonly key: string;
  /** The policy's values, as text: JSON numbers keep their raw text, booleans become `"true"`/`"false"`. */
  readonly values: readonly string[];
}

/**
 * A statement of a key policy (or of an IAM identity policy) that passed the statement rules, in a shape the
 * evaluator can use directly. `NotResource` is not allowed in key policies (KMS-FIDELITY.md §7 step 5), so there
 * `notResource` is always `false`; identity-policy statements have no principals.
 */
export interface KeyPolicyStatement {
  /** Position in the `Statement` array (0 for a single statement object). */
  readonly index: number;
  readonly sid?: string;
  readonly effect: "Allow" | "Deny";
  /** The `Principal` or `NotPrincipal` entries; empty in an identity policy (it applies to its identity). */
  readonly principals: readonly PrincipalEntry[];
  /** `true` for a `NotPrincipal` element: the statement applies to everyone not listed. */
  readonly notPrincipal: boolean;
  /** Action patterns such as `kms:*` or `kms:Get*`. */
  readonly actions: readonly string[];
  /** `true` for a `NotAction` element. */
  readonly notAction: boolean;
  /**
   * Resource patterns; always `"*"` in an accepted key policy (this key). In an identity policy `"*"` or ARN
   * patterns with `*` / `?` wildcards, possibly with policy variables (`${aws:username}`).
   */
  readonly resources: readonly string[];
  /** `true` for a `NotResource` element (identity policies only): the statement applies to every other resource. */
  readonly notResource: boolean;
  readonly conditions: readonly PolicyCondition[];
}

/**
 * A key policy document that passed the statement rules (KMS-FIDELITY.md §7 step 5), or an IAM identity policy that
 * passed IAM's rules (`kind: "identity"`, from `readIdentityPolicy`).
 */
export interface KeyPolicy {
  /** `"identity"` for an identity policy; absent (or `"key"`) for a key policy. */
  readonly kind?: "key" | "identity";
  readonly version?: string;
  readonly id?: string;
  readonly statements: readonly KeyPolicyStatement[];
}
