import {
  type ListKeyRotationsRequest,
  type ListKeyRotationsResponse,
  OPERATIONS,
  type Result,
  type RotationsListEntry,
  createKmsError,
  err,
  messages,
  ok,
} from "@keypolicy/core";
import type { StoredKeyMaterial } from "../../store/types.js";
import type { OperationContext } from "../deps.js";
import { checkKeyState, findKey } from "../keys.js";
import { checkRotatable, keyMaterialsOf } from "../rotation.js";

const { action, keyIdentifiers, keyStates } = OPERATIONS.ListKeyRotations;
/** [DOC] 100 entries per page when `Limit` is left out. */
const DEFAULT_LIMIT = 100;

/**
 * ListKeyRotations: the key's completed rotations, oldest first [DEC], each `{ KeyId, KeyMaterialId,
 * KeyMaterialState, RotationDate, RotationType }` with the key ID (as the API reference's example) and
 * `KeyMaterialState` `CURRENT` for the newest material, `NON_CURRENT` for older ones [DOC RotationsListEntry]. With
 * `IncludeKeyMaterial: ALL_KEY_MATERIAL` the key's first material comes first, without `RotationDate` and
 * `RotationType` [DOC]. Paginated with `Limit` (1..1000, default 100) and `Marker` (the key material ID a page ended
 * with); `NextMarker` only when `Truncated` is true; a marker that names no listed material is
 * InvalidMarkerException [DEC]. An asymmetric or HMAC key is UnsupportedOperationException [DEC, as the other
 * rotation operations]; an EXTERNAL key lists nothing (the emulator imports no material).
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ListKeyRotations.html
 */
export async function listKeyRotations(
  ctx: OperationContext,
  input: ListKeyRotationsRequest,
): Promise<Result<ListKeyRotationsResponse>> {
  const found = await findKey(ctx, input.KeyId, keyIdentifiers, action);
  if (!found.success) return found;
  const allowed = checkKeyState(found.data, keyStates);
  if (!allowed.success) return allowed;
  const rotatable = checkRotatable(found.data, "list");
  if (!rotatable.success) return rotatable;
  const { key } = found.data;
  const all = keyMaterialsOf(key);
  const listed = input.IncludeKeyMaterial === "ALL_KEY_MATERIAL" ? all : all.slice(1);
  let start = 0;
  if (input.Marker !== undefined) {
    const at = listed.findIndex((m) => m.keyMaterialId === input.Marker);
    if (at === -1) return err(createKmsError("InvalidMarkerException", messages.invalidMarker()));
    start = at + 1;
  }
  const limit = input.Limit ?? DEFAULT_LIMIT;
  const page = listed.slice(start, start + limit);
  const Rotations = page.map((m) => toEntry(key.keyId, m, m.keyMaterialId === key.currentKeyMaterialId));
  const last = page.at(-1);
  return ok(
    start + limit < listed.length && last
      ? { Rotations, NextMarker: last.keyMaterialId, Truncated: true }
      : { Rotations, Truncated: false },
  );
}

/** One `RotationsListEntry`, members in the model's order. */
function toEntry(keyId: string, material: StoredKeyMaterial, current: boolean): RotationsListEntry {
  const entry: RotationsListEntry = {
    KeyId: keyId,
    KeyMaterialId: material.keyMaterialId,
    KeyMaterialState: current ? "CURRENT" : "NON_CURRENT",
  };
  if (material.rotationDate !== undefined) entry.RotationDate = material.rotationDate / 1000;
  if (material.rotationType !== undefined) entry.RotationType = material.rotationType;
  return entry;
}
