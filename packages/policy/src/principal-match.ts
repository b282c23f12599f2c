import type { PrincipalEntry } from "./key-policy.js";

/**
 * How a statement's principals matched the caller: `"caller"` (its own ARN, its role, or `*`), `"account"` (only
 * through its account's root or account ID, which delegates to the account's IAM policies, KMS-FIDELITY.md §8) or
 * `"none"`.
 */
export type PrincipalMatch = "caller" | "account" | "none";

/** The caller as the evaluator sees it. */
export interface Caller {
  /** The caller's ARN (IAM user or role, STS session, account root) or a service principal name. */
  readonly principalArn: string;
  /** The caller's 12-digit account. */
  readonly accountId: string;
}

const ROOT = /^arn:([a-z-]+):iam::(\d{12}):root$/;
const ROLE = /^arn:([a-z-]+):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/;
const SESSION = /^arn:([a-z-]+):sts::(\d{12}):assumed-role\/([^/]+)\/[^/]+$/;
const ARN_PARTITION = /^arn:([a-z-]+):/;

/**
 * Matches one principal entry against the caller.
 *
 * - `*` matches everyone; an equal ARN or name matches the caller;
 * - a role ARN matches the role's sessions (`arn:aws:sts::<acct>:assumed-role/<role>/<session>`), paths ignored
 *   [DOC IAM "role session principals"];
 * - `arn:<partition>:iam::<acct>:root` or a bare `<acct>` matches every principal of that account (and partition)
 *   as `"account"`, unless the caller is that root itself;
 * - wildcards inside an ARN have no meaning (IAM forbids them in principals); such an entry matches only itself.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 */
export function matchPrincipalEntry(entry: PrincipalEntry, caller: Caller): PrincipalMatch {
  const { value } = entry;
  if (value === "*" || value === caller.principalArn) return "caller";
  if (entry.type !== "AWS") return "none";
  if (/^\d{12}$/.test(value)) return value === caller.accountId ? "account" : "none";
  const root = ROOT.exec(value);
  if (root) {
    const callerPartition = ARN_PARTITION.exec(caller.principalArn)?.[1];
    const samePartition = callerPartition === undefined || callerPartition === root[1];
    return root[2] === caller.accountId && samePartition ? "account" : "none";
  }
  const role = ROLE.exec(value);
  const session = SESSION.exec(caller.principalArn);
  if (role && session && role[1] === session[1] && role[2] === session[2] && role[3] === session[3]) return "caller";
  return "none";
}

/**
 * Matches a statement's `Principal` (best match of its entries) or `NotPrincipal` (`"caller"` when no entry
 * matches the caller, else `"none"`).
 */
export function matchPrincipals(entries: readonly PrincipalEntry[], negated: boolean, caller: Caller): PrincipalMatch {
  const matches = entries.map((e) => matchPrincipalEntry(e, caller));
  if (negated) return matches.every((m) => m === "none") ? "caller" : "none";
  if (matches.includes("caller")) return "caller";
  return matches.includes("account") ? "account" : "none";
}
