import type { SharedConfigFiles } from "@smithy/types";

/**
 * The endpoint the AWS CLI v2 configures for KMS when `--endpoint-url` is absent, looked up in this order
 * [DOC "Service-specific endpoints", AWS SDKs and Tools reference guide; REC botocore `ConfiguredEndpointProvider`
 * and `ensure_boolean`]:
 * 1. `AWS_ENDPOINT_URL_KMS`, 2. `AWS_ENDPOINT_URL` (an empty variable counts as unset);
 * 3. `kms =` / `  endpoint_url = …` in the `[services NAME]` section the profile names with `services = NAME`;
 * 4. the profile's own `endpoint_url`.
 * `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS`, else the profile's `ignore_configured_endpoint_urls`, equal to `true`
 * (any case) turns all four off.
 *
 * The SDK has the same lookup, but reads `process.env` and the profile of `AWS_PROFILE` only, never the client's
 * `profile` [REC @smithy/core 3.41 `getEndpointFromConfig` calls `loadConfig` without one], so `--profile` would be
 * ignored: keypolicy resolves the endpoint here and tells the SDK to skip its own lookup.
 *
 * @param profile the profile's name (`--profile`, `AWS_PROFILE`, else `default`).
 * @param files the shared files as the SDK's `loadSharedConfigFiles` parsed them (sections `services.NAME`, nested
 *   keys `kms.endpoint_url`).
 * @returns the endpoint, `undefined` for KMS's own; an error message (AWS CLI's text, exit 255) when the profile
 *   names a services section that does not exist.
 */
export function configuredEndpoint(
  profile: string,
  env: Readonly<Record<string, string | undefined>>,
  files: SharedConfigFiles,
): { success: true; data: string | undefined } | { success: false; error: string } {
  // botocore merges a profile of the credentials file over the same profile of the config file.
  const scoped = { ...files.configFile[profile], ...files.credentialsFile[profile] };
  const ignore = env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? scoped.ignore_configured_endpoint_urls;
  if (ignore?.toLowerCase() === "true") return { success: true, data: undefined };
  const fromEnv = nonEmpty(env.AWS_ENDPOINT_URL_KMS) ?? nonEmpty(env.AWS_ENDPOINT_URL);
  if (fromEnv !== undefined) return { success: true, data: fromEnv };
  const servicesName = scoped.services;
  if (servicesName !== undefined) {
    const section = files.configFile[`services.${servicesName}`];
    if (section === undefined || Object.keys(section).length === 0) {
      return {
        success: false,
        error: `The profile is configured to use the services section but the "${servicesName}" services configuration does not exist.`,
      };
    }
    const fromServices = nonEmpty(section["kms.endpoint_url"]);
    if (fromServices !== undefined) return { success: true, data: fromServices };
  }
  return { success: true, data: nonEmpty(scoped.endpoint_url) };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}
