import { type CallerScope, createKmsError, type KmsError, messages, type Result, err, ok } from "@keypolicy/core";
import {
  type ConditionKeys,
  type EvaluationContext,
  type EvaluationResult,
  evaluateKeyPolicyStatements,
} from "@keypolicy/policy";
import type { Identity } from "./identities.js";
import type { KeyPolicyReader } from "./key-policy-cache.js";

/** The key an operation is about to act on, after aliases were resolved. */
export interface AuthorizationTarget {
  /** The key's ARN (the resource of the request). */
  readonly keyArn: string;
  /** The account that owns the key. */
  readonly keyAccountId: string;
  /** The key's stored policy text. */
  readonly policy: string;
  /** The alias the request named the key by, when it did (`kms:RequestAlias`). */
  readonly requestAlias?: string;
}

/** What a request needs to be authorized: who calls, the action, the time (epoch ms). */
export interface AuthorizationRequest {
  readonly caller: CallerScope & { readonly identity?: Identity };
  /** The IAM action, e.g. `kms:GetKeyPolicy`. */
  readonly action: string;
  readonly now: number;
  /** Reads the key's policy text (cached per app: {@link createKeyPolicyReader}). */
  readonly readPolicy: KeyPolicyReader;
}

/**
 * Authorizes one operation on one key as KMS does (KMS-FIDELITY.md §8 [DOC]): the key policy first; an explicit Deny
 * there, or in the caller's identity policies, refuses; an Allow naming the caller (or `*`) allows; an Allow only
 * through the caller's account (root ARN or account ID) delegates to IAM, so the caller's identity policies must
 * allow the action too. The account root itself is not subject to identity policies. [DEC] An identity without
 * identity policies may do whatever its account may (an administrator, the usual local set-up); callers in lenient
 * mode are account roots.
 *
 * Condition keys given to the policies: `aws:CurrentTime`, `aws:EpochTime`, `aws:PrincipalArn`,
 * `aws:PrincipalAccount`, `aws:RequestedRegion`, `kms:CallerAccount`, `aws:SecureTransport` (`false`: plain HTTP) and
 * `kms:RequestAlias` when the key was named by an alias.
 *
 * @returns nothing, or AccessDeniedException with AWS's text: `… because no resource-based policy allows the <action>
 *   action`, `… with an explicit deny in a resource-based policy` ([RPT] §8), and for identity policies `… because no
 *   identity-based policy allows …` / `… with an explicit deny in an identity-based policy` [RPT, IAM's texts].
 */
export function authorizeKeyAccess(target: AuthorizationTarget, request: AuthorizationRequest): Result<undefined, KmsError> {
  const { caller, action } = request;
  const context: EvaluationContext = {
    principalArn: caller.principalArn,
    accountId: caller.accountId,
    action,
    resourceArn: target.keyArn,
    keyAccountId: target.keyAccountId,
    conditionKeys: conditionKeys(target, request),
  };
  const keyPolicy = request.readPolicy(target.policy);
  const decision: EvaluationResult = keyPolicy
    ? evaluateKeyPolicyStatements(keyPolicy, context)
    : { decision: "implicit-deny", statements: [], viaAccountRoot: false };
  const denied = (text: string) => err(createKmsError("AccessDeniedException", text));
  if (decision.decision === "explicit-deny") {
    return denied(messages.accessDenied(caller.principalArn, action, target.keyArn, "explicit-deny"));
  }

  const identityPolicies = isRoot(caller.principalArn) ? undefined : caller.identity?.identityPolicies;
  const identity = identityPolicies === undefined ? "allow" : evaluateIdentityPolicies(identityPolicies, context, request.readPolicy);
  if (identity === "explicit-deny") return denied(identityDenied(caller.principalArn, action, target.keyArn, "explicit-deny"));
  if (decision.decision === "implicit-deny") {
    return denied(messages.accessDenied(caller.principalArn, action, target.keyArn, "no-policy"));
  }
  // Through the account root, or across accounts, IAM must allow as well (KMS-FIDELITY.md §8 [DOC]).
  if ((decision.viaAccountRoot || caller.accountId !== target.keyAccountId) && identity !== "allow") {
    return denied(identityDenied(caller.principalArn, action, target.keyArn, "no-policy"));
  }
  return ok(undefined);
}

function evaluateIdentityPolicies(
  policies: readonly string[],
  context: EvaluationContext,
  readPolicy: KeyPolicyReader,
): EvaluationResult["decision"] {
  let allowed = false;
  for (const text of policies) {
    const policy = readPolicy(text, "identity");
    if (policy === undefined) continue; // [DEC] fail closed: an unreadable identity policy allows nothing
    const result = evaluateKeyPolicyStatements(policy, context);
    if (result.decision === "explicit-deny") return "explicit-deny";
    if (result.decision === "allow") allowed = true;
  }
  return allowed ? "allow" : "implicit-deny";
}

function identityDenied(principalArn: string, action: string, resource: string, reason: "no-policy" | "explicit-deny"): string {
  return reason === "explicit-deny"
    ? `User: ${principalArn} is not authorized to perform: ${action} on resource: ${resource} with an explicit deny in an identity-based policy`
    : `User: ${principalArn} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;
}

function isRoot(principalArn: string): boolean {
  return /^arn:[a-z-]+:iam::\d{12}:root$/.test(principalArn);
}

function conditionKeys(target: AuthorizationTarget, { caller, now }: AuthorizationRequest): ConditionKeys {
  return {
    "aws:CurrentTime": new Date(now).toISOString().replace(/\.\d{3}Z$/, "Z"),
    "aws:EpochTime": String(Math.floor(now / 1000)),
    "aws:PrincipalArn": caller.principalArn,
    "aws:PrincipalAccount": caller.accountId,
    "aws:RequestedRegion": caller.region,
    "aws:SecureTransport": "false",
    "kms:CallerAccount": caller.accountId,
    ...(target.requestAlias === undefined ? {} : { "kms:RequestAlias": target.requestAlias }),
  };
}
