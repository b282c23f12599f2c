import { createKmsError, err, type KmsError, messages, ok, type Result } from "@keypolicy/core";
import { parseConditionOperator } from "./condition-operator.js";
import { type JsonNode, getMember, uniqueMembers } from "./json-node.js";
import type { KeyPolicy, KeyPolicyStatement, PolicyCondition, PrincipalEntry, PrincipalType } from "./key-policy.js";
import { policyMessages } from "./policy-messages.js";
import { isPrincipalType, isValidPrincipal } from "./principal-format.js";

// Internal: the statement rules shared by readKeyPolicy (key policies) and readIdentityPolicy (IAM identity policies).
// Not exported from the package index.

/** Which statement rules apply: KMS's key-policy rules, or IAM's identity-policy rules. */
export type PolicyKind = "key" | "identity";

/** Options of the reader; `principalExists` only matters for key policies. */
export interface ReadPolicyOptions {
  readonly principalExists?: (type: PrincipalType, value: string) => boolean;
}

// [RPT] IAM's answers to identity policies that break its rules: hashicorp/terraform#13449 (a Principal),
// trussworks/terraform-aws-s3-anti-virus#21 (a Resource that is not an ARN). NotPrincipal gets the same text [DEC].
export const identityPolicyMessages = {
  principalNotAllowed: () => "Policy document should not specify a principal.",
  resourceNotArn: (resource: string) => `Resource ${resource} must be in ARN format or "*".`,
} as const;

// [DEC] The grammar's elements. Others (typos such as "Actions") are refused rather than silently ignored.
const POLICY_ELEMENTS = new Set(["Version", "Id", "Statement"]);
const STATEMENT_ELEMENTS = new Set([
  "Sid",
  "Effect",
  "Principal",
  "NotPrincipal",
  "Action",
  "NotAction",
  "Resource",
  "NotResource",
  "Condition",
]);
// [DEC] Version is optional; when present it must be one of the two IAM policy language versions.
const VERSIONS = new Set(["2012-10-17", "2008-10-17"]);
const ACTION = /^(?:\*|[A-Za-z0-9-]+:[A-Za-z0-9*?]+)$/;

type Check<T> = Result<T, KmsError>;

/** Reads a parsed policy document under the statement rules of `kind`; see readKeyPolicy and readIdentityPolicy. */
export function readPolicyDocument(
  document: JsonNode,
  kind: PolicyKind,
  options: ReadPolicyOptions = {},
): Result<KeyPolicy> {
  if (document.kind !== "object") return malformed(policyMessages.notAJsonObject());
  const members = uniqueMembers(document);
  const unknown = members.find((m) => !POLICY_ELEMENTS.has(m.name));
  if (unknown) return malformed(policyMessages.unsupportedElement(unknown.name));

  const version = getMember(document, "Version");
  if (version && (version.kind !== "string" || !VERSIONS.has(version.value))) {
    return malformed(policyMessages.unsupportedVersion());
  }
  const id = getMember(document, "Id");
  if (id && id.kind !== "string") return malformed(policyMessages.invalidId());

  const statementNode = getMember(document, "Statement");
  const items = statementNode?.kind === "array" ? statementNode.items : statementNode ? [statementNode] : [];
  if (items.length === 0) return malformed(policyMessages.invalidStatement());

  const statements: KeyPolicyStatement[] = [];
  for (const [index, item] of items.entries()) {
    const statement = readStatement(item, index, kind, options);
    if (!statement.success) return statement;
    statements.push(statement.data);
  }
  return ok({
    ...(kind === "identity" ? { kind } : {}),
    ...(version?.kind === "string" ? { version: version.value } : {}),
    ...(id?.kind === "string" ? { id: id.value } : {}),
    statements,
  });
}

function readStatement(
  node: JsonNode,
  index: number,
  kind: PolicyKind,
  options: ReadPolicyOptions,
): Check<KeyPolicyStatement> {
  if (node.kind !== "object") return malformed(policyMessages.invalidStatement());
  const members = uniqueMembers(node);
  const unknown = members.find((m) => !STATEMENT_ELEMENTS.has(m.name));
  if (unknown) return malformed(policyMessages.unsupportedElement(unknown.name));
  const get = (name: string) => members.find((m) => m.name === name)?.value;

  const sid = get("Sid");
  if (sid && sid.kind !== "string") return malformed(policyMessages.invalidSid());
  const effect = get("Effect");
  if (effect?.kind !== "string" || (effect.value !== "Allow" && effect.value !== "Deny")) {
    return malformed(policyMessages.invalidEffect());
  }
  const principals =
    kind === "key"
      ? readPrincipals(get("Principal"), get("NotPrincipal"), options)
      : get("Principal") || get("NotPrincipal")
        ? malformed(identityPolicyMessages.principalNotAllowed())
        : ok({ entries: [], negated: false });
  if (!principals.success) return principals;
  const actions = readActions(get("Action"), get("NotAction"));
  if (!actions.success) return actions;
  const resources =
    kind === "key"
      ? readKeyResources(get("Resource"), get("NotResource"))
      : readIdentityResources(get("Resource"), get("NotResource"));
  if (!resources.success) return resources;
  const conditions = readConditions(get("Condition"));
  if (!conditions.success) return conditions;

  return ok({
    index,
    ...(sid?.kind === "string" ? { sid: sid.value } : {}),
    effect: effect.value,
    principals: principals.data.entries,
    notPrincipal: principals.data.negated,
    actions: actions.data.patterns,
    notAction: actions.data.negated,
    resources: resources.data.patterns,
    notResource: resources.data.negated,
    conditions: conditions.data,
  });
}

function readPrincipals(
  principal: JsonNode | undefined,
  notPrincipal: JsonNode | undefined,
  options: ReadPolicyOptions,
): Check<{ entries: readonly PrincipalEntry[]; negated: boolean }> {
  if (principal && notPrincipal) return malformed(policyMessages.conflictingElements("Principal", "NotPrincipal"));
  const node = principal ?? notPrincipal;
  if (!node) return malformed(messages.policyNoPrincipal());
  const entries = principalEntries(node);
  const valid =
    entries !== undefined &&
    entries.length > 0 &&
    entries.every(
      (e) =>
        isValidPrincipal(e.type, e.value) && (e.value === "*" || (options.principalExists?.(e.type, e.value) ?? true)),
    );
  if (!valid) return malformed(messages.policyInvalidPrincipals());
  return ok({ entries, negated: node === notPrincipal });
}

/** `"*"`, or an object of principal type → string or array of strings; `undefined` when the shape is wrong. */
function principalEntries(node: JsonNode): PrincipalEntry[] | undefined {
  if (node.kind === "string") return node.value === "*" ? [{ type: "AWS", value: "*" }] : undefined;
  if (node.kind !== "object") return undefined;
  const entries: PrincipalEntry[] = [];
  for (const { name, value } of uniqueMembers(node)) {
    const values = stringList(value);
    if (!isPrincipalType(name) || values === undefined || values.length === 0) return undefined;
    for (const v of values) entries.push({ type: name, value: v });
  }
  return entries;
}

function readActions(
  action: JsonNode | undefined,
  notAction: JsonNode | undefined,
): Check<{ patterns: readonly string[]; negated: boolean }> {
  if (action && notAction) return malformed(policyMessages.conflictingElements("Action", "NotAction"));
  const node = action ?? notAction;
  const patterns = node && stringList(node);
  if (!node || (patterns !== undefined && patterns.length === 0)) return malformed(policyMessages.noAction());
  if (patterns === undefined || !patterns.every((p) => ACTION.test(p))) {
    return malformed(policyMessages.invalidActions());
  }
  return ok({ patterns, negated: node === notAction });
}

// [RPT] AWS notice: since 2025-08-18 key policy statements need a Resource, and it must be "*"; NotResource is
// treated as having no Resource [DEC]. ["*"] is read as "*" [DEC].
function readKeyResources(resource: JsonNode | undefined, notResource: JsonNode | undefined): Check<Resources> {
  if (!resource || notResource) return malformed(policyMessages.noResource());
  const patterns = stringList(resource);
  if (patterns === undefined || patterns.length !== 1 || patterns[0] !== "*") {
    return malformed(policyMessages.invalidResource());
  }
  return ok({ patterns, negated: false });
}

// [DOC] IAM identity policies need a Resource or a NotResource (not both): "*" or ARNs, wildcards allowed. [DEC] an
// ARN is text starting with "arn:"; what IAM checks beyond that (known services, region rules) is not modelled.
function readIdentityResources(resource: JsonNode | undefined, notResource: JsonNode | undefined): Check<Resources> {
  if (resource && notResource) return malformed(policyMessages.conflictingElements("Resource", "NotResource"));
  const node = resource ?? notResource;
  const patterns = node && stringList(node);
  if (!node || (patterns !== undefined && patterns.length === 0)) return malformed(policyMessages.noResource());
  if (patterns === undefined) return malformed(policyMessages.invalidResource());
  const bad = patterns.find((p) => p !== "*" && !p.startsWith("arn:"));
  if (bad !== undefined) return malformed(identityPolicyMessages.resourceNotArn(bad));
  return ok({ patterns, negated: node === notResource });
}

interface Resources {
  readonly patterns: readonly string[];
  readonly negated: boolean;
}

function readConditions(node: JsonNode | undefined): Check<readonly PolicyCondition[]> {
  if (!node) return ok([]);
  if (node.kind !== "object") return malformed(policyMessages.invalidCondition());
  const conditions: PolicyCondition[] = [];
  for (const { name, value } of uniqueMembers(node)) {
    const operator = parseConditionOperator(name);
    if (!operator) return malformed(policyMessages.unsupportedConditionOperator(name));
    if (value.kind !== "object") return malformed(policyMessages.invalidCondition());
    for (const { name: key, value: keyValues } of uniqueMembers(value)) {
      const values = conditionValues(keyValues);
      if (values === undefined) return malformed(policyMessages.invalidCondition());
      conditions.push({ operator, key, values });
    }
  }
  return ok(conditions);
}

/** A condition's values as text: strings, numbers (raw text) and booleans, alone or in an array [DEC]. */
function conditionValues(node: JsonNode): string[] | undefined {
  const scalar = (n: JsonNode): string | undefined =>
    n.kind === "string" ? n.value : n.kind === "number" ? n.raw : n.kind === "boolean" ? String(n.value) : undefined;
  if (node.kind !== "array") {
    const one = scalar(node);
    return one === undefined ? undefined : [one];
  }
  const values = node.items.map(scalar);
  return values.every((v) => v !== undefined) ? (values as string[]) : undefined;
}

function stringList(node: JsonNode): string[] | undefined {
  if (node.kind === "string") return [node.value];
  if (node.kind !== "array" || !node.items.every((i) => i.kind === "string")) return undefined;
  return node.items.map((i) => (i.kind === "string" ? i.value : ""));
}

function malformed(message: string): { readonly success: false; readonly error: KmsError } {
  return err(createKmsError("MalformedPolicyDocumentException", message));
}
