import { type CallerScope, isAccountId, partitionOfRegion } from "@keypolicy/core";
import type { EmulatorConfig } from "./deps.js";

// `Credential=<AKID>/<yyyymmdd>/<region>/<service>/aws4_request` inside a SigV4 Authorization header.
const CREDENTIAL = /Credential=([^/,\s]+)\/\d{8}\/([^/,\s]+)\/[^/,\s]+\/aws4_request/;

/**
 * Works out who is calling and where, from the request's SigV4 credential scope (KMS-FIDELITY.md §8):
 * the region is the scope's region; a 12-digit access key ID is the account (LocalStack's convention), any other maps
 * to the default account. An unsigned request gets the configured defaults. The principal is the account root.
 */
export function callerFromAuthorization(authorization: string | undefined, config: EmulatorConfig): CallerScope {
  const match = authorization ? CREDENTIAL.exec(authorization) : null;
  const accessKeyId = match?.[1];
  const region = match?.[2] ?? config.defaultRegion;
  const accountId = accessKeyId && isAccountId(accessKeyId) ? accessKeyId : config.defaultAccountId;
  const partition = partitionOfRegion(region);
  return { partition, region, accountId, principalArn: `arn:${partition}:iam::${accountId}:root` };
}
