/**
 * Every text the SigV4 front end of the emulator sends, in one place, each with its evidence level
 * (KMS-FIDELITY.md §9: [RPT] quoted from real AWS answers in public issues, [DEC] the project's decision).
 */
export const authMessages = {
  /** [RPT] §9: UnrecognizedClientException for an access key ID nobody owns, or a session token that is not its. */
  unrecognizedClient: () => "The security token included in the request is invalid.",
  /** [RPT] §9: InvalidSignatureException when the recomputed signature differs. */
  signatureMismatch: () =>
    "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
  /** [RPT] §9: InvalidSignatureException for a request dated more than 5 minutes before now. */
  signatureExpired: (date: string, limit: string, now: string) =>
    `Signature expired: ${date} is now earlier than ${limit} (${now} - 5 min.)`,
  /** [RPT] §9: InvalidSignatureException for a request dated more than 5 minutes after now. */
  signatureNotYetCurrent: (date: string, limit: string, now: string) =>
    `Signature not yet current: ${date} is still later than ${limit} (${now} + 5 min.)`,
  /** [RPT] §9: MissingAuthenticationTokenException for a request with no Authorization header. */
  missingAuthenticationToken: () => "Missing Authentication Token",
  /**
   * [RPT] IncompleteSignatureException when the Authorization header lacks a part (text reported from AWS JSON and
   * query front ends); which parts are named follows the header. [DEC] for KMS.
   */
  incompleteSignature: (missing: readonly string[], authorization: string) =>
    `${missing.map((part) => `Authorization header requires ${part}.`).join(" ")} Authorization=${authorization}`,
  /** [RPT] IncompleteSignatureException for a `Credential`/`SignedHeaders`/`Signature` part without `=`. */
  notKeyValuePair: (part: string, authorization: string) =>
    `'${part}' not a valid key=value pair (missing equal-sign) in Authorization header: '${authorization}'.`,
  /** [DEC] IncompleteSignatureException for an Authorization header that is not `AWS4-HMAC-SHA256 …`. */
  unsupportedAlgorithm: (authorization: string) => `Unsupported Authorization Type. Authorization=${authorization}`,
  /** [DEC] IncompleteSignatureException for a `Credential` that is not `<key>/<yyyymmdd>/<region>/<service>/aws4_request`. */
  malformedCredential: (credential: string) =>
    `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`,
  /** [DEC] IncompleteSignatureException for an `X-Amz-Date` that is not `yyyymmddThhmmssZ`. */
  malformedDate: (value: string) =>
    `Date must be in ISO-8601 'basic format'. Got '${value}'. See http://en.wikipedia.org/wiki/ISO_8601`,
  /** [RPT] InvalidSignatureException when the credential scope names another region than the endpoint serves. */
  wrongRegion: (region: string) => `Credential should be scoped to a valid region, not '${region}'. `,
  /** [RPT] InvalidSignatureException when the credential scope names another service than `kms`. */
  wrongService: (service: string) => `Credential should be scoped to correct service: '${service}'. `,
  /** [DEC] InvalidSignatureException when the scope's date is not the date of `X-Amz-Date`. */
  scopeDateMismatch: (scopeDate: string, date: string) =>
    `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${date.slice(0, 8)}', from '${date}'.`,
  /** [DEC] IncompleteSignatureException when `host` is not among the signed headers. */
  hostNotSigned: () => "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
} as const;
