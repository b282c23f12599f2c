import type { KeySpec, KeyUsageType } from "./shapes/common.js";

/** The algorithm lists KeyMetadata carries for one key spec and usage. */
export interface KeyAlgorithms {
  readonly EncryptionAlgorithms?: readonly string[];
  readonly SigningAlgorithms?: readonly string[];
  readonly MacAlgorithms?: readonly string[];
  readonly KeyAgreementAlgorithms?: readonly string[];
}

const RSA_ENCRYPT: KeyAlgorithms = { EncryptionAlgorithms: ["RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256"] };
const RSA_SIGN: KeyAlgorithms = {
  SigningAlgorithms: [
    "RSASSA_PSS_SHA_256",
    "RSASSA_PSS_SHA_384",
    "RSASSA_PSS_SHA_512",
    "RSASSA_PKCS1_V1_5_SHA_256",
    "RSASSA_PKCS1_V1_5_SHA_384",
    "RSASSA_PKCS1_V1_5_SHA_512",
  ],
};
const ECDH: KeyAlgorithms = { KeyAgreementAlgorithms: ["ECDH"] };
const ML_DSA: Partial<Record<KeyUsageType, KeyAlgorithms>> = {
  SIGN_VERIFY: { SigningAlgorithms: ["ML_DSA_SHAKE_256"] },
};

/**
 * Which key usages each key spec allows, and the algorithms KeyMetadata lists for each.
 *
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/symm-asymm-choose-key-spec.html ([DOC])
 */
export const KEY_SPEC_USAGES: Readonly<Record<KeySpec, Partial<Record<KeyUsageType, KeyAlgorithms>>>> = {
  SYMMETRIC_DEFAULT: { ENCRYPT_DECRYPT: { EncryptionAlgorithms: ["SYMMETRIC_DEFAULT"] } },
  RSA_2048: { ENCRYPT_DECRYPT: RSA_ENCRYPT, SIGN_VERIFY: RSA_SIGN },
  RSA_3072: { ENCRYPT_DECRYPT: RSA_ENCRYPT, SIGN_VERIFY: RSA_SIGN },
  RSA_4096: { ENCRYPT_DECRYPT: RSA_ENCRYPT, SIGN_VERIFY: RSA_SIGN },
  ECC_NIST_P256: { SIGN_VERIFY: { SigningAlgorithms: ["ECDSA_SHA_256"] }, KEY_AGREEMENT: ECDH },
  ECC_NIST_P384: { SIGN_VERIFY: { SigningAlgorithms: ["ECDSA_SHA_384"] }, KEY_AGREEMENT: ECDH },
  ECC_NIST_P521: { SIGN_VERIFY: { SigningAlgorithms: ["ECDSA_SHA_512"] }, KEY_AGREEMENT: ECDH },
  ECC_SECG_P256K1: { SIGN_VERIFY: { SigningAlgorithms: ["ECDSA_SHA_256"] } },
  ECC_NIST_EDWARDS25519: { SIGN_VERIFY: { SigningAlgorithms: ["ED25519_SHA_512", "ED25519_PH_SHA_512"] } },
  HMAC_224: { GENERATE_VERIFY_MAC: { MacAlgorithms: ["HMAC_SHA_224"] } },
  HMAC_256: { GENERATE_VERIFY_MAC: { MacAlgorithms: ["HMAC_SHA_256"] } },
  HMAC_384: { GENERATE_VERIFY_MAC: { MacAlgorithms: ["HMAC_SHA_384"] } },
  HMAC_512: { GENERATE_VERIFY_MAC: { MacAlgorithms: ["HMAC_SHA_512"] } },
  SM2: {
    ENCRYPT_DECRYPT: { EncryptionAlgorithms: ["SM2PKE"] },
    SIGN_VERIFY: { SigningAlgorithms: ["SM2DSA"] },
    KEY_AGREEMENT: ECDH,
  },
  ML_DSA_44: ML_DSA,
  ML_DSA_65: ML_DSA,
  ML_DSA_87: ML_DSA,
};

/** The algorithms of a key spec and usage, or `undefined` when AWS does not allow the combination. */
export function keyAlgorithms(spec: KeySpec, usage: KeyUsageType): KeyAlgorithms | undefined {
  return KEY_SPEC_USAGES[spec][usage];
}
