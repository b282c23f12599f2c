import type { GrantListEntry, Partition } from "@keypolicy/core";
import type { Scope, StoredGrant } from "../store/types.js";
import { keyArnOf } from "./keys.js";

/**
 * Grant tokens [DEC]: AWS's are opaque; the emulator's are `base64url("kpgt1\n<account>\n<region>\n<key ID>\n<grant
 * ID>\n<nonce>")`, so RetireGrant by token finds the grant in its key's account and Region. The nonce (a request ID)
 * makes each CreateGrant answer a new token, also when Name idempotency answers an existing grant ([DOC]
 * API_CreateGrant: retries with the same Name get the original GrantId and a new token).
 */
const TOKEN_PREFIX = "kpgt1";

/** The grant token of `grant`, unique by `nonce`. */
export function encodeGrantToken(
  grant: Pick<StoredGrant, "accountId" | "region" | "keyId" | "grantId">,
  nonce: string,
) {
  const text = [TOKEN_PREFIX, grant.accountId, grant.region, grant.keyId, grant.grantId, nonce].join("\n");
  return btoa(text).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/u, "");
}

/** The grant a token names, or `undefined` for a token the emulator did not hand out. */
export function decodeGrantToken(token: string): (Scope & { keyId: string; grantId: string }) | undefined {
  let text: string;
  try {
    text = atob(token.replaceAll("-", "+").replaceAll("_", "/"));
  } catch {
    return undefined;
  }
  const parts = text.split("\n");
  if (parts.length !== 6 || parts[0] !== TOKEN_PREFIX) return undefined;
  const [, accountId, region, keyId, grantId] = parts as [string, string, string, string, string];
  return { accountId, region, keyId, grantId };
}

/**
 * The `GrantListEntry` of a stored grant, members in the model's order: `KeyId` the key ARN, `CreationDate` epoch
 * seconds, `IssuingAccount` `arn:<partition>:iam::<account>:root` [DOC API_GrantListEntry].
 */
export function toGrantListEntry(grant: StoredGrant, partition: Partition): GrantListEntry {
  const entry: GrantListEntry = {
    KeyId: keyArnOf({ partition, region: grant.region, accountId: grant.accountId, keyId: grant.keyId } as never),
    GrantId: grant.grantId,
  };
  if (grant.name !== undefined) entry.Name = grant.name;
  entry.CreationDate = grant.creationDate / 1000;
  entry.GranteePrincipal = grant.granteePrincipal;
  if (grant.retiringPrincipal !== undefined) entry.RetiringPrincipal = grant.retiringPrincipal;
  entry.IssuingAccount = `arn:${partition}:iam::${grant.issuingAccount}:root`;
  entry.Operations = [...grant.operations];
  if (grant.constraints !== undefined) entry.Constraints = { ...grant.constraints };
  return entry;
}

/** What a grant is asked to allow: an operation, by the principal that calls it, with the request's context. */
export interface GrantRequest {
  readonly operation: string;
  readonly granteePrincipal: string;
  readonly encryptionContext?: Readonly<Record<string, string>>;
}

/**
 * Whether some grant of `grants` allows `request.operation` to `request.granteePrincipal` [DOC grants.html]: the grant
 * names that principal and the operation, and its constraints hold. `EncryptionContextEquals`: the request's
 * encryption context is exactly that map; `EncryptionContextSubset`: the request's context includes every pair of
 * that map (it may have more). A grant with constraints allows no request without an encryption context [DOC
 * API_GrantConstraints: the constraints apply only to operations that accept an encryption context; such a grant
 * allows only the cryptographic operations that pass one], except DescribeKey, RetireGrant and CreateGrant, which
 * take none and which constraints do not restrict [DOC grant-constraints: "the grant allows ... DescribeKey and
 * RetireGrant"; DEC for CreateGrant].
 */
export function grantAllows(grants: readonly StoredGrant[], request: GrantRequest): boolean {
  return grants.some((grant) => {
    if (grant.granteePrincipal !== request.granteePrincipal) return false;
    if (!grant.operations.includes(request.operation)) return false;
    const constraints = grant.constraints;
    if (!constraints || (!constraints.EncryptionContextEquals && !constraints.EncryptionContextSubset)) return true;
    if (NO_CONTEXT_OPERATIONS.has(request.operation)) return true;
    const context = request.encryptionContext;
    if (context === undefined) return false;
    const equals = constraints.EncryptionContextEquals;
    if (equals) {
      const keys = Object.keys(equals);
      if (keys.length !== Object.keys(context).length) return false;
      if (!keys.every((k) => Object.hasOwn(context, k) && context[k] === equals[k])) return false;
    }
    const subset = constraints.EncryptionContextSubset;
    if (subset && !Object.keys(subset).every((k) => Object.hasOwn(context, k) && context[k] === subset[k]))
      return false;
    return true;
  });
}

/** The grant operations that take no encryption context, which grant constraints do not restrict. */
const NO_CONTEXT_OPERATIONS = new Set(["DescribeKey", "RetireGrant", "CreateGrant"]);
