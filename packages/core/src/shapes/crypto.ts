import { z } from "zod";
import { base64ToBytes } from "../base64.js";
import { awsEnum, awsInteger, CONSTRAINT_PARAM } from "./constraints.js";
import { GrantTokenList, KeyIdType } from "./common.js";

/*
 * The symmetric data plane's shapes [DOC botocore kms/2014-11-01/service-2.json]: Encrypt, Decrypt, ReEncrypt,
 * GenerateDataKey, GenerateDataKeyWithoutPlaintext, GenerateRandom. Blobs are base64 text on the wire (awsJson1_1)
 * and `Uint8Array`s to SDK callers; both validate to bytes.
 */

/** The issue `params` key that marks a blob that is not base64: a SerializationException, not a constraint. */
export const SERIALIZATION_PARAM = "serialization";

/**
 * A blob member with the model's `length` trait in bytes: base64 text (the wire's form) or a `Uint8Array` (the SDK's),
 * validated to a `Uint8Array`. Text that is not base64 is a SerializationException [DEC: AWS's text is not recorded].
 */
export function awsBlob(options: { min: number; max: number }) {
  return z
    .union([z.string(), z.instanceof(Uint8Array)])
    .transform((value, ctx) => {
      if (value instanceof Uint8Array) return value;
      const bytes = base64ToBytes(value);
      if (bytes === undefined) {
        ctx.addIssue({
          code: "custom",
          message: "not base64",
          params: { [SERIALIZATION_PARAM]: "Base64 encoded data is not valid" },
        });
        return z.NEVER;
      }
      return bytes;
    })
    .superRefine((bytes, ctx) => {
      if (bytes.length < options.min)
        ctx.addIssue({
          code: "custom",
          message: "too short",
          params: { [CONSTRAINT_PARAM]: `Member must have length greater than or equal to ${options.min}` },
        });
      if (bytes.length > options.max)
        ctx.addIssue({
          code: "custom",
          message: "too long",
          params: { [CONSTRAINT_PARAM]: `Member must have length less than or equal to ${options.max}` },
        });
    });
}

/** `PlaintextType`: 1..4096 bytes, sensitive (Coral prints no value: `Value at 'plaintext'` [REC]). */
export const PlaintextType = awsBlob({ min: 1, max: 4096 });
/** `CiphertextType`: 1..6144 bytes. */
export const CiphertextType = awsBlob({ min: 1, max: 6144 });

/**
 * `EncryptionContextType`: a map of strings to strings. [DOC] KMS compares it exactly (case-sensitive keys and values)
 * and binds it to the ciphertext as additional authenticated data.
 */
export const EncryptionContextType = z.record(z.string(), z.string());

/** `EncryptionAlgorithmSpec`, in the model's order. */
export const ENCRYPTION_ALGORITHMS = ["SYMMETRIC_DEFAULT", "RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256", "SM2PKE"] as const;
export const EncryptionAlgorithmSpec = awsEnum(ENCRYPTION_ALGORITHMS);

/** `DataKeySpec`: AES_256 (32 bytes) or AES_128 (16 bytes). */
export const DATA_KEY_SPECS = ["AES_256", "AES_128"] as const;
export const DataKeySpec = awsEnum(DATA_KEY_SPECS);

/** `NumberOfBytesType` of GenerateDataKey and GenerateRandom: 1..1024. */
export const NumberOfBytesType = awsInteger({ min: 1, max: 1024 });

/**
 * `RecipientInfo` (Nitro Enclaves attestation). Accepted by the shape; the emulator answers it with an AWS-shaped
 * error, having no enclave to attest (docs/emulator.md).
 */
export const RecipientInfo = z.object({
  KeyEncryptionAlgorithm: awsEnum(["RSAES_OAEP_SHA_256"]).optional(),
  AttestationDocument: awsBlob({ min: 1, max: 262144 }).optional(),
});

/** @see https://docs.aws.amazon.com/kms/latest/APIReference/API_Encrypt.html */
export const EncryptRequest = z.object({
  KeyId: KeyIdType,
  Plaintext: PlaintextType,
  EncryptionContext: EncryptionContextType.optional(),
  GrantTokens: GrantTokenList.optional(),
  EncryptionAlgorithm: EncryptionAlgorithmSpec.optional(),
  DryRun: z.boolean().optional(),
});
export type EncryptRequest = z.infer<typeof EncryptRequest>;
/** Encrypt output: the ciphertext (base64 on the wire), the key ARN, the algorithm. */
export const EncryptResponse = z.object({
  CiphertextBlob: z.string(),
  KeyId: z.string(),
  EncryptionAlgorithm: z.string(),
});
export type EncryptResponse = z.infer<typeof EncryptResponse>;

/** @see https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html */
export const DecryptRequest = z.object({
  CiphertextBlob: CiphertextType,
  EncryptionContext: EncryptionContextType.optional(),
  GrantTokens: GrantTokenList.optional(),
  KeyId: KeyIdType.optional(),
  EncryptionAlgorithm: EncryptionAlgorithmSpec.optional(),
  Recipient: RecipientInfo.optional(),
  DryRun: z.boolean().optional(),
});
export type DecryptRequest = z.infer<typeof DecryptRequest>;
/** Decrypt output: the key ARN, the plaintext (base64), the algorithm and the key material that decrypted it. */
export const DecryptResponse = z.object({
  KeyId: z.string(),
  Plaintext: z.string(),
  EncryptionAlgorithm: z.string(),
  KeyMaterialId: z.string().optional(),
});
export type DecryptResponse = z.infer<typeof DecryptResponse>;

/** @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ReEncrypt.html */
export const ReEncryptRequest = z.object({
  CiphertextBlob: CiphertextType,
  SourceEncryptionContext: EncryptionContextType.optional(),
  SourceKeyId: KeyIdType.optional(),
  DestinationKeyId: KeyIdType,
  DestinationEncryptionContext: EncryptionContextType.optional(),
  SourceEncryptionAlgorithm: EncryptionAlgorithmSpec.optional(),
  DestinationEncryptionAlgorithm: EncryptionAlgorithmSpec.optional(),
  GrantTokens: GrantTokenList.optional(),
  DryRun: z.boolean().optional(),
});
export type ReEncryptRequest = z.infer<typeof ReEncryptRequest>;
export const ReEncryptResponse = z.object({
  CiphertextBlob: z.string(),
  SourceKeyId: z.string(),
  KeyId: z.string(),
  SourceEncryptionAlgorithm: z.string(),
  DestinationEncryptionAlgorithm: z.string(),
  SourceKeyMaterialId: z.string().optional(),
  DestinationKeyMaterialId: z.string().optional(),
});
export type ReEncryptResponse = z.infer<typeof ReEncryptResponse>;

/** @see https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateDataKey.html */
export const GenerateDataKeyRequest = z.object({
  KeyId: KeyIdType,
  EncryptionContext: EncryptionContextType.optional(),
  NumberOfBytes: NumberOfBytesType.optional(),
  KeySpec: DataKeySpec.optional(),
  GrantTokens: GrantTokenList.optional(),
  Recipient: RecipientInfo.optional(),
  DryRun: z.boolean().optional(),
});
export type GenerateDataKeyRequest = z.infer<typeof GenerateDataKeyRequest>;
export const GenerateDataKeyResponse = z.object({
  CiphertextBlob: z.string(),
  Plaintext: z.string(),
  KeyId: z.string(),
  KeyMaterialId: z.string().optional(),
});
export type GenerateDataKeyResponse = z.infer<typeof GenerateDataKeyResponse>;

/** @see https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateDataKeyWithoutPlaintext.html */
export const GenerateDataKeyWithoutPlaintextRequest = z.object({
  KeyId: KeyIdType,
  EncryptionContext: EncryptionContextType.optional(),
  KeySpec: DataKeySpec.optional(),
  NumberOfBytes: NumberOfBytesType.optional(),
  GrantTokens: GrantTokenList.optional(),
  DryRun: z.boolean().optional(),
});
export type GenerateDataKeyWithoutPlaintextRequest = z.infer<typeof GenerateDataKeyWithoutPlaintextRequest>;
export const GenerateDataKeyWithoutPlaintextResponse = z.object({
  CiphertextBlob: z.string(),
  KeyId: z.string(),
  KeyMaterialId: z.string().optional(),
});
export type GenerateDataKeyWithoutPlaintextResponse = z.infer<typeof GenerateDataKeyWithoutPlaintextResponse>;

/**
 * GenerateRandom input. `NumberOfBytes` is optional in the model but KMS requires it: `NumberOfBytes is required.`
 * [REC LocalStack snapshot test_generate_random_invalid_number_of_bytes[None]].
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateRandom.html
 */
export const GenerateRandomRequest = z.object({
  NumberOfBytes: NumberOfBytesType.optional(),
  CustomKeyStoreId: z.string().min(1).max(64).optional(),
  Recipient: RecipientInfo.optional(),
});
export type GenerateRandomRequest = z.infer<typeof GenerateRandomRequest>;
export const GenerateRandomResponse = z.object({ Plaintext: z.string() });
export type GenerateRandomResponse = z.infer<typeof GenerateRandomResponse>;
