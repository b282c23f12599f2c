/**
 * Error texts only this emulator sends, with no AWS counterpart (KMS-FIDELITY.md [DEC]); AWS's texts are in
 * `messages` of `@keypolicy/core`, the SigV4 front end's in `authMessages`, the request limits' in `limitMessages`.
 */
export const emulatorMessages = {
  /** [DEC] UnsupportedOperationException: CreateKey with a custom key store or its origins. */
  customKeyStoresUnsupported: () => "Custom key stores are not supported by this emulator.",
  /** [DEC] KMSInternalException: the key ID drawn for CreateKey is taken in the caller's account and region. */
  keyIdCollision: () => "Key ID collision; try again.",
} as const;
