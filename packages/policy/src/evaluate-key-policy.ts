import {
  type ConditionKeyLookup,
  type ConditionKeys,
  createConditionKeyLookup,
  evaluateConditions,
} from "./evaluate-condition.js";
import type { JsonNode } from "./json-node.js";
import type { KeyPolicy, KeyPolicyStatement, PolicyCondition } from "./key-policy.js";
import { POLICY_VARIABLES_VERSION, resolveConditionValues, resolvePolicyVariables } from "./policy-variables.js";
import { type PrincipalMatch, matchPrincipals } from "./principal-match.js";
import { readKeyPolicy } from "./read-key-policy.js";
import { matchesArnPattern } from "./arn-pattern.js";
import { type WildcardPattern, matchesWildcard } from "./wildcard.js";

/** The request a key policy is evaluated for. */
export interface EvaluationContext {
  /** The caller's ARN, e.g. `arn:aws:iam::111122223333:user/alice`, or a service principal name. */
  readonly principalArn: string;
  /** The caller's 12-digit account. */
  readonly accountId: string;
  /** The action, e.g. `kms:GetKeyPolicy`; compared case-insensitively. */
  readonly action: string;
  /** The ARN the request is authorized for: the key ARN, or an alias ARN for alias operations. */
  readonly resourceArn: string;
  /** The 12-digit account that owns the key. */
  readonly keyAccountId: string;
  /** The request's condition keys, `aws:CurrentTime` included when conditions need the time. */
  readonly conditionKeys: ConditionKeys;
}

/** A statement that decided an evaluation: its index in `Statement` and its `Sid` when it has one. */
export interface StatementRef {
  readonly index: number;
  readonly sid?: string;
}

/** What a key policy says about a request. */
export interface EvaluationResult {
  /** A matching Deny wins; else a matching Allow; else nothing allows it. */
  readonly decision: "explicit-deny" | "allow" | "implicit-deny";
  /** The Deny statements for `explicit-deny`, the Allow statements for `allow`, none for `implicit-deny`. */
  readonly statements: readonly StatementRef[];
  /**
   * `true` when the request is allowed only because statements name the caller's account (its root ARN or account
   * ID): KMS then delegates to IAM, and the caller's IAM policies must allow the action too (KMS-FIDELITY.md §8).
   */
  readonly viaAccountRoot: boolean;
}

/**
 * Evaluates a key policy for one request, as KMS authorizes with the key policy first: an explicit Deny wins, then
 * any Allow, else an implicit deny.
 *
 * A statement matches when its principal ({@link matchPrincipals}), action (IAM wildcards, case-insensitive),
 * resource (IAM wildcards) and every condition ({@link evaluateConditions}) match. The function is pure: time is
 * `aws:CurrentTime` in `context.conditionKeys`.
 *
 * In a policy whose `Version` is `2012-10-17`, policy variables (`${aws:username}`, `${aws:PrincipalTag/team}`, any
 * key of `context.conditionKeys`; `${*}`, `${?}`, `${$}`; `${key, 'default'}`) are substituted in `Resource`,
 * `NotResource` and the values of string and ARN conditions ({@link resolvePolicyVariables}); a variable without a
 * value makes its resource or condition value fail to match, positive or negated ({@link evaluateCondition}).
 *
 * A document that fails the statement rules ({@link readKeyPolicy}) allows nothing: the result is `implicit-deny`
 * with no statements [DEC, fail closed].
 *
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/determining-access.html
 * @see KMS-FIDELITY.md §8 ([DOC])
 */
export function evaluateKeyPolicy(document: JsonNode, context: EvaluationContext): EvaluationResult {
  const policy = readKeyPolicy(document);
  if (!policy.success) return { decision: "implicit-deny", statements: [], viaAccountRoot: false };
  return evaluateKeyPolicyStatements(policy.data, context);
}

/**
 * {@link evaluateKeyPolicy} for a policy already read (e.g. cached by the caller): a key policy from
 * {@link readKeyPolicy}, or an identity policy from {@link readIdentityPolicy}, whose statements apply to the caller
 * (the identity it is attached to) and whose `Resource` / `NotResource` are matched against `context.resourceArn`
 * (a key ARN or an alias ARN). The result of an identity policy never has `viaAccountRoot`.
 */
export function evaluateKeyPolicyStatements(policy: KeyPolicy, context: EvaluationContext): EvaluationResult {
  const lookup = createConditionKeyLookup(context.conditionKeys);
  const matched = policy.statements
    .map((statement) => ({ statement, principal: matchStatement(statement, policy, context, lookup) }))
    .filter((m) => m.principal !== "none");
  const denies = matched.filter((m) => m.statement.effect === "Deny");
  if (denies.length > 0) return { decision: "explicit-deny", statements: denies.map(ref), viaAccountRoot: false };
  const allows = matched.filter((m) => m.statement.effect === "Allow");
  if (allows.length === 0) return { decision: "implicit-deny", statements: [], viaAccountRoot: false };
  return {
    decision: "allow",
    statements: allows.map(ref),
    viaAccountRoot: allows.every((m) => m.principal === "account"),
  };
}

function matchStatement(
  statement: KeyPolicyStatement,
  policy: KeyPolicy,
  context: EvaluationContext,
  lookup: ConditionKeyLookup,
): PrincipalMatch {
  const kind = policy.kind ?? "key";
  const variables = policy.version === POLICY_VARIABLES_VERSION;
  // An identity policy applies to the identity it is attached to [DOC].
  const principal =
    kind === "identity"
      ? "caller"
      : matchPrincipals(statement.principals, statement.notPrincipal, context, statement.effect);
  if (principal === "none") return "none";
  const actionListed = statement.actions.some((p) => matchesWildcard(p, context.action, true));
  if (actionListed === statement.notAction) return "none";
  const resource = (pattern: string) => (variables ? resolvePolicyVariables(pattern, lookup) : pattern);
  if (!matchesResources(statement, kind, context.resourceArn, resource)) return "none";
  const values = (c: PolicyCondition) =>
    variables ? resolveConditionValues(c.operator.family, c.values, lookup) : c.values;
  return evaluateConditions(statement.conditions, lookup, values) ? principal : "none";
}

/**
 * Key policies: `Resource` is `"*"`, which means the key the policy is attached to. Identity policies: the resource
 * ARN matched against each pattern as IAM does ({@link matchesArnPattern}); `NotResource` applies to every resource
 * none of its patterns matches. A pattern whose variable has no value matches nothing, and a `NotResource` holding
 * one applies to nothing (the unknown-value rule of {@link evaluateCondition}).
 */
function matchesResources(
  statement: KeyPolicyStatement,
  kind: "key" | "identity",
  resourceArn: string,
  resolve: (pattern: string) => string | WildcardPattern | undefined,
): boolean {
  if (kind === "key") return statement.resources.some((p) => matchesWildcard(p, resourceArn));
  const patterns = statement.resources.map(resolve);
  if (statement.notResource && patterns.includes(undefined)) return false;
  const listed = patterns.some((p) => p !== undefined && matchesArnPattern(p, resourceArn));
  return listed !== statement.notResource;
}

function ref({ statement }: { statement: KeyPolicyStatement }): StatementRef {
  return statement.sid === undefined ? { index: statement.index } : { index: statement.index, sid: statement.sid };
}
