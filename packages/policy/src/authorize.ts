import { messages } from "@keypolicy/core";
import { type EvaluationContext, type EvaluationResult, evaluateKeyPolicyStatements } from "./evaluate-key-policy.js";
import type { KeyPolicy } from "./key-policy.js";

/** What one permission check needs: the policies that take part and the request. */
export interface AuthorizeRequest {
  /**
   * The key policy of the key being authorized, as read; `null` when it could not be read (it then allows nothing).
   * Absent for a resource only IAM policies decide (an alias, or `*`: {@link AUTHORIZATION_TABLE}).
   */
  readonly keyPolicy?: KeyPolicy | null;
  /**
   * The caller's identity (IAM) policies, as read, with `Principal` `*` on every statement; `null` entries (policies
   * that could not be read) allow nothing. Absent: the caller is not limited by identity policies ([DEC] an identity
   * configured without any may do whatever its account may).
   */
  readonly identityPolicies?: readonly (KeyPolicy | null)[];
  /** The request: caller, action, the resource ARN being authorized and its condition keys. */
  readonly context: EvaluationContext;
}

/** Which kind of policy refused, and how. */
export interface AccessDenied {
  readonly allowed: false;
  readonly policy: "resource-based" | "identity-based";
  readonly reason: "explicit-deny" | "no-policy";
}

/** The outcome of {@link authorize}. */
export type AuthorizationDecision = { readonly allowed: true } | AccessDenied;

const ALLOWED: AuthorizationDecision = { allowed: true };
const ACCOUNT_ROOT = /^arn:[a-z-]+:iam::\d{12}:root$/;

/**
 * Decides one permission check as KMS does (KMS-FIDELITY.md §8 [DOC determining-access.html]).
 *
 * With a key policy: an explicit Deny there, then in the identity policies, refuses; nothing in the key policy
 * allowing refuses; an Allow naming the caller (or `*`) allows; an Allow only through the caller's account (its root
 * ARN or account ID), or for a caller of another account, needs an Allow in the identity policies too.
 *
 * Without a key policy (IAM-only resources): the identity policies decide alone, explicit Deny first.
 *
 * The account root is never limited by identity policies [DOC IAM: policies cannot be attached to the root user].
 *
 * @returns `{ allowed: true }`, or which kind of policy refused and why ({@link formatAccessDenied} gives AWS's text).
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/determining-access.html
 */
export function authorize(request: AuthorizeRequest): AuthorizationDecision {
  const { context } = request;
  const identityPolicies = ACCOUNT_ROOT.test(context.principalArn) ? undefined : request.identityPolicies;
  const identity = identityPolicies === undefined ? "allow" : evaluateIdentityPolicies(identityPolicies, context);

  if (request.keyPolicy === undefined) {
    if (identity === "allow") return ALLOWED;
    return {
      allowed: false,
      policy: "identity-based",
      reason: identity === "explicit-deny" ? "explicit-deny" : "no-policy",
    };
  }
  const key: EvaluationResult = request.keyPolicy
    ? evaluateKeyPolicyStatements(request.keyPolicy, context)
    : { decision: "implicit-deny", statements: [], viaAccountRoot: false };
  if (key.decision === "explicit-deny") return { allowed: false, policy: "resource-based", reason: "explicit-deny" };
  if (identity === "explicit-deny") return { allowed: false, policy: "identity-based", reason: "explicit-deny" };
  if (key.decision === "implicit-deny") return { allowed: false, policy: "resource-based", reason: "no-policy" };
  // Through the account root, or across accounts, IAM must allow as well (KMS-FIDELITY.md §8 [DOC]).
  if ((key.viaAccountRoot || context.accountId !== context.keyAccountId) && identity !== "allow") {
    return { allowed: false, policy: "identity-based", reason: "no-policy" };
  }
  return ALLOWED;
}

function evaluateIdentityPolicies(
  policies: readonly (KeyPolicy | null)[],
  context: EvaluationContext,
): EvaluationResult["decision"] {
  let allowed = false;
  for (const policy of policies) {
    if (policy === null) continue; // [DEC] fail closed: an unreadable identity policy allows nothing
    const result = evaluateKeyPolicyStatements(policy, context);
    if (result.decision === "explicit-deny") return "explicit-deny";
    if (result.decision === "allow") allowed = true;
  }
  return allowed ? "allow" : "implicit-deny";
}

/**
 * The AccessDeniedException message AWS sends for a refusal: `User: <principal> is not authorized to perform:
 * <action> on resource: <resource> …`, ending `because no resource-based policy allows the <action> action` / `with
 * an explicit deny in a resource-based policy` ([RPT] KMS-FIDELITY.md §8), or `because no identity-based policy allows
 * the <action> action` / `with an explicit deny in an identity-based policy` ([RPT] IAM's texts; `on resource: *` for
 * CreateKey [RPT aws-ia/terraform-aws-control_tower_account_factory#569], the alias ARN for alias operations [RPT
 * awsdocs/iam-user-guide#119]).
 *
 * @param resource - the resource ARN authorized, or `*`; `undefined` for a text that names no resource, as AWS's for
 *   CreateKey's `kms:TagResource` (`User: <principal> is not authorized to perform: kms:TagResource because no
 *   identity-based policy allows the kms:TagResource action` [RPT LeanerCloud/CUDly#1670, DataBiosphere/azul#5628]).
 */
export function formatAccessDenied(
  denied: AccessDenied,
  principalArn: string,
  action: string,
  resource: string | undefined,
): string {
  if (denied.policy === "resource-based")
    return messages.accessDenied(principalArn, action, resource ?? "*", denied.reason);
  const prefix = `User: ${principalArn} is not authorized to perform: ${action}${resource === undefined ? "" : ` on resource: ${resource}`}`;
  return denied.reason === "explicit-deny"
    ? `${prefix} with an explicit deny in an identity-based policy`
    : `${prefix} because no identity-based policy allows the ${action} action`;
}
