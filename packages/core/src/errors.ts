/**
 * The errors of the KMS key-policy surface as data, keyed by their AWS names.
 *
 * HTTP status: real AWS KMS answers **400 for every client error**, including the ones the Smithy model gives 404
 * or 409 (evidence [REC] in KMS-FIDELITY.md §1); faults are 500/503 as modelled.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/CommonErrors.html
 */
export const KMS_ERRORS = {
  // Modelled errors of the key-policy operations and the operations around them [DOC].
  AccessDeniedException: { fault: "client", status: 400 },
  AlreadyExistsException: { fault: "client", status: 400 },
  DependencyTimeoutException: { fault: "server", status: 503 },
  CustomKeyStoreNotFoundException: { fault: "client", status: 400 },
  DisabledException: { fault: "client", status: 400 },
  DryRunOperationException: { fault: "client", status: 400 },
  IncorrectKeyException: { fault: "client", status: 400 },
  InvalidCiphertextException: { fault: "client", status: 400 },
  InvalidKeyUsageException: { fault: "client", status: 400 },
  InvalidAliasNameException: { fault: "client", status: 400 },
  InvalidArnException: { fault: "client", status: 400 },
  InvalidGrantIdException: { fault: "client", status: 400 },
  InvalidGrantTokenException: { fault: "client", status: 400 },
  InvalidMarkerException: { fault: "client", status: 400 },
  KMSInternalException: { fault: "server", status: 500 },
  KMSInvalidStateException: { fault: "client", status: 400 },
  KeyUnavailableException: { fault: "server", status: 500 },
  LimitExceededException: { fault: "client", status: 400 },
  MalformedPolicyDocumentException: { fault: "client", status: 400 },
  NotFoundException: { fault: "client", status: 400 },
  TagException: { fault: "client", status: 400 },
  UnsupportedOperationException: { fault: "client", status: 400 },
  // Errors of the AWS JSON front end, common to every operation [DOC CommonErrors, RPT/DEC texts, §9].
  IncompleteSignatureException: { fault: "client", status: 400 },
  InvalidSignatureException: { fault: "client", status: 400 },
  MissingAuthenticationTokenException: { fault: "client", status: 400 },
  UnrecognizedClientException: { fault: "client", status: 400 },
  ExpiredTokenException: { fault: "client", status: 400 },
  SerializationException: { fault: "client", status: 400 },
  UnknownOperationException: { fault: "client", status: 400 },
  ValidationException: { fault: "client", status: 400 },
  ThrottlingException: { fault: "client", status: 400 },
  // [DEC] Bodies over the front end's limit: 413 as AWS front ends answer oversized requests.
  RequestEntityTooLargeException: { fault: "client", status: 413 },
  InternalFailure: { fault: "server", status: 500 },
} as const satisfies Record<string, { fault: "client" | "server"; status: number }>;

/** The name of an error KMS can return, e.g. `"NotFoundException"`. */
export type KmsErrorName = keyof typeof KMS_ERRORS;

/**
 * A KMS error as data: the AWS error name (`__type` on the wire) and its message.
 * An empty `message` is left out of the wire body, as AWS does.
 */
export interface KmsError {
  readonly name: KmsErrorName;
  readonly message: string;
}

/** Builds a {@link KmsError}. */
export function createKmsError(name: KmsErrorName, message = ""): KmsError {
  return { name, message };
}

/** Whether `name` is an error name this package knows. Guards look at names, never at `instanceof`. */
export function isKmsErrorName(name: unknown): name is KmsErrorName {
  return typeof name === "string" && Object.hasOwn(KMS_ERRORS, name);
}

/** Whether `value` is a {@link KmsError} (by shape, so it works across duplicate package copies). */
export function isKmsError(value: unknown): value is KmsError {
  return (
    typeof value === "object" &&
    value !== null &&
    isKmsErrorName((value as { name?: unknown }).name) &&
    typeof (value as { message?: unknown }).message === "string"
  );
}

/** The HTTP status AWS KMS answers an error with (400 for every client error, [REC] §1). */
export function errorStatus(name: KmsErrorName): number {
  return KMS_ERRORS[name].status;
}
