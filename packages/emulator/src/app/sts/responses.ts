// STS's wire format (AWS query protocol, version 2011-06-15): XML documents indented by two spaces with a final
// newline, `Content-Type: text/xml`, the request ID in `x-amzn-RequestId` and in the body.
// [RPT] Byte layout, element order (Arn, UserId, Account), namespaces and statuses as a public probe suite asserts
// them against live STS (Rust `aws-sts-oracle`, found by code search); [DOC] the GetCallerIdentity example of the
// STS API reference shows the same document.
import { escapeXml } from "./xml.js";

/** STS's XML namespace, of its results and of its own errors. */
export const STS_NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
/** The namespace of errors the AWS query front end answers before STS sees the request (InvalidAction) [RPT]. */
export const AWS_FAULT_NAMESPACE = "http://webservices.amazon.com/AWSFault/2005-15-09";
/** The one API version STS has. */
export const STS_VERSION = "2011-06-15";

/**
 * The STS errors the emulator answers, by code: HTTP status and the namespace of the `ErrorResponse`. All are
 * `<Type>Sender</Type>`, but the internal failure (`Receiver`).
 */
export const STS_ERRORS = {
  /** [RPT] 400, AWSFault namespace: an `Action` (or `Version`) STS does not have. */
  InvalidAction: { status: 400, namespace: AWS_FAULT_NAMESPACE, type: "Sender" },
  /** [DEC] 400: a body without `Action` (STS itself answers a 302 redirect to https://aws.amazon.com/iam [RPT]). */
  MissingAction: { status: 400, namespace: AWS_FAULT_NAMESPACE, type: "Sender" },
  /** [RPT] 403: an access key ID nobody owns, or a session token that is not its. */
  InvalidClientTokenId: { status: 403, namespace: STS_NAMESPACE, type: "Sender" },
  /** [RPT] 403: no `Authorization` header (`--auth sigv4`). */
  MissingAuthenticationToken: { status: 403, namespace: STS_NAMESPACE, type: "Sender" },
  /** [RPT] 403: the signature does not verify, or is dated more than 5 minutes away. */
  SignatureDoesNotMatch: { status: 403, namespace: STS_NAMESPACE, type: "Sender" },
  /** [DOC] 400 (AWS query common errors): the `Authorization` header lacks a part or is malformed. */
  IncompleteSignature: { status: 400, namespace: STS_NAMESPACE, type: "Sender" },
  /** [DOC] 500 (AWS query common errors): anything the emulator failed at; the cause goes to the log only. */
  InternalFailure: { status: 500, namespace: STS_NAMESPACE, type: "Receiver" },
} as const;

/** An STS error code the emulator answers. */
export type StsErrorCode = keyof typeof STS_ERRORS;

/** An STS error as data: its code and message. */
export interface StsError {
  readonly code: StsErrorCode;
  readonly message: string;
}

/** What `GetCallerIdentity` answers: who signed the request. */
export interface CallerIdentity {
  /** The caller's ARN: `arn:aws:iam::<account>:root`, `…:user/…`, or `arn:aws:sts::<account>:assumed-role/…`. */
  readonly arn: string;
  /** `aws:userid`: the account for the root, `AIDA…` for a user, `AROA…:<session>` for a role session. */
  readonly userId: string;
  /** The 12-digit account ID. */
  readonly account: string;
}

/** A response ready for the wire: status, headers and the XML text. */
export interface StsResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

function headers(requestId: string): Record<string, string> {
  return { "Content-Type": "text/xml", "x-amzn-RequestId": requestId };
}

/**
 * The `GetCallerIdentityResponse` document, 200.
 *
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
 */
export function encodeGetCallerIdentityResponse(identity: CallerIdentity, requestId: string): StsResponse {
  const body =
    `<GetCallerIdentityResponse xmlns="${STS_NAMESPACE}">\n` +
    "  <GetCallerIdentityResult>\n" +
    `    <Arn>${escapeXml(identity.arn)}</Arn>\n` +
    `    <UserId>${escapeXml(identity.userId)}</UserId>\n` +
    `    <Account>${escapeXml(identity.account)}</Account>\n` +
    "  </GetCallerIdentityResult>\n" +
    "  <ResponseMetadata>\n" +
    `    <RequestId>${escapeXml(requestId)}</RequestId>\n` +
    "  </ResponseMetadata>\n" +
    "</GetCallerIdentityResponse>\n";
  return { status: 200, headers: headers(requestId), body };
}

/**
 * An `ErrorResponse` document with the status and namespace of {@link STS_ERRORS}.
 *
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html
 */
export function encodeStsError(error: StsError, requestId: string): StsResponse {
  const { status, namespace, type } = STS_ERRORS[error.code];
  const body =
    `<ErrorResponse xmlns="${namespace}">\n` +
    "  <Error>\n" +
    `    <Type>${type}</Type>\n` +
    `    <Code>${error.code}</Code>\n` +
    `    <Message>${escapeXml(error.message)}</Message>\n` +
    "  </Error>\n" +
    `  <RequestId>${escapeXml(requestId)}</RequestId>\n` +
    "</ErrorResponse>\n";
  return { status, headers: headers(requestId), body };
}
