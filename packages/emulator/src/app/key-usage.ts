import {
  type KeySpec,
  type KeyUsageType,
  type Result,
  createKmsError,
  err,
  keyAlgorithms,
  messages,
  ok,
} from "@keypolicy/core";

/**
 * The key usage of a new key, as CreateKey decides it (and seeding, so a seeded key is one CreateKey would make):
 * `KeyUsage` as given, or ENCRYPT_DECRYPT for a symmetric encryption key, the only spec for which it may be omitted
 * ([DOC] CreateKey: optional only for symmetric encryption keys).
 *
 * @returns the usage, or ValidationException: `You must specify a KeyUsage value …` when it is omitted for another
 *   spec ([REC]), `KeyUsage <usage> is not compatible with KeySpec <spec>` when the spec does not allow it ([REC]).
 *   The omission is checked first, so `KeySpec: HMAC_256` alone never reports a mismatch with a default.
 */
export function resolveKeyUsage(keySpec: KeySpec, keyUsage: KeyUsageType | undefined): Result<KeyUsageType> {
  if (keyUsage === undefined) {
    return keySpec === "SYMMETRIC_DEFAULT"
      ? ok("ENCRYPT_DECRYPT")
      : err(createKmsError("ValidationException", messages.keyUsageRequired()));
  }
  if (!keyAlgorithms(keySpec, keyUsage)) {
    return err(createKmsError("ValidationException", messages.keyUsageIncompatible(keyUsage, keySpec)));
  }
  return ok(keyUsage);
}
