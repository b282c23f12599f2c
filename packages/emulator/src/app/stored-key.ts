import { drawKeyMaterial } from "./crypto/key-material.js";
import {
  type CreateKeyRequest,
  type KeyState,
  type KmsError,
  type Result,
  createKmsError,
  err,
  formatKeyArn,
  isMultiRegionKeyId,
  messages,
  ok,
  partitionOfRegion,
} from "@keypolicy/core";
import { defaultKeyPolicy } from "@keypolicy/policy";
import type { Scope, StoredKey } from "../store/types.js";
import type { Clock, IdSource } from "./deps.js";
import { resolveKeyUsage } from "./key-usage.js";
import { emulatorMessages } from "./messages.js";
import { mergeTags } from "./tags.js";

/**
 * What a new key is made of: CreateKey's request members, plus the stored-key fields only a seed fixes (camelCase,
 * as in {@link StoredKey}).
 */
export type StoredKeyInput = Pick<
  CreateKeyRequest,
  | "Description"
  | "KeySpec"
  | "CustomerMasterKeySpec"
  | "KeyUsage"
  | "Origin"
  | "CustomKeyStoreId"
  | "MultiRegion"
  | "Tags"
> & {
  /** The key policy as JSON text; absent: the default key policy for the scope's account (KMS-FIDELITY.md §7). */
  readonly Policy?: string | undefined;
  /** The key ID; its `mrk-` prefix makes a multi-Region key. Absent: drawn from `ids` as CreateKey does. */
  readonly keyId?: string | undefined;
  /** The state the key starts in. Absent: `Enabled`, `PendingImport` for `Origin: EXTERNAL` ([REC]). */
  readonly keyState?: KeyState | undefined;
  /** Creation time, epoch milliseconds. Absent: `deps.clock.now()`. */
  readonly creationDate?: number | undefined;
};

/** What {@link buildStoredKey} draws on: time, IDs, and the check of a given `Policy`. */
export interface StoredKeyDeps {
  readonly clock: Clock;
  readonly ids: Pick<IdSource, "keyId" | "keyMaterialId" | "randomBytes">;
  /**
   * Checks a given `Policy` for the key `keyArn` and returns it as GetKeyPolicy will (CreateKey: `preparePolicy`,
   * the caller's lockout check included), or the error CreateKey answers.
   */
  readonly preparePolicy: (text: string, keyArn: string) => Result<string>;
}

/** Why {@link buildStoredKey} refused: the request member at fault and the error CreateKey answers for it. */
export interface StoredKeyRefusal {
  readonly member: keyof StoredKeyInput;
  readonly error: KmsError;
}

/** [DOC] ScheduleKeyDeletion's default waiting period, the DeletionDate of a key made in `PendingDeletion`. */
const DEFAULT_DELETION_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;
type PendingDeletion = Pick<StoredKey, "deletionDate" | "pendingDeletionWindowInDays">;

function refuse(member: keyof StoredKeyInput, error: KmsError): { success: false; error: StoredKeyRefusal } {
  return err({ member, error });
}

/**
 * The key CreateKey makes in `scope` (the partition follows the region), with CreateKey's rules in CreateKey's
 * order: KeySpec with CustomerMasterKeySpec → ValidationException [DEC text]; the KeyUsage rule of
 * `resolveKeyUsage`; custom key stores → UnsupportedOperationException [DEC]; an asymmetric or HMAC multi-Region key
 * with `Origin: EXTERNAL` → UnsupportedOperationException [DOC]; the policy (`deps.preparePolicy`, or the default
 * key policy); the tag rules of `mergeTags` (TagException). Seeding uses it too, so a seeded key is one CreateKey
 * would make.
 *
 * Defaults: KeySpec `SYMMETRIC_DEFAULT`, Origin `AWS_KMS`, Description `""`, no tags; a `CurrentKeyMaterialId` for
 * symmetric keys with KMS-made material only [REC]; a key in `PendingDeletion` gets the default 30-day DeletionDate.
 * Nothing is stored: the caller does that.
 *
 * @returns the key, or the first rule it breaks: the member and the error CreateKey answers.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html
 */
export function buildStoredKey(
  input: StoredKeyInput,
  scope: Scope,
  deps: StoredKeyDeps,
): Result<StoredKey, StoredKeyRefusal> {
  if (input.KeySpec !== undefined && input.CustomerMasterKeySpec !== undefined) {
    const error = createKmsError("ValidationException", messages.keySpecAndCustomerMasterKeySpec());
    return refuse("CustomerMasterKeySpec", error);
  }
  const keySpec = input.KeySpec ?? input.CustomerMasterKeySpec ?? "SYMMETRIC_DEFAULT";
  const keyUsage = resolveKeyUsage(keySpec, input.KeyUsage);
  if (!keyUsage.success) return refuse("KeyUsage", keyUsage.error);
  const origin = input.Origin ?? "AWS_KMS";
  if (origin === "AWS_CLOUDHSM" || origin === "EXTERNAL_KEY_STORE" || input.CustomKeyStoreId !== undefined) {
    const member = input.CustomKeyStoreId === undefined ? "Origin" : "CustomKeyStoreId";
    const error = createKmsError("UnsupportedOperationException", emulatorMessages.customKeyStoresUnsupported());
    return refuse(member, error);
  }
  const multiRegion = input.keyId === undefined ? (input.MultiRegion ?? false) : isMultiRegionKeyId(input.keyId);
  if (origin === "EXTERNAL" && keySpec !== "SYMMETRIC_DEFAULT" && multiRegion) {
    const error = createKmsError("UnsupportedOperationException", messages.multiRegionImportedKeyMaterial(keySpec));
    return refuse("Origin", error);
  }
  const keyId = input.keyId ?? drawKeyId(deps.ids, multiRegion);
  const partition = partitionOfRegion(scope.region);
  const { accountId, region } = scope;
  const keyArn = formatKeyArn({ partition, region, accountId, keyId });
  const policy =
    input.Policy === undefined ? ok(defaultKeyPolicy(accountId, partition)) : deps.preparePolicy(input.Policy, keyArn);
  if (!policy.success) return refuse("Policy", policy.error);
  const tags = mergeTags([], input.Tags ?? []);
  if (!tags.success) return refuse("Tags", tags.error);
  const keyState = input.keyState ?? (origin === "EXTERNAL" ? "PendingImport" : "Enabled");
  const creationDate = input.creationDate ?? deps.clock.now();
  return ok({
    accountId,
    region,
    partition,
    keyId,
    description: input.Description ?? "",
    keySpec,
    keyUsage: keyUsage.data,
    origin,
    keyState,
    creationDate,
    ...(keyState === "PendingDeletion" ? pendingDeletion(deps.clock) : {}),
    multiRegion,
    // [REC] only symmetric keys with KMS-made material show a CurrentKeyMaterialId.
    ...(keySpec === "SYMMETRIC_DEFAULT" && origin === "AWS_KMS" ? drawKeyMaterial(deps.ids) : {}),
    policy: policy.data,
    tags: tags.data,
  });
}

/** [DOC] A multi-Region key's ID is `mrk-` and 32 lowercase hex digits: the drawn UUID without its dashes. */
function drawKeyId(ids: StoredKeyDeps["ids"], multiRegion: boolean): string {
  const uuid = ids.keyId();
  return multiRegion ? `mrk-${uuid.replaceAll("-", "")}` : uuid;
}

/** A key pending deletion has a DeletionDate (KMS-FIDELITY.md §5): the default window from now. */
function pendingDeletion(clock: Clock): PendingDeletion {
  return {
    deletionDate: clock.now() + DEFAULT_DELETION_WINDOW_DAYS * DAY_MS,
    pendingDeletionWindowInDays: DEFAULT_DELETION_WINDOW_DAYS,
  };
}
