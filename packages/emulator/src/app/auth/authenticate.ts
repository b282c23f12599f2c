import {
  type CallerScope,
  createKmsError,
  type KmsError,
  partitionOfRegion,
  type Result,
  SIGNING_NAME,
  err,
  ok,
} from "@keypolicy/core";
import type { Identities, Identity } from "./identities.js";
import { authMessages } from "./messages.js";
import { verifySigV4 } from "./verify-sigv4.js";

/**
 * How the emulator authenticates requests.
 *
 * - `none` (the default, for local use): no signature is checked; the caller comes from the SigV4 credential scope as
 *   KMS-FIDELITY.md §8 describes (12-digit access key = account, else the default account; principal = account root).
 * - `sigv4`: every request must carry a valid AWS Signature Version 4 by one of `identities`; the caller is that
 *   identity, in the region of the credential scope.
 */
export type AuthConfig = { readonly mode: "none" } | ({ readonly mode: "sigv4" } & Identities);

/** A caller whose request was authenticated, with the identity that signed it. */
export interface AuthenticatedCaller extends CallerScope {
  readonly identity: Identity;
}

/** Authenticates one request: the Fetch request, its exact body bytes, and the current time (epoch ms). */
export type Authenticator = (
  request: Request,
  body: Uint8Array,
  now: number,
) => Promise<Result<AuthenticatedCaller, KmsError>>;

/**
 * Creates the `sigv4` authenticator: verifies each request's signature with {@link verifySigV4} against the
 * identities (indexed once), for the signing name `service` (default `kms`; the STS front end passes `sts`).
 *
 * @returns per request the caller (identity's account and principal ARN, the scope's region and its partition), or the
 *   AWS error (KMS-FIDELITY.md §9). [DEC] A scope region outside the identity's partition (an `aws` identity signing
 *   for `cn-north-1`) is UnrecognizedClientException, as keys of one partition are unknown in another.
 */
export function createSigV4Authenticator(config: Identities, service: string = SIGNING_NAME): Authenticator {
  const byAccessKey = new Map(config.identities.map((identity) => [identity.accessKeyId, identity]));
  const lookupIdentity = (accessKeyId: string) => byAccessKey.get(accessKeyId);
  // One signer per identity, region and service, reused across requests (verifySigV4 caps how many it keeps).
  const signers = new Map<string, import("@smithy/signature-v4").SignatureV4>();
  return async (request, body, now) => {
    const url = new URL(request.url);
    const verified = await verifySigV4(
      { method: request.method, path: url.pathname, query: url.search.slice(1), headers: request.headers, body },
      {
        lookupIdentity,
        now,
        service,
        signers,
        ...(config.regions === undefined ? {} : { regions: config.regions }),
      },
    );
    if (!verified.success) return verified;
    const { identity, region } = verified.data;
    const partition = partitionOfRegion(region);
    if (partition !== identity.partition) {
      return err(createKmsError("UnrecognizedClientException", authMessages.unrecognizedClient()));
    }
    return ok({ partition, region, accountId: identity.accountId, principalArn: identity.principalArn, identity });
  };
}
