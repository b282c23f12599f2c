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
const IAM_OR_STS = /^arn:([a-z-]+):(?:iam|sts)::(\d{12}):/;

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
 * Matches a statement's `Principal` (best match of its entries) or `NotPrincipal`.
 *
 * `NotPrincipal` is matched against each principal IAM evaluates for the caller: its account, then for an
 * assumed-role session its role, then the caller itself. The account is listed by its root ARN or its account ID,
 * the role by its ARN (whatever its path), the caller by its own ARN or name; `*` lists them all.
 *
 * - With `Deny` the statement applies to the caller unless **every** one of them is listed [DOC]: IAM denies "all
 *   principals except the ones specified" and evaluates the account (and the role) too, so a `NotPrincipal` naming
 *   only a user still denies that user through its account, and sparing a role session takes the session, the role
 *   and the account.
 * - With `Allow` (which IAM does not support) the statement applies only when **none** of them is listed [DEC, fail
 *   closed: the smallest grant the element can be read as].
 *
 * @param effect - the statement's `Effect`; only `NotPrincipal` depends on it.
 * @returns `"caller"` when a `NotPrincipal` statement applies, else as for `Principal`.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
 */
export function matchPrincipals(
  entries: readonly PrincipalEntry[],
  negated: boolean,
  caller: Caller,
  effect: "Allow" | "Deny" = "Allow",
): PrincipalMatch {
  if (negated) {
    const listed = principalChain(caller).map((link) => entries.some((e) => e.value === "*" || lists(e, link)));
    const applies = effect === "Deny" ? listed.includes(false) : !listed.includes(true);
    return applies ? "caller" : "none";
  }
  const matches = entries.map((e) => matchPrincipalEntry(e, caller));
  if (matches.includes("caller")) return "caller";
  return matches.includes("account") ? "account" : "none";
}

/** One principal IAM evaluates for a caller. */
type ChainLink =
  | { readonly kind: "account"; readonly partition: string; readonly accountId: string }
  | { readonly kind: "role"; readonly partition: string; readonly accountId: string; readonly roleName: string }
  | { readonly kind: "self"; readonly principalArn: string };

/** The account (for an IAM or STS principal), the role (for an assumed-role session), the caller itself. */
function principalChain(caller: Caller): readonly ChainLink[] {
  const self: ChainLink = { kind: "self", principalArn: caller.principalArn };
  const root = ROOT.exec(caller.principalArn);
  const arn = root ?? IAM_OR_STS.exec(caller.principalArn);
  if (!arn) return [self];
  const [, partition = "", accountId = ""] = arn;
  const account: ChainLink = { kind: "account", partition, accountId };
  if (root) return [account];
  const roleName = SESSION.exec(caller.principalArn)?.[3];
  return roleName === undefined ? [account, self] : [account, { kind: "role", partition, accountId, roleName }, self];
}

function lists(entry: PrincipalEntry, link: ChainLink): boolean {
  switch (link.kind) {
    case "self":
      return entry.value === link.principalArn;
    case "account":
      return (
        entry.type === "AWS" &&
        (entry.value === link.accountId || entry.value === `arn:${link.partition}:iam::${link.accountId}:root`)
      );
    case "role": {
      const role = ROLE.exec(entry.value);
      return (
        entry.type === "AWS" && role?.[1] === link.partition && role[2] === link.accountId && role[3] === link.roleName
      );
    }
  }
}
