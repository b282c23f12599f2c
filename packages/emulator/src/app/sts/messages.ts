/** Every text the STS front end of the emulator sends, each with its evidence level. */
export const stsMessages = {
  /**
   * [RPT] InvalidAction for an Action/Version pair STS does not have: `NO_VERSION_SPECIFIED` without a `Version`,
   * the empty string for an empty one (public STS probe suite; the same text from SES and IAM in public issues).
   */
  invalidAction: (action: string, version: string | undefined) =>
    `Could not find operation ${action} for version ${version ?? "NO_VERSION_SPECIFIED"}`,
  /** [DOC] MissingAction, the AWS query common errors text. */
  missingAction: () => "The request is missing an action or a required parameter.",
  /** [RPT] InvalidClientTokenId: the text STS, IAM and other query services send. */
  invalidClientTokenId: () => "The security token included in the request is invalid.",
  /** [RPT] MissingAuthenticationToken on the query protocol (quoted by emulators that mirror AWS). */
  missingAuthenticationToken: () => "Request is missing Authentication Token",
  /** [DEC] InternalFailure: no detail on the wire. */
  internalFailure: () => "We encountered an internal error. Please try again.",
} as const;
