import type { KMSClient } from "@aws-sdk/client-kms";
import type { AwsSettings } from "./settings.js";

/**
 * A `KMSClient` for `settings`. The SDK is imported here, on first use, so `keypolicy --help` and `serve` never load
 * it. Settings not covered by `settings` (retries, FIPS) are the SDK's own defaults; its retry defaults are the AWS
 * CLI v2's (`standard` mode, 3 attempts, timeouts retried) [REC botocore `retries/standard.py`, @smithy/core retry].
 *
 * The SDK's own configured-endpoint lookup is turned off (`ignoreConfiguredEndpointUrls`): it would read the profile
 * of `AWS_PROFILE` instead of `--profile`; `settings.endpoint` already holds what the AWS CLI would use.
 *
 * Timeouts: `connectionTimeout` is the AWS CLI's connect timeout; `socketTimeout` (time a connected socket may stay
 * silent) its read timeout; 0 turns either off, as in the AWS CLI.
 */
export async function createKmsClient(settings: AwsSettings): Promise<KMSClient> {
  const { KMSClient } = await import("@aws-sdk/client-kms");
  return new KMSClient({
    region: settings.region,
    credentials: settings.credentials,
    ignoreConfiguredEndpointUrls: true,
    requestHandler: { connectionTimeout: settings.timeouts.connectMs, socketTimeout: settings.timeouts.readMs },
    ...(settings.endpoint !== undefined ? { endpoint: settings.endpoint } : {}),
    ...(settings.profile !== undefined ? { profile: settings.profile } : {}),
  });
}

/**
 * The URL requests go to, as the AWS CLI shows it in connection errors (`http://127.0.0.1:4566/`,
 * `https://kms.us-east-2.amazonaws.com/`).
 */
export function requestUrl(client: KMSClient, settings: AwsSettings): string {
  if (settings.endpoint !== undefined) {
    try {
      return new URL(settings.endpoint).href;
    } catch {
      return settings.endpoint;
    }
  }
  try {
    return client.config.endpointProvider({ Region: settings.region }).url.href;
  } catch {
    return `https://kms.${settings.region}.amazonaws.com/`;
  }
}
