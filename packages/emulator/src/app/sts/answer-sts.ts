import type { KmsError } from "@keypolicy/core";
import type { Authenticator } from "../auth/authenticate.js";
import type { Identity } from "../auth/identities.js";
import { callerFromAuthorization } from "../caller.js";
import type { EmulatorConfig } from "../deps.js";
import { stsMessages } from "./messages.js";
import { readQueryAction } from "./query-request.js";
import {
  type CallerIdentity,
  encodeGetCallerIdentityResponse,
  encodeStsError,
  STS_VERSION,
  type StsError,
  type StsResponse,
} from "./responses.js";

/** What {@link answerStsRequest} needs besides the request. */
export interface StsContext {
  readonly config: EmulatorConfig;
  /** The SigV4 authenticator for the signing name `sts` (`--auth sigv4`); absent: the lenient caller of §8. */
  readonly authenticate: Authenticator | undefined;
  readonly requestId: string;
  /** Epoch milliseconds, for the signature's clock-skew check. */
  readonly now: number;
}

/** The answer, and what the request log needs: the caller when known and the error code answered. */
export interface StsOutcome {
  readonly response: StsResponse;
  readonly caller?: { readonly accountId: string; readonly region: string };
  readonly errorCode?: string;
}

/**
 * Answers one STS query request (see `isStsRequest`): authenticates it as STS does (`--auth sigv4`: a signature for
 * the signing name `sts` by one of the identities), then runs `GetCallerIdentity` of version 2011-06-15, the only STS
 * operation the emulator has. Any other Action, or another Version, is InvalidAction as STS answers it.
 *
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
 */
export async function answerStsRequest(request: Request, body: Uint8Array, ctx: StsContext): Promise<StsOutcome> {
  const { requestId } = ctx;
  const fail = (error: StsError, caller?: StsOutcome["caller"]): StsOutcome => ({
    response: encodeStsError(error, requestId),
    errorCode: error.code,
    ...(caller === undefined ? {} : { caller }),
  });
  let caller: { accountId: string; region: string; principalArn: string; identity?: Identity };
  if (ctx.authenticate) {
    const authenticated = await ctx.authenticate(request, body, ctx.now);
    if (!authenticated.success) return fail(stsAuthError(authenticated.error));
    caller = authenticated.data;
  } else {
    caller = callerFromAuthorization(request.headers.get("authorization") ?? undefined, ctx.config);
  }
  const scope = { accountId: caller.accountId, region: caller.region };
  const { action, version } = readQueryAction(body);
  if (action === undefined) return fail({ code: "MissingAction", message: stsMessages.missingAction() }, scope);
  if (action !== "GetCallerIdentity" || version !== STS_VERSION) {
    return fail({ code: "InvalidAction", message: stsMessages.invalidAction(action, version) }, scope);
  }
  return { response: encodeGetCallerIdentityResponse(callerIdentityOf(caller), requestId), caller: scope };
}

/**
 * Who the caller is, as GetCallerIdentity prints it: the principal ARN and account of the caller resolution
 * (KMS-FIDELITY.md §8; the signing identity with `--auth sigv4`), and `UserId`: the identity's `UserId` when the
 * identities file gives one, else the account ID for the account root [DOC] (`aws:userid` of the root), else [DEC]
 * the access key ID (moto's server answers its access key as `UserId` too [REC moto 5.2.1]).
 */
export function callerIdentityOf(caller: {
  readonly accountId: string;
  readonly principalArn: string;
  readonly identity?: Identity;
}): CallerIdentity {
  const isRoot = caller.principalArn.endsWith(":root");
  const userId =
    caller.identity?.userId ?? (isRoot ? caller.accountId : (caller.identity?.accessKeyId ?? caller.accountId));
  return { arn: caller.principalArn, userId, account: caller.accountId };
}

/**
 * The STS form of a SigV4 failure [RPT]: the query protocol names the same failures without KMS's `Exception`
 * suffixes (InvalidClientTokenId for KMS's UnrecognizedClientException), 403 but for IncompleteSignature (400).
 */
function stsAuthError(error: KmsError): StsError {
  switch (error.name) {
    case "MissingAuthenticationTokenException":
      return { code: "MissingAuthenticationToken", message: stsMessages.missingAuthenticationToken() };
    case "UnrecognizedClientException":
      return { code: "InvalidClientTokenId", message: stsMessages.invalidClientTokenId() };
    case "InvalidSignatureException":
      return { code: "SignatureDoesNotMatch", message: error.message };
    case "IncompleteSignatureException":
      return { code: "IncompleteSignature", message: error.message };
    default:
      return { code: "InternalFailure", message: stsMessages.internalFailure() };
  }
}
