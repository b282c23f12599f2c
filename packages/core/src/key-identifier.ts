import { createKmsError } from "./errors.js";
import { messages } from "./messages.js";
import { err, ok, type Result } from "./result.js";

/**
 * AWS partitions a KMS ARN may name.
 *
 * @see KMS-FIDELITY.md §4 ([DOC])
 */
export const PARTITIONS = [
  "aws",
  "aws-cn",
  "aws-us-gov",
  "aws-iso",
  "aws-iso-b",
  "aws-iso-e",
  "aws-iso-f",
  "aws-eusc",
] as const;

/** An AWS partition, e.g. `"aws"`. */
export type Partition = (typeof PARTITIONS)[number];

/** The parts of a key ARN, `arn:<partition>:kms:<region>:<account>:key/<key-id>`. */
export interface KeyArn {
  readonly partition: Partition;
  readonly region: string;
  readonly accountId: string;
  readonly keyId: string;
}

/** The parts of an alias ARN, `arn:<partition>:kms:<region>:<account>:alias/<name>`; `aliasName` keeps `alias/`. */
export interface AliasArn {
  readonly partition: Partition;
  readonly region: string;
  readonly accountId: string;
  readonly aliasName: string;
}

/**
 * A KMS key identifier, as a caller may give it in a `KeyId` member.
 *
 * - `key-id`: `1234abcd-12ab-34cd-56ef-1234567890ab`, or a multi-Region key ID `mrk-` + 32 lowercase hex;
 * - `key-arn`: `arn:aws:kms:us-east-2:111122223333:key/1234abcd-…`;
 * - `alias-name`: `alias/ExampleAlias`;
 * - `alias-arn`: `arn:aws:kms:us-east-2:111122223333:alias/ExampleAlias`.
 *
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-id
 */
export type KeyIdentifier =
  | { readonly kind: "key-id"; readonly keyId: string }
  | { readonly kind: "key-arn"; readonly arn: KeyArn }
  | { readonly kind: "alias-name"; readonly aliasName: string }
  | { readonly kind: "alias-arn"; readonly arn: AliasArn };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MRK = /^mrk-[0-9a-f]{32}$/;
// Two letters, or `eusc` for the European Sovereign Cloud (`eusc-de-east-1`, [DOC] botocore partitions.json).
const REGION = /^(?:[a-z]{2}|eusc)(?:-[a-z]+)+-\d{1,2}$/;
const ACCOUNT = /^\d{12}$/;
// [DOC] CreateAlias AliasName: 1..256, starting with alias/. The model's pattern ^[a-zA-Z0-9:/_-]+$ admits `:`, but
// no alias can hold one ([RPT] KMS-FIDELITY.md §4a), so a usable alias name is alias/ + [a-zA-Z0-9/_-]+.
const ALIAS_NAME = /^alias\/[a-zA-Z0-9/_-]+$/;
/** Longest alias name, `alias/` included ([DOC] CreateAlias). */
export const MAX_ALIAS_NAME_LENGTH = 256;

/** Whether `s` is a well-formed key ID: a lowercase UUID or a multi-Region key ID (`mrk-` + 32 lowercase hex). */
export function isKeyId(s: string): boolean {
  return UUID.test(s) || MRK.test(s);
}

/** Whether `keyId` is a multi-Region key ID (`mrk-…`). */
export function isMultiRegionKeyId(keyId: string): boolean {
  return MRK.test(keyId);
}

/** Whether `s` is a well-formed 12-digit AWS account ID. */
export function isAccountId(s: string): boolean {
  return ACCOUNT.test(s);
}

/** Whether `s` looks like an AWS region name (`us-east-2`, `us-gov-west-1`, `eu-isoe-west-1`, `eusc-de-east-1`). */
export function isRegion(s: string): boolean {
  return REGION.test(s);
}

/**
 * Whether `s` is a well-formed alias name (`alias/` + `[a-zA-Z0-9/_-]+`, at most 256 characters). A name with `:`
 * passes the model's pattern but is not one: KMS refuses to create it (KMS-FIDELITY.md §4a).
 */
export function isAliasName(s: string): boolean {
  return s.length <= MAX_ALIAS_NAME_LENGTH && ALIAS_NAME.test(s);
}

function isPartition(s: string): s is Partition {
  return (PARTITIONS as readonly string[]).includes(s);
}

/**
 * Parses a KMS ARN for a key or an alias.
 *
 * @returns the ARN parts, or `undefined` when `s` is not a well-formed KMS key or alias ARN.
 */
export function parseKmsArn(
  s: string,
): { kind: "key-arn"; arn: KeyArn } | { kind: "alias-arn"; arn: AliasArn } | undefined {
  const parts = s.split(":");
  if (parts.length !== 6) return undefined;
  const [scheme, partition, service, region, accountId, resource] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (scheme !== "arn" || service !== "kms" || !isPartition(partition)) return undefined;
  if (!isRegion(region) || !isAccountId(accountId)) return undefined;
  if (resource.startsWith("key/")) {
    const keyId = resource.slice(4);
    return isKeyId(keyId) ? { kind: "key-arn", arn: { partition, region, accountId, keyId } } : undefined;
  }
  if (resource.startsWith("alias/")) {
    return isAliasName(resource)
      ? { kind: "alias-arn", arn: { partition, region, accountId, aliasName: resource } }
      : undefined;
  }
  return undefined;
}

/**
 * Parses a `KeyId` member into a {@link KeyIdentifier}.
 *
 * @returns the identifier, or `NotFoundException` `Invalid keyId '<input>'` for anything else (the text real KMS
 *   answers for `fake-key-id`, a UUID without dashes or `mrk-fake`: [REC] KMS-FIDELITY.md §4). A malformed ARN gets
 *   the same answer [DEC].
 */
export function parseKeyIdentifier(input: string): Result<KeyIdentifier> {
  if (isKeyId(input)) return ok({ kind: "key-id", keyId: input });
  if (input.startsWith("arn:")) {
    const arn = parseKmsArn(input);
    if (arn) return ok(arn);
  } else if (input.startsWith("alias/") && isAliasName(input)) {
    return ok({ kind: "alias-name", aliasName: input });
  }
  return err(createKmsError("NotFoundException", messages.invalidKeyId(input)));
}

/** Formats a key ARN. */
export function formatKeyArn(arn: KeyArn): string {
  return `arn:${arn.partition}:kms:${arn.region}:${arn.accountId}:key/${arn.keyId}`;
}

/** Formats an alias ARN (`aliasName` keeps its `alias/` prefix). */
export function formatAliasArn(arn: AliasArn): string {
  return `arn:${arn.partition}:kms:${arn.region}:${arn.accountId}:${arn.aliasName}`;
}

/** Formats a {@link KeyIdentifier} back to the text a caller gives. Inverse of {@link parseKeyIdentifier}. */
export function formatKeyIdentifier(id: KeyIdentifier): string {
  switch (id.kind) {
    case "key-id":
      return id.keyId;
    case "alias-name":
      return id.aliasName;
    case "key-arn":
      return formatKeyArn(id.arn);
    case "alias-arn":
      return formatAliasArn(id.arn);
  }
}

/** The partition a region belongs to (`cn-north-1` → `aws-cn`, `us-gov-west-1` → `aws-us-gov`, …). */
export function partitionOfRegion(region: string): Partition {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  if (region.startsWith("us-isob-")) return "aws-iso-b";
  if (region.startsWith("us-iso-")) return "aws-iso";
  if (region.startsWith("eu-isoe-")) return "aws-iso-e";
  if (region.startsWith("us-isof-")) return "aws-iso-f";
  if (region.startsWith("eusc-")) return "aws-eusc";
  return "aws";
}

/** Who is calling, and where: the account and region a request is scoped to, and the caller's principal ARN. */
export interface CallerScope {
  readonly partition: Partition;
  readonly region: string;
  readonly accountId: string;
  /** The caller's principal ARN, e.g. `arn:aws:iam::111122223333:root` or `arn:aws:iam::111122223333:user/alice`. */
  readonly principalArn: string;
}

/** Where a key identifier points once resolved against the caller: a key, or an alias still to be looked up. */
export type KeyReference =
  | { readonly kind: "key"; readonly arn: KeyArn }
  | { readonly kind: "alias"; readonly arn: AliasArn };

/**
 * How an operation treats key identifiers.
 *
 * - `aliases`: whether alias names and alias ARNs are accepted and resolved to their key. The policy operations do
 *   [DEC KMS-FIDELITY.md §4b: documented as key ID or key ARN only, reports of AWS resolving aliases there are weak;
 *   the emulator can refuse them instead]; CreateAlias/UpdateAlias targets do not [DOC].
 * - `crossAccount`: whether a key ARN of another account may be used. The policy operations say "Cross-account use:
 *   No" [DOC]; they answer AccessDeniedException whether or not the key exists [DEC §4].
 */
export interface KeyIdentifierRules {
  readonly aliases: boolean;
  readonly crossAccount: boolean;
}

/**
 * Resolves a parsed key identifier against the caller's scope, for `action` (e.g. `"kms:GetKeyPolicy"`).
 *
 * @returns a {@link KeyReference} to look up, or:
 *   - `NotFoundException` `Invalid arn <region>` when an ARN names another region ([REC] §4),
 *   - `NotFoundException` `Invalid keyId '<input>'` when aliases are not accepted and one was given ([DEC]),
 *   - `AccessDeniedException` (§8 text) for a key ARN of another account where cross-account use is not allowed.
 */
export function resolveKeyIdentifier(
  id: KeyIdentifier,
  caller: CallerScope,
  rules: KeyIdentifierRules,
  action: string,
): Result<KeyReference> {
  switch (id.kind) {
    case "key-id":
      return ok({
        kind: "key",
        arn: { partition: caller.partition, region: caller.region, accountId: caller.accountId, keyId: id.keyId },
      });
    case "key-arn": {
      const { arn } = id;
      if (arn.region !== caller.region || arn.partition !== caller.partition) {
        return err(createKmsError("NotFoundException", messages.invalidArnRegion(arn.region)));
      }
      if (arn.accountId !== caller.accountId && !rules.crossAccount) {
        return err(
          createKmsError(
            "AccessDeniedException",
            messages.accessDenied(caller.principalArn, action, formatKeyArn(arn), "no-policy"),
          ),
        );
      }
      return ok({ kind: "key", arn });
    }
    case "alias-name":
      if (!rules.aliases) return err(createKmsError("NotFoundException", messages.invalidKeyId(id.aliasName)));
      return ok({
        kind: "alias",
        arn: {
          partition: caller.partition,
          region: caller.region,
          accountId: caller.accountId,
          aliasName: id.aliasName,
        },
      });
    case "alias-arn": {
      const { arn } = id;
      if (!rules.aliases) return err(createKmsError("NotFoundException", messages.invalidKeyId(formatAliasArn(arn))));
      if (arn.region !== caller.region || arn.partition !== caller.partition) {
        return err(createKmsError("NotFoundException", messages.invalidArnRegion(arn.region)));
      }
      // [DEC] Aliases cannot be used across accounts: another account's alias is simply not found.
      if (arn.accountId !== caller.accountId) {
        return err(createKmsError("NotFoundException", messages.aliasNotFound(formatAliasArn(arn))));
      }
      return ok({ kind: "alias", arn });
    }
  }
}
