import { isRegion, PARTITIONS, type Partition, type Result, err, ok } from "@keypolicy/core";
import { z } from "zod";
import { readIdentityPolicyText } from "./key-policy-cache.js";

/**
 * One caller the emulator knows in `sigv4` mode: an access key and its secret, and who it is.
 *
 * - `principalArn`: `arn:<partition>:iam::<account>:root`, `…:user/<path/>name`, `…:role/<path/>name`, or
 *   `arn:<partition>:sts::<account>:assumed-role/<role>/<session>`.
 * - `sessionToken`: when set, every request must carry it in `X-Amz-Security-Token` (temporary credentials).
 * - `identityPolicies`: IAM policy documents (JSON text) attached to the identity, read with IAM's identity-policy
 *   rules (`Resource` / `NotResource` of `"*"` or ARN patterns, no `Principal`). They limit what a key policy that
 *   delegates to the account root allows this identity; none means the identity may use whatever the account may
 *   ([DEC] an administrator, the usual local set-up).
 */
export interface Identity {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  readonly accountId: string;
  readonly partition: Partition;
  readonly principalArn: string;
  readonly identityPolicies?: readonly string[];
  /** For an assumed-role session: the role's ARN with its path (`aws:PrincipalArn`); default: no path [DEC]. */
  readonly roleArn?: string;
  /** `aws:userid`, as `sts get-caller-identity` prints `UserId`; default: the account for the root, else none. */
  readonly userId?: string;
}

/** The identities of one emulator instance, and optionally the regions its endpoint serves. */
export interface Identities {
  readonly identities: readonly Identity[];
  /** Regions a credential scope may name; absent: any region (the emulator serves every region). */
  readonly regions?: readonly string[];
}

/** One problem in an identities file: the member path (`identities[1].SecretAccessKey`) and what is wrong. */
export interface IdentitiesProblem {
  readonly path: string;
  readonly message: string;
}

// [DOC] IAM ARN forms: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns
const PARTITION = `(${PARTITIONS.join("|")})`;
const PRINCIPAL_ARN = new RegExp(
  `^arn:${PARTITION}:(?:iam::(\\d{12}):(?:root|(?:user|role)/(?:[\\x21-\\x7e]+/)?[\\w+=,.@-]{1,128})|sts::(\\d{12}):assumed-role/[\\w+=,.@-]{1,64}/[\\w+=,.@-]{2,64})$`,
);

// The role of an assumed-role session, with its path: arn:<partition>:iam::<account>:role/<path/>name.
const ROLE_ARN = new RegExp(`^arn:${PARTITION}:iam::(\\d{12}):role/(?:[\\x21-\\x7e]+/)?([\\w+=,.@-]{1,64})$`);

const PolicyDocument = z.union([
  z.string().min(1, "must be a policy document"),
  z.record(z.string(), z.unknown()).transform((value) => JSON.stringify(value)),
]);

const IdentityEntry = z
  .object({
    // [DOC] IAM access key IDs are 16–128 characters \w; [DEC] shorter ones (`test`, as local tools use) are accepted.
    AccessKeyId: z.string().regex(/^\w{1,128}$/, "must be 1 to 128 letters, digits or underscores"),
    SecretAccessKey: z.string().min(1, "must not be empty"),
    SessionToken: z.string().min(1, "must not be empty").optional(),
    PrincipalArn: z.string().regex(PRINCIPAL_ARN, "must be an IAM root, user or role ARN, or an STS assumed-role ARN"),
    AccountId: z
      .string()
      .regex(/^\d{12}$/, "must be a 12-digit account ID")
      .optional(),
    IdentityPolicies: z.array(PolicyDocument).optional(),
    RoleArn: z.string().regex(ROLE_ARN, "must be an IAM role ARN").optional(),
    // [DOC] STS GetCallerIdentity UserId: a unique ID (`AIDA…`), `<role ID>:<session>`, or the account for the root.
    UserId: z
      .string()
      .regex(/^[\w+=,.@:-]{1,256}$/, "must be a unique ID such as AIDAEXAMPLE or AROAEXAMPLE:session")
      .optional(),
  })
  .strict();

/**
 * The identities file (YAML or JSON): `identities` (a list of `AccessKeyId`, `SecretAccessKey`, optional
 * `SessionToken`, `PrincipalArn`, optional `AccountId` that must match the ARN, optional `IdentityPolicies`, optional
 * `RoleArn` (an assumed-role session's role with its path, for `aws:PrincipalArn`), optional `UserId`
 * (`aws:userid`)), and optional `regions` (the regions a credential scope may name).
 */
export const IdentitiesFile = z
  .object({
    identities: z.array(IdentityEntry),
    regions: z.array(z.string().refine(isRegion, "must be a region name such as us-east-1")).min(1).optional(),
  })
  .strict();

/**
 * Validates a decoded identities file (YAML or JSON value).
 *
 * @returns the identities, or every problem with its member path: schema errors, an `AccountId` that differs from the
 *   `PrincipalArn`'s account, an `AccessKeyId` listed twice, and an identity policy that breaks IAM's rules (with
 *   IAM's message, e.g. `Policy document should not specify a principal.`).
 */
export function parseIdentities(value: unknown): Result<Identities, readonly IdentitiesProblem[]> {
  const parsed = IdentitiesFile.safeParse(value);
  if (!parsed.success) {
    return err(parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })));
  }
  const problems: IdentitiesProblem[] = [];
  const seen = new Set<string>();
  const identities = parsed.data.identities.map((entry, index): Identity => {
    const match = PRINCIPAL_ARN.exec(entry.PrincipalArn);
    const partition = match?.[1] as Partition;
    const accountId = match?.[2] ?? match?.[3] ?? "";
    if (entry.AccountId !== undefined && entry.AccountId !== accountId) {
      problems.push({
        path: `identities[${index}].AccountId`,
        message: `must be the account of PrincipalArn (${accountId})`,
      });
    }
    if (seen.has(entry.AccessKeyId)) {
      problems.push({ path: `identities[${index}].AccessKeyId`, message: `${entry.AccessKeyId} is listed twice` });
    }
    seen.add(entry.AccessKeyId);
    if (entry.RoleArn !== undefined && !isRoleOfSession(entry.RoleArn, entry.PrincipalArn)) {
      problems.push({
        path: `identities[${index}].RoleArn`,
        message: "must be the role of the assumed-role session PrincipalArn",
      });
    }
    entry.IdentityPolicies?.forEach((text, policyIndex) => {
      const read = readIdentityPolicyText(text);
      if (read === undefined || !read.success) {
        const why =
          read === undefined || read.error.message === "" ? "must be a JSON policy document" : read.error.message;
        problems.push({ path: `identities[${index}].IdentityPolicies[${policyIndex}]`, message: why });
      }
    });
    return {
      accessKeyId: entry.AccessKeyId,
      secretAccessKey: entry.SecretAccessKey,
      ...(entry.SessionToken === undefined ? {} : { sessionToken: entry.SessionToken }),
      accountId,
      partition,
      principalArn: entry.PrincipalArn,
      ...(entry.IdentityPolicies === undefined ? {} : { identityPolicies: entry.IdentityPolicies }),
      ...(entry.RoleArn === undefined ? {} : { roleArn: entry.RoleArn }),
      ...(entry.UserId === undefined ? {} : { userId: entry.UserId }),
    };
  });
  if (problems.length > 0) return err(problems);
  return ok(parsed.data.regions === undefined ? { identities } : { identities, regions: parsed.data.regions });
}

/** Whether `roleArn` is the role `sessionArn` (`arn:…:sts::<acct>:assumed-role/<name>/<session>`) is a session of. */
function isRoleOfSession(roleArn: string, sessionArn: string): boolean {
  const role = ROLE_ARN.exec(roleArn);
  const session = /^arn:([a-z-]+):sts::(\d{12}):assumed-role\/([^/]+)\//.exec(sessionArn);
  return (
    role !== null && session !== null && role[1] === session[1] && role[2] === session[2] && role[3] === session[3]
  );
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of path) {
    out += typeof segment === "number" ? `[${segment}]` : out === "" ? String(segment) : `.${String(segment)}`;
  }
  return out === "" ? "(file)" : out;
}
