/**
 * Every error text the KMS key-policy surface sends, in one place, each with its evidence level from
 * KMS-FIDELITY.md ([REC] recorded, [DOC] documented, [RPT] reported, [DEC] the project's decision).
 */
export const messages = {
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
  /** [REC] CreateAlias without the alias/ prefix (ValidationException). */
  aliasPrefix: () =>
    'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html',
} as const;
