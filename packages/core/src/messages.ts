/**
 * Every error text the KMS key-policy surface sends, in one place, each with its evidence level from
 * KMS-FIDELITY.md ([REC] recorded, [DOC] documented, [RPT] reported, [DEC] the project's decision).
 */
export const messages = {
  /** [REC] test_error_messaging_for_invalid_keys: InvalidKeyUsageException for a key of another usage. */
  invalidKeyUsage: (keyArn: string, keyUsage: string, operation: string) =>
    `${keyArn} key usage is ${keyUsage} which is not valid for ${operation}.`,
  /** [REC] test_re_encrypt_incorrect_source_key, decrypt-invalid-key-id: IncorrectKeyException. */
  incorrectKey: () => "The key ID in the request does not identify a CMK that can perform this operation.",
  /** [DEC] CustomKeyStoreNotFoundException: the emulator has no custom key stores. */
  customKeyStoreNotFound: (customKeyStoreId: string) => `Custom key store ${customKeyStoreId} does not exist.`,
  /** [REC] test_generate_random_invalid_number_of_bytes[None]: ValidationException. */
  numberOfBytesRequired: () => "NumberOfBytes is required.",
  /**
   * [DEC] ValidationException for GenerateDataKey with neither or both of `KeySpec` and `NumberOfBytes` (the API
   * reference says exactly one is required; AWS's text is not recorded).
   */
  dataKeySpecOrLength: () => "Please specify either number of bytes or key spec.",
  /** [DEC] ValidationException for an EncryptionAlgorithm the key does not support. */
  encryptionAlgorithmUnsupported: (algorithm: string, keySpec: string) =>
    `Algorithm ${algorithm} is incompatible with key spec ${keySpec}.`,
  /** [DEC] UnsupportedOperationException for a `Recipient` (Nitro Enclaves attestation): the emulator has no enclave. */
  recipientUnsupported: () =>
    "The Recipient parameter (AWS Nitro Enclaves attestation) is not supported by this endpoint.",
  /** [REC] §4: NotFoundException for a well-formed key ID or key ARN with no key; the full ARN even for a bare ID. */
  keyDoesNotExist: (keyArn: string) => `Key '${keyArn}' does not exist`,
  /** [REC] §4: NotFoundException for a malformed key ID. */
  invalidKeyId: (input: string) => `Invalid keyId '${input}'`,
  /** [REC] §4: NotFoundException for a key ARN of another region (no quotes, no final period). */
  invalidArnRegion: (region: string) => `Invalid arn ${region}`,
  /** [RPT] §4: NotFoundException for an alias that does not exist. */
  aliasNotFound: (aliasArn: string) => `Alias ${aliasArn} is not found.`,
  /** [DEC] §6: a well-formed policy name other than `default` (moto's and LocalStack's text). */
  noSuchPolicy: () => "No such policy exists",
  /** [DOC/REC] §5: DisabledException. */
  keyDisabled: (keyArn: string) => `${keyArn} is disabled.`,
  /** [DOC/REC] §5: KMSInvalidStateException. */
  keyPendingDeletion: (keyArn: string) => `${keyArn} is pending deletion.`,
  /** [DOC/REC] §5: KMSInvalidStateException. */
  keyNotPendingDeletion: (keyArn: string) => `${keyArn} is not pending deletion.`,
  /** [DOC/REC] §5: KMSInvalidStateException. */
  keyPendingImport: (keyArn: string) => `${keyArn} is pending import.`,
  /** [DEC] KMSInvalidStateException for other states an operation refuses. */
  keyInState: (keyArn: string, state: string) => `${keyArn} is ${state}.`,
  /**
   * [RPT] §8: AccessDeniedException. `reason` says whether no policy allowed the action or one denied it explicitly.
   */
  accessDenied: (principalArn: string, action: string, resourceArn: string, reason: "no-policy" | "explicit-deny") =>
    reason === "explicit-deny"
      ? `User: ${principalArn} is not authorized to perform: ${action} on resource: ${resourceArn} with an explicit deny in a resource-based policy`
      : `User: ${principalArn} is not authorized to perform: ${action} on resource: ${resourceArn} because no resource-based policy allows the ${action} action`,
  /** [RPT] §7: MalformedPolicyDocumentException on the lockout safety check. */
  policyLockout: () => "The new key policy will not allow you to update the key policy in the future.",
  /** [RPT] §7 */
  policyNoPrincipal: () => "Policy contains a statement with no principal.",
  /** [RPT] §7 */
  policyInvalidPrincipals: () => "Policy contains a statement with one or more invalid principals.",
  /** [DEC] §7: LimitExceededException for a policy over 32 KiB. */
  policyTooLarge: (bytes: number) =>
    `The key policy document is ${bytes} bytes, which exceeds the 32768-byte limit for key policies.`,
  /**
   * [REC] CreateKey with a KeySpec other than SYMMETRIC_DEFAULT and no KeyUsage (ValidationException; LocalStack
   * snapshot `test_hmac_create_key_invalid_operations`, recorded against AWS 2023-04-13).
   */
  keyUsageRequired: () => "You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.",
  /**
   * [REC] CreateKey with a KeyUsage the KeySpec does not allow (ValidationException; LocalStack snapshot
   * `test_derive_shared_secret` / `response-invalid-key-spec`: `KeyUsage KEY_AGREEMENT is not compatible with KeySpec RSA_2048`).
   */
  keyUsageIncompatible: (keyUsage: string, keySpec: string) =>
    `KeyUsage ${keyUsage} is not compatible with KeySpec ${keySpec}`,
  /**
   * [RPT] ValidationException for an alias name with `:`, which the model's pattern `^[a-zA-Z0-9:/_-]+$` lets through
   * (hashicorp/terraform-provider-aws#12891: `ValidationException: alias/Service:Test contains invalid characters for
   * an alias`, status 400).
   */
  aliasInvalidCharacters: (aliasName: string) => `${aliasName} contains invalid characters for an alias`,
  /** [REC] CreateAlias without the alias/ prefix (ValidationException). */
  aliasPrefix: () =>
    'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html',
  /**
   * [DEC] ValidationException for a PendingWindowInDays inside the model's 1..365 but outside the 7..30 AWS documents
   * (LocalStack's text; AWS's is not recorded).
   */
  pendingWindowOutOfRange: (days: number) => `PendingWindowInDays should be between 7 and 30, but it is ${days}`,
  /**
   * [DEC] AlreadyExistsException for CreateAlias with a name in use: the alias ARN, as moto and LocalStack both
   * answer (LocalStack notes AWS names the ARN, not the name).
   */
  aliasAlreadyExists: (aliasArn: string) => `An alias with the name ${aliasArn} already exists`,
  /** [DEC] InvalidAliasNameException for names under the reserved `alias/aws/` prefix ([DOC] the prefix is reserved). */
  aliasReserved: (aliasName: string) =>
    `Alias ${aliasName} cannot be used: the alias/aws/ prefix is reserved for AWS managed keys.`,
  /** [DEC] InvalidAliasNameException for `alias/` with nothing after it. */
  aliasEmpty: () => "Alias name must contain at least one character after the alias/ prefix.",
  /**
   * [DEC] ValidationException when UpdateAlias would point an alias at a key of another type or usage ([DOC] the
   * current and new key must have the same key type and key usage).
   */
  aliasTargetMismatch: (aliasName: string) =>
    `${aliasName} cannot be moved to a key of another key spec type or key usage.`,
  /** [REC] TagException for a tag key that starts with `aws:`, any case (LocalStack snapshots recorded against AWS). */
  tagReserved: () => "Tags beginning with aws: are reserved",
  /** [REC] TagException for a tag key given twice in one request (TagResource, recorded by LocalStack against AWS). */
  tagDuplicate: () => "Duplicate tag keys",
  /** [REC] TagException for more than 50 tags (CreateKey with 51, recorded by LocalStack against AWS). */
  tagTooMany: () => "Too many tags",
  /**
   * [REC] §3 ValidationException: every constraint violation of a request, each
   * `Value '<v>' at '<path>' failed to satisfy constraint: <c>` (formatted by `validateRequest`), joined with `; `.
   */
  validationErrors: (violations: readonly string[]) =>
    `${violations.length} validation error${violations.length === 1 ? "" : "s"} detected: ${violations.join("; ")}`,
  /** [DEC] InvalidMarkerException for a `Marker` that was not handed out (ListKeys, ListAliases, ListResourceTags). */
  invalidMarker: () => "Invalid marker",
  /** [DEC text] ValidationException: CreateKey with both KeySpec and CustomerMasterKeySpec ([DOC] not combinable). */
  keySpecAndCustomerMasterKeySpec: () =>
    "You cannot specify KeySpec and CustomerMasterKeySpec in the same request. CustomerMasterKeySpec is deprecated.",
  /**
   * [DEC text] UnsupportedOperationException: CreateKey of an asymmetric or HMAC multi-Region key with `Origin:
   * EXTERNAL` ([DOC] imported key material is supported for symmetric multi-Region keys only).
   */
  multiRegionImportedKeyMaterial: (keySpec: string) =>
    `${keySpec} multi-Region keys cannot have imported key material.`,
  /**
   * [REC] UnsupportedOperationException with an empty message: RotateKeyOnDemand on an RSA_4096 key (LocalStack
   * snapshot `test_rotate_key_on_demand_raises_error_given_non_symmetric_key`, recorded against AWS 2025-03-08);
   * [RPT] the same empty text for EnableKeyRotation on an RSA_4096 SIGN_VERIFY key
   * (terraform-aws-modules/terraform-aws-kms#20). Every rotation operation on an asymmetric or HMAC key.
   */
  rotationUnsupportedKeySpec: () => "",
  /**
   * [REC] UnsupportedOperationException for a rotation operation on a key with imported material (LocalStack snapshot
   * `test_rotate_key_on_demand_raises_error_given_key_with_imported_key_material`, recorded against AWS 2025-03-08).
   */
  rotationUnsupportedOrigin: (keyArn: string, origin: string) =>
    `${keyArn} origin is ${origin} which is not valid for this operation.`,
  /**
   * [REC] KMSInvalidStateException: RotateKeyOnDemand on an EXTERNAL key with no new material imported for rotation
   * (LocalStack snapshot `test_rotate_key_on_demand_raises_for_no_pending_key_material`, recorded 2025-11-19).
   */
  noKeyMaterialPendingRotation: (keyArn: string) =>
    `No available key material pending rotation for the key: ${keyArn}.`,
  /**
   * [REC] LimitExceededException once a key has had its on-demand rotations (LocalStack snapshot
   * `test_key_rotations_limits`, recorded against AWS 2025-04-03).
   */
  onDemandRotationLimit: (keyArn: string) =>
    `The on-demand rotations limit has been reached for the given keyId. No more on-demand rotations can be performed for this key: ${keyArn}`,
  /**
   * [DEC] UnsupportedOperationException: ReplicateKey or UpdatePrimaryRegion on a key that is not multi-Region (AWS's
   * text is not recorded; LocalStack's differs, KMS-FIDELITY.md §5b).
   */
  notMultiRegionKey: (keyArn: string) => `${keyArn} is not a multi-Region key.`,
  /**
   * [DEC] UnsupportedOperationException: ReplicateKey or UpdatePrimaryRegion on a multi-Region replica key (both take
   * the primary key [DOC]; AWS's text is not recorded).
   */
  notMultiRegionPrimaryKey: (keyArn: string) => `${keyArn} is not a multi-Region primary key.`,
  /**
   * [DEC] AlreadyExistsException: ReplicateKey into a Region that already holds the key (a replica, or the primary
   * itself) [DOC API_ReplicateKey names the error, not its text].
   */
  replicaAlreadyExists: (keyArn: string) => `${keyArn} already exists.`,
  /**
   * [DEC] UnsupportedOperationException: ReplicateKey into a Region of another partition ([DOC] the replica must be in
   * the primary's partition).
   */
  replicaRegionOtherPartition: (region: string, partition: string) =>
    `Region ${region} is not in partition ${partition} of the primary key.`,
  /**
   * [DEC] UnsupportedOperationException: a rotation operation (EnableKeyRotation, DisableKeyRotation,
   * RotateKeyOnDemand) on a multi-Region replica key, whose rotation is the primary's ([DOC] API_EnableKeyRotation
   * "you cannot ... on a replica key").
   */
  rotationOnReplicaKey: (keyArn: string) =>
    `${keyArn} is a multi-Region replica key. Manage its rotation on the primary key.`,
  /** [REC] DryRunOperationException (LocalStack snapshots `test_generate_data_key_pair_dry_run`, recorded 2025-04-06). */
  dryRun: () => "The request would have succeeded, but the DryRun option is set.",
  /** [DEC] NotFoundException: a grant ID that names no grant of the key (AWS's text is not recorded). */
  grantNotFound: (grantId: string) => `Grant ID ${grantId} not found`,
  /** [DEC] InvalidGrantTokenException: a grant token the emulator did not hand out. */
  invalidGrantToken: () => "Grant token is not valid",
  /** [DEC] ValidationException: RetireGrant without a grant token nor a key and grant ID. */
  retireGrantIdentifiers: () => "Grant token OR (grant ID, key ID) must be specified",
  /** [DEC] KMSInternalException for a fault (its cause goes to the log, never to the wire; KMS-FIDELITY.md §1). */
  internalError: () => "An internal error occurred.",
  /** [DEC] §1 SerializationException for a request body that is not JSON (AWS's text is not recorded). */
  bodyNotJson: () => "Unable to parse the request body as JSON.",
  /** [DEC] §1 SerializationException for a JSON body that is not an object (Coral's text). */
  bodyNotStructure: () => "Start of structure or map not found.",
} as const;
