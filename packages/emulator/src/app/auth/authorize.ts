import { createKmsError, type OperationName, type Result, err, ok } from "@keypolicy/core";
import {
  type ConditionKeyParameters,
  type ConditionKeyRequest,
  type ConditionKeyResource,
  type ConditionKeys,
  type KeyPolicy,
  authorizationOf,
  authorize,
  conditionKeysFor,
  formatAccessDenied,
  memberPermissionsOf,
  operationOfAction,
} from "@keypolicy/policy";
import { grantAllows } from "../grants.js";
import type { StoredKey } from "../../store/types.js";
import type { OperationContext } from "../deps.js";

/** A key a request is authorized on: the stored key, its ARN, and the alias the request named it by, if any. */
export interface KeyToAuthorize {
  readonly key: StoredKey;
  readonly arn: string;
  /** `kms:RequestAlias`: the alias name (`alias/…`) the request used for the key. */
  readonly requestAlias?: string;
}

/** The resource of one check, as {@link authorizeResource} takes it. */
export type ResourceToAuthorize =
  | { readonly resource: "key" | "current-key"; readonly key: KeyToAuthorize }
  | { readonly resource: "alias"; readonly aliasArn: string }
  | { readonly resource: "*" }
  | { readonly resource: "all-keys" };

/**
 * Authorizes one check of an operation when key policies are enforced (`config.enforceKeyPolicies`; otherwise every
 * check passes): the resource must be one the operation's row of the authorization table lists (a handler asking for
 * another is a bug and throws). The decision is `authorize` of `@keypolicy/policy` with the key's policy (for key
 * resources), the caller's identity policies, and the request context of `conditionKeysFor`.
 *
 * @param parameters - the request's members the condition keys read (`Tags`, `TagKeys`, `BypassPolicyLockoutSafetyCheck`, …).
 * @returns nothing, or AccessDeniedException with AWS's text (`formatAccessDenied`), naming the key ARN, the alias ARN,
 *   or `*`.
 */
export async function authorizeResource(
  ctx: OperationContext,
  operation: OperationName,
  target: ResourceToAuthorize,
  parameters?: ConditionKeyParameters,
): Promise<Result<undefined>> {
  if (!ctx.config.enforceKeyPolicies) return ok(undefined);
  const { action, resources } = authorizationOf(operation);
  if (!resources.some((r) => r.resource === target.resource))
    throw new Error(`${operation} is not authorized on ${target.resource} (authorization table)`);
  return checkPermission(ctx, operation, action, target, parameters);
}

/**
 * Authorizes `action` on an AWS managed key by its key policy when key policies are not enforced (when they are,
 * {@link authorizeResource} does so for every key). AWS managed keys' policies let the account only read them
 * directly (app/managed-keys.ts), so this is how every customer-only operation on them gets AWS's
 * AccessDeniedException, also in the default lenient mode: PutKeyPolicy, DisableKey, ScheduleKeyDeletion,
 * EnableKeyRotation, TagResource, UpdateKeyDescription, … The caller's identity policies (sigv4 mode) take part as
 * always.
 */
export async function authorizeManagedKey(
  ctx: OperationContext,
  action: string,
  key: KeyToAuthorize,
  parameters?: ConditionKeyParameters,
): Promise<Result<undefined>> {
  const operation = operationOfAction(action);
  if (operation === undefined) throw new Error(`no operation authorizes ${action}`);
  return checkPermission(ctx, operation, action, { resource: "key", key }, parameters);
}

/**
 * Authorizes a second action of an operation on a key, besides the operation's own (ReEncrypt's `kms:ReEncryptTo` on
 * its destination key [DOC API_ReEncrypt "Required permissions"]): when key policies are enforced, or for an AWS
 * managed key always, as {@link authorizeResource} and {@link authorizeManagedKey} do for the operation's own action.
 */
export async function authorizeKeyAction(
  ctx: OperationContext,
  operation: OperationName,
  action: string,
  key: KeyToAuthorize,
  parameters?: ConditionKeyParameters,
): Promise<Result<undefined>> {
  if (!ctx.config.enforceKeyPolicies && key.key.keyManager !== "AWS") return ok(undefined);
  return checkPermission(ctx, operation, action, { resource: "key", key }, parameters);
}

/**
 * Authorizes the permissions the request's members call for ({@link memberPermissionsOf}: CreateKey's `Tags` needs
 * `kms:TagResource` on every key of the account and Region, in an IAM policy), after the operation's own checks.
 *
 * @returns nothing, or AccessDeniedException with AWS's text, which names no resource [RPT, `formatAccessDenied`].
 */
export async function authorizeMemberPermissions(
  ctx: OperationContext,
  operation: OperationName,
  parameters: ConditionKeyParameters,
): Promise<Result<undefined>> {
  if (!ctx.config.enforceKeyPolicies) return ok(undefined);
  for (const permission of memberPermissionsOf(operation, parameters)) {
    if (permission.resource.resource !== "all-keys")
      throw new Error(`${operation}: member permissions on ${permission.resource.resource} are not implemented`);
    const checked = await checkPermission(ctx, operation, permission.action, { resource: "all-keys" }, parameters);
    if (!checked.success) return checked;
  }
  return ok(undefined);
}

async function checkPermission(
  ctx: OperationContext,
  operation: OperationName,
  action: string,
  target: ResourceToAuthorize,
  parameters: ConditionKeyParameters | undefined,
): Promise<Result<undefined>> {
  const { caller } = ctx;
  const resourceArn =
    target.resource === "alias"
      ? target.aliasArn
      : target.resource === "*"
        ? "*"
        : target.resource === "all-keys"
          ? `arn:${caller.partition}:kms:${caller.region}:${caller.accountId}:key/*`
          : target.key.arn;
  const identityPolicies = caller.identity?.identityPolicies?.map((text) => ctx.readPolicy(text, "identity") ?? null);
  const keyPolicy = "key" in target ? (ctx.readPolicy(target.key.key.policy) ?? null) : undefined;
  // The key's aliases cost a store read; only a policy that names kms:ResourceAliases can use them.
  const readAliases = [keyPolicy, ...(identityPolicies ?? [])].some(
    (policy) => policy != null && namesResourceAliases(policy),
  );
  const context = {
    principalArn: caller.principalArn,
    accountId: caller.accountId,
    action,
    resourceArn,
    keyAccountId: "key" in target ? target.key.key.accountId : caller.accountId,
    conditionKeys: await requestConditionKeys(ctx, operation, target, parameters, readAliases),
  };
  const decision = authorize({
    context,
    ...(identityPolicies === undefined ? {} : { identityPolicies }),
    ...(keyPolicy === undefined ? {} : { keyPolicy }),
  });
  if (decision.allowed) return ok(undefined);
  // [DOC] grants.html, authorize.html: a grant allows its operations to its grantee without a policy allowing them;
  // an explicit Deny in a policy still refuses.
  if (
    decision.reason !== "explicit-deny" &&
    "key" in target &&
    (await grantAllowsCaller(ctx, action, target.key, parameters))
  )
    return ok(undefined);
  const named = target.resource === "all-keys" ? undefined : resourceArn;
  return err(createKmsError("AccessDeniedException", formatAccessDenied(decision, caller.principalArn, action, named)));
}

/** The most grants read per page when looking for one that allows a request. */
const GRANT_PAGE = 100;

/**
 * Whether a grant on the key allows `action` (the grant operation of the same name: `kms:ReEncryptFrom` →
 * `ReEncryptFrom`) to the caller: its grantee is the caller's ARN, or for a role session the role's ARN [DOC grants:
 * "the grantee principal ... can be an IAM role"], and its constraints hold for the request's encryption context.
 */
async function grantAllowsCaller(
  ctx: OperationContext,
  action: string,
  key: KeyToAuthorize,
  parameters: ConditionKeyParameters | undefined,
): Promise<boolean> {
  const operation = action.slice("kms:".length);
  const principals = new Set([ctx.caller.principalArn, roleArnOfSession(ctx)].filter((p) => p !== undefined));
  for (const granteePrincipal of principals) {
    let after: string | undefined;
    for (;;) {
      const page = await ctx.store.listGrants(key.key, key.key.keyId, {
        granteePrincipal,
        limit: GRANT_PAGE,
        ...(after === undefined ? {} : { after }),
      });
      const request = {
        operation,
        granteePrincipal,
        ...(parameters?.EncryptionContext === undefined ? {} : { encryptionContext: parameters.EncryptionContext }),
      };
      if (grantAllows(page.items, request)) return true;
      after = page.items.at(-1)?.grantId;
      if (!page.truncated || after === undefined) break;
    }
  }
  return false;
}

const SESSION = /^arn:([a-z-]+):sts::(\d{12}):assumed-role\/([^/]+)\/[^/]+$/;

/** For an assumed-role session, its role's ARN (the identity's, else made without a path as IAM does). */
function roleArnOfSession(ctx: OperationContext): string | undefined {
  const session = SESSION.exec(ctx.caller.principalArn);
  if (!session) return undefined;
  return ctx.caller.identity?.roleArn ?? `arn:${session[1]}:iam::${session[2]}:role/${session[3]}`;
}

function namesResourceAliases(policy: KeyPolicy): boolean {
  return policy.statements.some((statement) =>
    statement.conditions.some((c) => c.key.toLowerCase() === "kms:resourcealiases"),
  );
}

/**
 * The request context of one check ({@link conditionKeysFor}): the caller as authenticated, the transport's facts,
 * and for a key its properties, tags and (with `readAliases`, read from the store) aliases.
 */
export async function requestConditionKeys(
  ctx: OperationContext,
  operation: OperationName,
  target: ResourceToAuthorize,
  parameters?: ConditionKeyParameters,
  readAliases = true,
): Promise<ConditionKeys> {
  const resource: ConditionKeyRequest["resource"] =
    "key" in target
      ? { kind: "key", key: await conditionKeyResource(ctx, target.key, readAliases) }
      : target.resource === "alias"
        ? { kind: "alias", accountId: ctx.caller.accountId }
        : { kind: "none" };
  const requestAlias = "key" in target ? target.key.requestAlias : undefined;
  return conditionKeysFor({
    ...callerFacts(ctx, operation, parameters),
    resource,
    ...(requestAlias === undefined ? {} : { requestAlias }),
  });
}

/**
 * The request context without a resource: what the caller and the transport contribute. The lockout safety check of
 * PutKeyPolicy and CreateKey evaluates the new policy with it, so `aws:PrincipalArn` is the role ARN for a role
 * session there too [DEC: AWS does not document the lockout check's context].
 */
export function callerConditionKeys(
  ctx: OperationContext,
  operation: OperationName,
  parameters?: ConditionKeyParameters,
): ConditionKeys {
  return conditionKeysFor({ ...callerFacts(ctx, operation, parameters), resource: { kind: "none" } });
}

function callerFacts(ctx: OperationContext, operation: OperationName, parameters: ConditionKeyParameters | undefined) {
  const { caller, request } = ctx;
  const identity = caller.identity;
  return {
    operation,
    principal: {
      principalArn: caller.principalArn,
      accountId: caller.accountId,
      ...(identity?.roleArn === undefined ? {} : { roleArn: identity.roleArn }),
      ...(identity?.userId === undefined ? {} : { userId: identity.userId }),
    },
    region: caller.region,
    now: ctx.clock.now(),
    secureTransport: ctx.config.secureTransport,
    ...(request?.sourceIp === undefined ? {} : { sourceIp: request.sourceIp }),
    ...(parameters === undefined ? {} : { parameters }),
  };
}

/** The most aliases read per page when collecting `kms:ResourceAliases`. */
const ALIAS_PAGE = 100;

async function conditionKeyResource(
  ctx: OperationContext,
  { key, arn }: KeyToAuthorize,
  readAliases: boolean,
): Promise<ConditionKeyResource> {
  const aliases: string[] = [];
  let after: string | undefined;
  while (readAliases) {
    const page = await ctx.store.listAliases(key, {
      targetKeyId: key.keyId,
      limit: ALIAS_PAGE,
      ...(after === undefined ? {} : { after }),
    });
    aliases.push(...page.items.map((alias) => alias.aliasName));
    after = page.items.at(-1)?.aliasName;
    if (!page.truncated || after === undefined) break;
  }
  return {
    keyArn: arn,
    accountId: key.accountId,
    keySpec: key.keySpec,
    keyUsage: key.keyUsage,
    origin: key.origin,
    multiRegion: key.multiRegion,
    tags: key.tags,
    aliases,
  };
}
