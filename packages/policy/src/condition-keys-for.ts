import type { OperationName } from "@keypolicy/core";
import type { ConditionKeys } from "./evaluate-condition.js";

/** The caller of a request, as the authenticator knows it. */
export interface RequestPrincipal {
  /** The ARN that signed: account root, IAM user, or STS assumed-role session. */
  readonly principalArn: string;
  readonly accountId: string;
  /**
   * For an assumed-role session, the role's ARN with its path (`arn:aws:iam::<acct>:role/<path/>Name`); without it
   * the role ARN is made from the session ARN with no path [DEC: a session ARN does not carry the path].
   */
  readonly roleArn?: string;
  /** `aws:userid` as `sts get-caller-identity` prints `UserId` (`AIDA…`, `AROA…:<session>`); the root's is its account. */
  readonly userId?: string;
}

/** A KMS key the request is authorized on: the properties the KMS key condition keys read. */
export interface ConditionKeyResource {
  readonly keyArn: string;
  readonly accountId: string;
  readonly keySpec: string;
  readonly keyUsage: string;
  readonly origin: string;
  readonly multiRegion: boolean;
  readonly tags: readonly { readonly TagKey: string; readonly TagValue: string }[];
  /** The names (`alias/…`) of the aliases pointing at the key. */
  readonly aliases: readonly string[];
}

/** The request members the condition keys read, named as on the wire; absent members take AWS's defaults. */
export interface ConditionKeyParameters {
  readonly KeySpec?: string | undefined;
  readonly CustomerMasterKeySpec?: string | undefined;
  readonly KeyUsage?: string | undefined;
  readonly Origin?: string | undefined;
  readonly MultiRegion?: boolean | undefined;
  readonly BypassPolicyLockoutSafetyCheck?: boolean | undefined;
  readonly Tags?: readonly { readonly TagKey: string; readonly TagValue: string }[] | undefined;
  readonly TagKeys?: readonly string[] | undefined;
  /** EnableKeyRotation's rotation period, in days. */
  readonly RotationPeriodInDays?: number | undefined;
  /** ReplicateKey's Region of the new replica. */
  readonly ReplicaRegion?: string | undefined;
  /** UpdatePrimaryRegion's Region of the new primary. */
  readonly PrimaryRegion?: string | undefined;
  /**
   * The encryption context of a cryptographic operation (ReEncrypt: the context of the key being checked), for
   * `kms:EncryptionContext:<key>` and `kms:EncryptionContextKeys`.
   */
  readonly EncryptionContext?: Readonly<Record<string, string>> | undefined;
  /** The algorithm of Encrypt, Decrypt or ReEncrypt (default `SYMMETRIC_DEFAULT`), for `kms:EncryptionAlgorithm`. */
  readonly EncryptionAlgorithm?: string | undefined;
}

/** The operations that take an encryption context and so supply its condition keys [DOC conditions-kms]. */
const ENCRYPTION_CONTEXT_OPERATIONS: ReadonlySet<string> = new Set([
  "Encrypt",
  "Decrypt",
  "ReEncrypt",
  "GenerateDataKey",
  "GenerateDataKeyWithoutPlaintext",
]);
/** The operations that supply `kms:EncryptionAlgorithm` [DOC conditions-kms]. */
const ENCRYPTION_ALGORITHM_OPERATIONS: ReadonlySet<string> = new Set(["Encrypt", "Decrypt", "ReEncrypt"]);

/** Everything {@link conditionKeysFor} builds a request context from. Time and addresses are passed in. */
export interface ConditionKeyRequest {
  readonly operation: OperationName;
  readonly principal: RequestPrincipal;
  /** The region of the request's credential scope. */
  readonly region: string;
  /** Epoch milliseconds. */
  readonly now: number;
  /** Whether the request came over TLS (`aws:SecureTransport`). */
  readonly secureTransport: boolean;
  /** The caller's IP address (IPv4 or IPv6), when the transport knows it. */
  readonly sourceIp?: string;
  /** The resource being authorized: a KMS key, an alias (its account), or none (`*`). */
  readonly resource:
    | { readonly kind: "key"; readonly key: ConditionKeyResource }
    | { readonly kind: "alias"; readonly accountId: string }
    | { readonly kind: "none" };
  /** The alias name the request named the key by (`alias/…`), for `kms:RequestAlias`. */
  readonly requestAlias?: string;
  readonly parameters?: ConditionKeyParameters;
}

const ROOT = /^arn:([a-z-]+):iam::(\d{12}):root$/;
const USER = /^arn:[a-z-]+:iam::\d{12}:user\/(?:.*\/)?([^/]+)$/;
const SESSION = /^arn:([a-z-]+):sts::(\d{12}):assumed-role\/([^/]+)\/[^/]+$/;

/**
 * The condition keys AWS puts in the request context of one KMS permission check, as far as the emulator can know
 * them (values are strings, booleans `"true"`/`"false"`, multi-valued keys string arrays):
 *
 * - every request [DOC IAM global condition keys]: `aws:CurrentTime`, `aws:EpochTime`, `aws:PrincipalArn` (the role
 *   ARN for a role session), `aws:PrincipalAccount`, `aws:PrincipalType` (`Account`, `User`, `AssumedRole`),
 *   `aws:userid` (when known; the account ID for the root), `aws:username` (IAM users only), `aws:RequestedRegion`,
 *   `aws:SecureTransport`, `aws:SourceIp` (when known), `aws:ResourceAccount` (the key's or alias's account; the
 *   caller's for operations on no resource [DEC]), and `kms:CallerAccount` [DOC conditions-kms];
 * - on a KMS key (KMS key resource operations [DOC conditions-kms]): `aws:ResourceTag/<key>`, `kms:ResourceAliases`,
 *   and the key's `kms:KeySpec`, `kms:KeyUsage`, `kms:KeyOrigin`, `kms:MultiRegion`;
 * - CreateKey: `kms:KeySpec`, `kms:KeyUsage`, `kms:KeyOrigin`, `kms:MultiRegion` from the request, defaults included
 *   [DOC: "works even when the parameter doesn't appear in the request"], `kms:BypassPolicyLockoutSafetyCheck`, and
 *   for `Tags` `aws:RequestTag/<key>` and `aws:TagKeys`;
 * - PutKeyPolicy: `kms:BypassPolicyLockoutSafetyCheck`; TagResource: `aws:RequestTag/<key>`, `aws:TagKeys`;
 *   UntagResource: `aws:TagKeys` [DOC]; EnableKeyRotation: `kms:RotationPeriodInDays` when the request gives one [DOC
 *   conditions-kms; DEC: absent otherwise, the default is not documented as present]; ReplicateKey:
 *   `kms:ReplicaRegion`; UpdatePrimaryRegion: `kms:PrimaryRegion` [DOC conditions-kms];
 * - `kms:RequestAlias` when the request named the key by an alias [DOC alias-authorization.html].
 *
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 */
export function conditionKeysFor(request: ConditionKeyRequest): ConditionKeys {
  const { principal, resource, parameters = {} } = request;
  const keys: Record<string, string | readonly string[]> = {
    "aws:CurrentTime": new Date(request.now).toISOString().replace(/\.\d{3}Z$/, "Z"),
    "aws:EpochTime": String(Math.floor(request.now / 1000)),
    ...principalKeys(principal),
    "aws:RequestedRegion": request.region,
    "aws:SecureTransport": String(request.secureTransport),
    "kms:CallerAccount": principal.accountId,
    "aws:ResourceAccount":
      resource.kind === "key"
        ? resource.key.accountId
        : resource.kind === "alias"
          ? resource.accountId
          : principal.accountId,
  };
  if (request.sourceIp !== undefined) keys["aws:SourceIp"] = request.sourceIp;
  if (request.requestAlias !== undefined) keys["kms:RequestAlias"] = request.requestAlias;

  if (resource.kind === "key") {
    const { key } = resource;
    for (const tag of key.tags) keys[`aws:ResourceTag/${tag.TagKey}`] = tag.TagValue;
    keys["kms:ResourceAliases"] = key.aliases;
    Object.assign(keys, keyProperties(key.keySpec, key.keyUsage, key.origin, key.multiRegion));
  }
  if (ENCRYPTION_CONTEXT_OPERATIONS.has(request.operation)) {
    const context = parameters.EncryptionContext ?? {};
    // [DOC] conditions-kms: kms:EncryptionContext:<key> per pair; kms:EncryptionContextKeys lists the keys (absent
    // keys then make ForAnyValue false and ForAllValues true, as IAM's multivalued rules say).
    for (const [k, v] of Object.entries(context)) keys[`kms:EncryptionContext:${k}`] = v;
    keys["kms:EncryptionContextKeys"] = Object.keys(context);
  }
  if (ENCRYPTION_ALGORITHM_OPERATIONS.has(request.operation)) {
    keys["kms:EncryptionAlgorithm"] = parameters.EncryptionAlgorithm ?? "SYMMETRIC_DEFAULT";
  }
  switch (request.operation) {
    case "CreateKey":
      Object.assign(
        keys,
        keyProperties(
          parameters.KeySpec ?? parameters.CustomerMasterKeySpec ?? "SYMMETRIC_DEFAULT",
          parameters.KeyUsage ?? "ENCRYPT_DECRYPT",
          parameters.Origin ?? "AWS_KMS",
          parameters.MultiRegion ?? false,
        ),
        requestTagKeys(parameters.Tags ?? []),
      );
      keys["kms:BypassPolicyLockoutSafetyCheck"] = String(parameters.BypassPolicyLockoutSafetyCheck ?? false);
      break;
    case "PutKeyPolicy":
      keys["kms:BypassPolicyLockoutSafetyCheck"] = String(parameters.BypassPolicyLockoutSafetyCheck ?? false);
      break;
    case "TagResource":
      Object.assign(keys, requestTagKeys(parameters.Tags ?? []));
      break;
    case "UntagResource":
      keys["aws:TagKeys"] = parameters.TagKeys ?? [];
      break;
    case "ReplicateKey":
      if (parameters.ReplicaRegion !== undefined) keys["kms:ReplicaRegion"] = parameters.ReplicaRegion;
      break;
    case "UpdatePrimaryRegion":
      if (parameters.PrimaryRegion !== undefined) keys["kms:PrimaryRegion"] = parameters.PrimaryRegion;
      break;
    case "EnableKeyRotation":
      if (parameters.RotationPeriodInDays !== undefined) {
        keys["kms:RotationPeriodInDays"] = String(parameters.RotationPeriodInDays);
      }
      break;
    default:
      break;
  }
  return keys;
}

/**
 * `aws:PrincipalArn` as IAM compares it: the caller's ARN, but for an assumed-role session the role's ARN
 * (`principal.roleArn`, else `arn:<partition>:iam::<acct>:role/<name>` without a path [DEC]).
 */
export function principalArnFor(principal: RequestPrincipal): string {
  const session = SESSION.exec(principal.principalArn);
  if (!session) return principal.principalArn;
  return principal.roleArn ?? `arn:${session[1]}:iam::${session[2]}:role/${session[3]}`;
}

function principalKeys(principal: RequestPrincipal): Record<string, string> {
  const keys: Record<string, string> = {
    "aws:PrincipalArn": principalArnFor(principal),
    "aws:PrincipalAccount": principal.accountId,
  };
  const user = USER.exec(principal.principalArn);
  if (ROOT.test(principal.principalArn)) {
    keys["aws:PrincipalType"] = "Account";
    keys["aws:userid"] = principal.userId ?? principal.accountId;
  } else if (user?.[1] !== undefined) {
    keys["aws:PrincipalType"] = "User";
    keys["aws:username"] = user[1];
  } else if (SESSION.test(principal.principalArn)) {
    keys["aws:PrincipalType"] = "AssumedRole";
  }
  if (principal.userId !== undefined) keys["aws:userid"] = principal.userId;
  return keys;
}

function keyProperties(
  keySpec: string,
  keyUsage: string,
  origin: string,
  multiRegion: boolean,
): Record<string, string> {
  return {
    "kms:KeySpec": keySpec,
    "kms:KeyUsage": keyUsage,
    "kms:KeyOrigin": origin,
    "kms:MultiRegion": String(multiRegion),
  };
}

function requestTagKeys(
  tags: readonly { readonly TagKey: string; readonly TagValue: string }[],
): Record<string, string | readonly string[]> {
  const keys: Record<string, string | readonly string[]> = {};
  for (const tag of tags) keys[`aws:RequestTag/${tag.TagKey}`] = tag.TagValue;
  if (tags.length > 0) keys["aws:TagKeys"] = tags.map((tag) => tag.TagKey);
  return keys;
}
