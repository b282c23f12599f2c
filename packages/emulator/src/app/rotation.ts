import { drawKeyMaterial } from "./crypto/key-material.js";
import { createKmsError, err, messages, ok, type Result, type RotationType } from "@keypolicy/core";
import type { KeyPatch, StoredKey, StoredKeyMaterial } from "../store/types.js";
import type { Clock, IdSource } from "./deps.js";
import type { FoundKey } from "./keys.js";

/** [DOC] API_EnableKeyRotation: the rotation period when `RotationPeriodInDays` is left out. */
export const DEFAULT_ROTATION_PERIOD_DAYS = 365;

/**
 * [DOC] API_RotateKeyOnDemand: "a maximum of 25 times per KMS key" (AWS model of 2026-02-16; the model before said
 * 10, and LocalStack's recording of the limit against AWS, 2025-04-03, reached it after 10).
 */
export const ON_DEMAND_ROTATION_LIMIT = 25;

const DAY_MS = 86_400_000;

/**
 * [DEC] The most automatic rotations one read materialises: a clock moved millennia ahead stops here instead of
 * looping; the rest follow on later reads.
 */
const MAX_ROTATIONS_PER_READ = 1000;

/** What a rotation operation does with a key that cannot rotate: which of AWS's answers it gives. */
export type RotationUse = "configure" | "on-demand" | "list";

/**
 * Whether a key's material can rotate: symmetric encryption keys with KMS-made material only [DOC
 * API_EnableKeyRotation, API_RotateKeyOnDemand]. Checked after the key state, as AWS does ([REC] LocalStack snapshot
 * `test_rotate_key_on_demand_raises_error_given_key_is_disabled`: a disabled RSA_4096 key is DisabledException).
 *
 * - asymmetric and HMAC keys: UnsupportedOperationException with an empty message ([REC] RotateKeyOnDemand, [RPT]
 *   EnableKeyRotation; [DEC] the same for DisableKeyRotation and ListKeyRotations);
 * - imported material (`EXTERNAL`): EnableKeyRotation and DisableKeyRotation answer UnsupportedOperationException
 *   `<key ARN> origin is EXTERNAL which is not valid for this operation.` [REC]; RotateKeyOnDemand, which AWS has
 *   supported for imported material since 2025, answers KMSInvalidStateException `No available key material pending
 *   rotation for the key: <key ARN>.` [REC 2025-11-19], as the emulator imports no material; ListKeyRotations lists
 *   nothing (the key has no KMS-made material);
 * - a multi-Region replica key: EnableKeyRotation, DisableKeyRotation and RotateKeyOnDemand answer
 *   UnsupportedOperationException [DOC API_EnableKeyRotation: "set the property on the primary key"; text DEC]
 *   (ListKeyRotations lists the primary's rotations, which the replica shares).
 */
export function checkRotatable(found: FoundKey, use: RotationUse): Result<FoundKey> {
  const { key, arn } = found;
  if (use !== "list" && key.multiRegion && key.primaryRegion !== undefined && key.primaryRegion !== key.region) {
    return err(createKmsError("UnsupportedOperationException", messages.rotationOnReplicaKey(arn)));
  }
  if (key.keySpec !== "SYMMETRIC_DEFAULT") {
    return err(createKmsError("UnsupportedOperationException", messages.rotationUnsupportedKeySpec()));
  }
  if (key.origin !== "AWS_KMS" && use !== "list") {
    return use === "on-demand"
      ? err(createKmsError("KMSInvalidStateException", messages.noKeyMaterialPendingRotation(arn)))
      : err(createKmsError("UnsupportedOperationException", messages.rotationUnsupportedOrigin(arn, key.origin)));
  }
  return ok(found);
}

/** Whether GetKeyRotationStatus answers `true`: enabled, on a key that can rotate, not pending deletion [DOC]. */
export function isAutomaticRotationEnabled(key: StoredKey): boolean {
  return (
    key.keySpec === "SYMMETRIC_DEFAULT" &&
    key.origin === "AWS_KMS" &&
    key.rotationPeriodInDays !== undefined &&
    key.keyState !== "PendingDeletion"
  );
}

/**
 * Every key material of a key, oldest first, the last one current: `keyMaterials`, or for a key that never rotated
 * its `currentKeyMaterialId` alone (none for keys without KMS-made material).
 */
export function keyMaterialsOf(key: StoredKey): readonly StoredKeyMaterial[] {
  if (key.keyMaterials !== undefined) return key.keyMaterials;
  return key.currentKeyMaterialId === undefined ? [] : [{ keyMaterialId: key.currentKeyMaterialId }];
}

/** How many on-demand rotations a key has had (the limit counts only those). */
export function onDemandRotationsOf(key: StoredKey): number {
  return keyMaterialsOf(key).filter((m) => m.rotationType === "ON_DEMAND").length;
}

/** The patch that rotates a key to a new key material drawn from `ids`, made at `rotationDate` by `rotationType`. */
export function rotationPatch(
  key: StoredKey,
  ids: Pick<IdSource, "keyMaterialId" | "randomBytes">,
  rotationDate: number,
  rotationType: RotationType,
): Pick<StoredKey, "currentKeyMaterialId" | "keyMaterials" | "keyMaterialSecrets"> & {
  readonly currentKeyMaterialId: string;
} {
  const { keyMaterialId, keyMaterialSecrets } = drawKeyMaterial(ids, key.keyMaterialSecrets);
  return {
    currentKeyMaterialId: keyMaterialId,
    keyMaterials: [...keyMaterialsOf(key), { keyMaterialId, rotationDate, rotationType }],
    keyMaterialSecrets,
  };
}

/** The patch that enables automatic rotation every `days` days from `now`. */
export function scheduleRotation(now: number, days: number): KeyPatch {
  return { rotationPeriodInDays: days, nextRotationDate: now + days * DAY_MS };
}

/**
 * The automatic rotations due by the clock, as one patch, or `undefined` when none is due: while automatic rotation
 * is enabled and the key is `Enabled` ([DOC] a disabled key or one pending deletion does not rotate), each
 * `NextRotationDate` the clock has passed is a rotation dated then, and the next one is a period later. [DEC] The
 * emulator rotates lazily, when a request reads the key, so that time is only ever the injected clock's: a test moves
 * its clock past the date and the next read sees the new material. A key re-enabled after its date rotates on its
 * next read, dated as scheduled.
 */
export function dueRotations(
  key: StoredKey,
  clock: Clock,
  ids: Pick<IdSource, "keyMaterialId" | "randomBytes">,
): KeyPatch | undefined {
  const { rotationPeriodInDays: days, nextRotationDate } = key;
  if (days === undefined || nextRotationDate === undefined || key.keyState !== "Enabled") return undefined;
  if (!isAutomaticRotationEnabled(key)) return undefined;
  const now = clock.now();
  let next = nextRotationDate;
  let rotated: StoredKey = key;
  let patch: KeyPatch | undefined;
  for (let n = 0; next <= now && n < MAX_ROTATIONS_PER_READ; n++) {
    const rotation = rotationPatch(rotated, ids, next, "AUTOMATIC");
    rotated = { ...rotated, ...rotation };
    next += days * DAY_MS;
    patch = { ...rotation, nextRotationDate: next };
  }
  return patch;
}
