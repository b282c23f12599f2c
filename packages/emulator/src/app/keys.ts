import {
  OPERATIONS,
  createKmsError,
  formatAliasArn,
  formatKeyArn,
  type KeyArn,
  type KeyIdentifierRules,
  type KeyMetadata,
  type KeyState,
  keyAlgorithms,
  messages,
  type Partition,
  parseKeyIdentifier,
  resolveKeyIdentifier,
  type Result,
  err,
  ok,
} from "@keypolicy/core";
import { applyPatch } from "../store/memory.js";
import type { KeyPatch, StoredAlias, StoredKey } from "../store/types.js";
import { type ConditionKeyParameters, operationOfAction } from "@keypolicy/policy";
import { authorizeManagedKey, authorizeResource } from "./auth/authorize.js";
import type { OperationContext } from "./deps.js";
import { buildManagedAlias, buildManagedKey, isManagedAliasName } from "./managed-keys.js";
import { dueRotations } from "./rotation.js";

/** A key found for a request: the stored record, its ARN, and the alias the request named it by (if it did). */
export interface FoundKey {
  readonly key: StoredKey;
  readonly arn: string;
  readonly requestAlias?: string;
}

/** How {@link findKey} authorizes the key it found. */
export interface FindKeyOptions {
  /**
   * `false` for a key the operation is not authorized on (ListAliases' `KeyId`: IAM only); else the check is the
   * operation's `key` resource (`current-key` for UpdateAlias' current key).
   */
  readonly authorize?: false | "key" | "current-key";
  /** The request members the condition keys read (`Tags`, `TagKeys`, `BypassPolicyLockoutSafetyCheck`). */
  readonly parameters?: ConditionKeyParameters;
}

/**
 * Finds the key a `KeyId` member names: parses it, resolves it against the caller (regions, accounts, aliases), and
 * looks it up. Errors as KMS-FIDELITY.md §4: `Invalid keyId`, `Invalid arn <region>`, AccessDeniedException across
 * accounts, `Alias … is not found.`, `Key '…' does not exist`. A predefined AWS managed alias (`alias/aws/s3`, …)
 * not yet associated gets its AWS managed key here, as AWS makes it on first use (app/managed-keys.ts). Due automatic
 * rotations are applied to the key found (`dueRotations`). Then, when key policies are enforced, authorizes
 * `action` on the key (the operation's row of the authorization table), before any handler looks at its state; an
 * AWS managed key is authorized by its key policy even when they are not (`authorizeManagedKey`).
 */
export async function findKey(
  ctx: OperationContext,
  keyIdInput: string,
  rules: KeyIdentifierRules,
  action: string,
  options: FindKeyOptions = {},
): Promise<Result<FoundKey>> {
  const parsed = parseKeyIdentifier(keyIdInput);
  if (!parsed.success) return parsed;
  const resolved = resolveKeyIdentifier(parsed.data, ctx.caller, rules, action);
  if (!resolved.success) return resolved;
  let arn: KeyArn;
  let requestAlias: string | undefined;
  let managedAlias: StoredAlias | undefined;
  if (resolved.data.kind === "alias") {
    const aliasArn = resolved.data.arn;
    const alias =
      (await ctx.store.getAlias(aliasArn, aliasArn.aliasName)) ?? (await associateManagedAlias(ctx, aliasArn));
    if (!alias) return err(createKmsError("NotFoundException", messages.aliasNotFound(formatAliasArn(aliasArn))));
    arn = {
      partition: aliasArn.partition,
      region: aliasArn.region,
      accountId: aliasArn.accountId,
      keyId: alias.targetKeyId,
    };
    requestAlias = aliasArn.aliasName;
    if (isManagedAliasName(alias.aliasName)) managedAlias = alias;
  } else {
    arn = resolved.data.arn;
  }
  const formatted = formatKeyArn(arn);
  const stored =
    (await ctx.store.getKey(arn, arn.keyId)) ??
    (managedAlias === undefined ? undefined : await createManagedKey(ctx, managedAlias, arn));
  if (!stored) return err(createKmsError("NotFoundException", messages.keyDoesNotExist(formatted)));
  const key = await withSharedProperties(ctx, await materialiseRotations(ctx, stored));
  const found: FoundKey = requestAlias === undefined ? { key, arn: formatted } : { key, arn: formatted, requestAlias };
  const check = options.authorize ?? "key";
  if (check !== false && !ctx.config.enforceKeyPolicies && key.keyManager === "AWS") {
    const allowed = await authorizeManagedKey(ctx, action, found, options.parameters);
    if (!allowed.success) return allowed;
  } else if (check !== false) {
    const operation = operationOfAction(action);
    if (operation === undefined) throw new Error(`no operation authorizes ${action}`);
    const allowed = await authorizeResource(ctx, operation, { resource: check, key: found }, options.parameters);
    if (!allowed.success) return allowed;
  }
  return ok(found);
}

/**
 * Associates a predefined AWS managed alias with a new key ID, the first time a request names it; the key itself is
 * made by {@link createManagedKey} right after. The alias is stored first, so that concurrent first uses agree on one
 * key: the request whose insert loses reads the winner's alias. A request reading the alias between the two writes
 * makes the key itself (same ID: one insert wins, nothing is duplicated).
 *
 * @returns the alias, or `undefined` when `aliasName` is not a predefined one.
 */
async function associateManagedAlias(
  ctx: OperationContext,
  aliasArn: { readonly accountId: string; readonly region: string; readonly aliasName: string },
): Promise<StoredAlias | undefined> {
  if (!isManagedAliasName(aliasArn.aliasName)) return undefined;
  const scope = { accountId: aliasArn.accountId, region: aliasArn.region };
  const alias = buildManagedAlias(aliasArn.aliasName, ctx.ids.keyId(), scope, ctx.clock);
  if (await ctx.store.createAlias(alias)) return alias;
  return ctx.store.getAlias(scope, aliasArn.aliasName);
}

/**
 * Makes the AWS managed key of predefined alias `alias` at `arn` (the alias already points there), dated as the alias
 * [DEC: AWS makes both in one step].
 */
async function createManagedKey(
  ctx: OperationContext,
  alias: StoredAlias,
  arn: KeyArn,
): Promise<StoredKey | undefined> {
  const key = buildManagedKey(alias.aliasName, arn.keyId, arn, { ...ctx, creationDate: alias.creationDate });
  if (await ctx.store.createKey(key)) return key;
  return ctx.store.getKey(arn, arn.keyId);
}

/**
 * Applies the automatic rotations the clock has made due since the key was last read (`dueRotations`), so every
 * operation, DescribeKey's `CurrentKeyMaterialId` included, sees the key as AWS would by now.
 */
async function materialiseRotations(ctx: OperationContext, key: StoredKey): Promise<StoredKey> {
  const patch = dueRotations(key, ctx.clock, ctx.ids);
  if (patch === undefined) return key;
  return (await ctx.store.updateKey(key, key.keyId, patch)) ?? key;
}

/**
 * The fields a multi-Region key's copies share and the primary holds ([DOC] API_ReplicateKey: "the same key ID and key
 * material ... and automatic key rotation status. KMS automatically synchronizes these shared properties"): the key
 * material (current and past) and the automatic rotation schedule.
 */
export function sharedProperties(key: StoredKey): KeyPatch {
  return {
    ...(key.currentKeyMaterialId === undefined ? {} : { currentKeyMaterialId: key.currentKeyMaterialId }),
    ...(key.keyMaterials === undefined ? {} : { keyMaterials: key.keyMaterials }),
    ...(key.keyMaterialSecrets === undefined ? {} : { keyMaterialSecrets: key.keyMaterialSecrets }),
    rotationPeriodInDays: key.rotationPeriodInDays ?? null,
    nextRotationDate: key.nextRotationDate ?? null,
  };
}

/** Whether a stored key is a multi-Region replica: a copy outside its primary's Region. */
export function isReplica(key: StoredKey): boolean {
  return key.multiRegion && key.primaryRegion !== undefined && key.primaryRegion !== key.region;
}

/**
 * The multi-Region primary key a ReplicateKey or UpdatePrimaryRegion request names, found and authorized by the
 * operation's own row (identifiers, action, key states): NotFoundException and the other {@link findKey} errors, the
 * key-state error, then UnsupportedOperationException for a key that is not multi-Region or is a replica [DEC texts].
 */
export async function findMultiRegionPrimary(
  ctx: OperationContext,
  operation: "ReplicateKey" | "UpdatePrimaryRegion",
  input: ConditionKeyParameters & { readonly KeyId: string },
): Promise<Result<FoundKey>> {
  const { action, keyIdentifiers, keyStates } = OPERATIONS[operation];
  const found = await findKey(ctx, input.KeyId, keyIdentifiers, action, { parameters: input });
  if (!found.success) return found;
  const allowed = checkKeyState(found.data, keyStates);
  if (!allowed.success) return allowed;
  const { key, arn } = found.data;
  if (!key.multiRegion) return err(createKmsError("UnsupportedOperationException", messages.notMultiRegionKey(arn)));
  if (isReplica(key)) {
    return err(createKmsError("UnsupportedOperationException", messages.notMultiRegionPrimaryKey(arn)));
  }
  return found;
}

/**
 * A replica read with its primary's shared properties ({@link sharedProperties}): rotation happens on the primary
 * (its due automatic rotations applied first), and every replica shows the result at once, as AWS synchronizes them
 * [DEC: immediately]. A replica whose material is its own (imported, `Origin: EXTERNAL`) keeps it. Other keys as read.
 */
async function withSharedProperties(ctx: OperationContext, key: StoredKey): Promise<StoredKey> {
  if (!isReplica(key) || key.origin !== "AWS_KMS") return key;
  const primary = await ctx.store.getKey({ accountId: key.accountId, region: key.primaryRegion as string }, key.keyId);
  if (!primary) return key;
  return applyPatch(key, sharedProperties(await materialiseRotations(ctx, primary)));
}

/**
 * Every Region's copy of a multi-Region key, oldest first (the store's `listKeyCopies`); `[key]` for a key that is not
 * multi-Region, which has no other copies.
 */
export async function keyCopies(ctx: OperationContext, key: StoredKey): Promise<readonly StoredKey[]> {
  if (!key.multiRegion) return [key];
  const copies = await ctx.store.listKeyCopies(key.accountId, key.keyId);
  return copies.length === 0 ? [key] : copies;
}

/** The ARN of a stored key. */
export function keyArnOf(key: StoredKey): string {
  return formatKeyArn({
    partition: key.partition as Partition,
    region: key.region,
    accountId: key.accountId,
    keyId: key.keyId,
  });
}

/**
 * The `KeyMetadata` AWS answers for a stored key: members in the model's order, absent ones left out (never
 * `null`), dates in epoch seconds ([REC] vectors `describe-key-after-create-symmetric`, `create-key-hmac-256`,
 * `create-key-external-pending-import`, `create-key-multi-region-primary`,
 * `replicate-key-response-default-replica-policy`).
 *
 * A multi-Region key's `MultiRegionConfiguration` comes from `copies`, every Region's copy of the key
 * ({@link keyCopies}): the one in the primary Region is `PrimaryKey`, the others are `ReplicaKeys` in creation order
 * [DEC: AWS's order is not recorded]; `PrimaryKey` includes the key itself when it is the primary, `ReplicaKeys` when
 * it is a replica ([DOC] MultiRegionConfiguration; [REC] the replica in ReplicateKey's answer lists itself).
 * `PendingDeletionWindowInDays` only while `PendingReplicaDeletion` ([DOC] KeyMetadata member).
 */
export function toKeyMetadata(key: StoredKey, copies: readonly StoredKey[] = [key]): KeyMetadata {
  const arn = keyArnOf(key);
  const algorithms = keyAlgorithms(key.keySpec, key.keyUsage) ?? {};
  const metadata: Record<string, unknown> = {
    AWSAccountId: key.accountId,
    KeyId: key.keyId,
    Arn: arn,
    CreationDate: key.creationDate / 1000,
    Enabled: key.keyState === "Enabled",
    Description: key.description,
    KeyUsage: key.keyUsage,
    KeyState: key.keyState,
  };
  if (key.deletionDate !== undefined) metadata["DeletionDate"] = key.deletionDate / 1000;
  metadata["Origin"] = key.origin;
  // [REC] vector `create-key-external-pending-import`: no ExpirationModel while the key waits for its material (the
  // emulator never imports material, so an EXTERNAL key never shows one).
  metadata["KeyManager"] = key.keyManager ?? "CUSTOMER";
  metadata["CustomerMasterKeySpec"] = key.keySpec;
  metadata["KeySpec"] = key.keySpec;
  if (algorithms.EncryptionAlgorithms) metadata["EncryptionAlgorithms"] = [...algorithms.EncryptionAlgorithms];
  if (algorithms.SigningAlgorithms) metadata["SigningAlgorithms"] = [...algorithms.SigningAlgorithms];
  if (algorithms.KeyAgreementAlgorithms) metadata["KeyAgreementAlgorithms"] = [...algorithms.KeyAgreementAlgorithms];
  metadata["MultiRegion"] = key.multiRegion;
  if (key.multiRegion) metadata["MultiRegionConfiguration"] = multiRegionConfiguration(key, copies);
  if (key.keyState === "PendingReplicaDeletion" && key.pendingDeletionWindowInDays !== undefined) {
    metadata["PendingDeletionWindowInDays"] = key.pendingDeletionWindowInDays;
  }
  if (algorithms.MacAlgorithms) metadata["MacAlgorithms"] = [...algorithms.MacAlgorithms];
  if (key.currentKeyMaterialId !== undefined) metadata["CurrentKeyMaterialId"] = key.currentKeyMaterialId;
  return metadata as KeyMetadata;
}

function multiRegionConfiguration(key: StoredKey, copies: readonly StoredKey[]) {
  const primaryRegion = key.primaryRegion ?? key.region;
  const all = copies.some((copy) => copy.region === key.region) ? copies : [...copies, key];
  const entry = (copy: StoredKey) => ({ Arn: keyArnOf(copy), Region: copy.region });
  const primary = all.find((copy) => copy.region === primaryRegion);
  return {
    MultiRegionKeyType: key.region === primaryRegion ? "PRIMARY" : "REPLICA",
    PrimaryKey: primary ? entry(primary) : { Arn: keyArnOf({ ...key, region: primaryRegion }), Region: primaryRegion },
    ReplicaKeys: all.filter((copy) => copy.region !== primaryRegion).map(entry),
  };
}

/**
 * Checks that a found key is in a state `accepted` allows (an operation's `keyStates` in core's `OPERATIONS`, from
 * AWS's key-state table), else the KMSInvalidStateException (or DisabledException)
 * AWS answers: `<key ARN> is pending deletion.`, `… is pending import.`, `… is disabled.` ([DOC/REC] §5); other states
 * `<key ARN> is <state>.` [DEC].
 */
export function checkKeyState(found: FoundKey, accepted: readonly KeyState[]): Result<FoundKey> {
  const state = found.key.keyState;
  if (accepted.includes(state)) return ok(found);
  switch (state) {
    case "PendingDeletion":
      return err(createKmsError("KMSInvalidStateException", messages.keyPendingDeletion(found.arn)));
    case "PendingImport":
      return err(createKmsError("KMSInvalidStateException", messages.keyPendingImport(found.arn)));
    case "Disabled":
      return err(createKmsError("DisabledException", messages.keyDisabled(found.arn)));
    default:
      return err(createKmsError("KMSInvalidStateException", messages.keyInState(found.arn, state)));
  }
}
