import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";
import { EXIT_CODES } from "../exit-codes.js";
import { type CommandDone, done } from "../io.js";
import { configuredEndpoint } from "./configured-endpoint.js";

/** The flags every AWS command takes, as the AWS CLI spells them. */
export interface AwsCommonOptions {
  /** `--endpoint-url`: where to send requests, e.g. `http://127.0.0.1:4566`. */
  readonly endpointUrl?: string;
  /** `--region`. */
  readonly region?: string;
  /** `--profile`: a profile of the shared config and credentials files. */
  readonly profile?: string;
  /** `--output`: `json` (default) or `text`. */
  readonly output?: OutputFormat;
  /** `--cli-connect-timeout`: seconds to wait for the TCP connection; 0 waits forever. Default 60. */
  readonly cliConnectTimeout?: number;
  /** `--cli-read-timeout`: seconds a connected socket may stay silent; 0 waits forever. Default 60. */
  readonly cliReadTimeout?: number;
}

/** The AWS CLI's default for `--cli-connect-timeout` and `--cli-read-timeout`, in seconds [DOC AWS CLI global options]. */
export const DEFAULT_TIMEOUT_SECONDS = 60;

/** The output formats keypolicy prints (the AWS CLI's `json` and `text`). */
export type OutputFormat = "json" | "text";

/** Where and as whom to send requests: what a `KMSClient` needs. */
export interface AwsSettings {
  readonly region: string;
  /** Absent: KMS in `region` (configured endpoints are resolved here, never by the SDK). */
  readonly endpoint?: string;
  readonly profile?: string;
  /** Static credentials from the environment, or the SDK's default provider chain (resolved on first use). */
  readonly credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  readonly output: OutputFormat;
  /** Milliseconds to wait for a connection / for the next byte on a connected socket; 0 waits forever. */
  readonly timeouts: { readonly connectMs: number; readonly readMs: number };
}

/**
 * The AWS CLI's texts for configuration errors [REC: printed by AWS CLI v2.9.19 on this machine, each wrapped in
 * newlines on stderr].
 */
export const CONFIG_MESSAGES = {
  noRegion: 'You must specify a region. You can also configure your region by running "aws configure".',
  noCredentials: 'Unable to locate credentials. You can configure credentials by running "aws configure".',
  profileNotFound: (profile: string) => `The config profile (${profile}) could not be found`,
  badEndpoint: (url: string) =>
    `Bad value for --endpoint-url "${url}": scheme is missing.  Must be of the form http://<hostname>/ or https://<hostname>/`,
} as const;

/** An AWS CLI-style message on stderr: a blank line, the text, a newline [REC AWS CLI v2.9.19]. */
export function cliError(exitCode: number, message: string): CommandDone {
  return done(exitCode, { stderr: `\n${message}\n` });
}

/**
 * Resolves region, endpoint, profile and credentials the way the AWS CLI does, reading `env` (never `process.env`
 * directly, so tests control it):
 * - endpoint: `--endpoint-url`, then the configured endpoint of {@link configuredEndpoint} (`AWS_ENDPOINT_URL_KMS`,
 *   `AWS_ENDPOINT_URL`, the profile's services section, the profile's `endpoint_url`; all off with
 *   `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` / `ignore_configured_endpoint_urls`); else KMS in the region;
 * - profile: `--profile`, then `AWS_PROFILE`; a named profile missing from both shared files is an error
 *   (exit 255, as AWS CLI v2.9.19 answers [REC]);
 * - region: `--region`, `AWS_REGION`, `AWS_DEFAULT_REGION`, then the profile's `region` in the config file
 *   (`AWS_CONFIG_FILE`, default `~/.aws/config`); none → exit 253;
 * - credentials: `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`/`AWS_SESSION_TOKEN` unless `--profile` is given (the
 *   AWS CLI's order: the flag beats the environment, the environment beats `AWS_PROFILE`); otherwise the SDK's default
 *   provider chain (profile files, SSO, process, web identity, container/instance metadata). A missing credential is
 *   found when the first request is signed, after local validation, as in the AWS CLI.
 * - output: `--output`, then `AWS_DEFAULT_OUTPUT` when it is `json` or `text`, else `json` [DEC: the AWS CLI's
 *   `table`/`yaml` are not offered];
 * - timeouts: `--cli-connect-timeout` and `--cli-read-timeout` in seconds, default 60, 0 for none.
 *
 * @returns the settings, or the outcome to report (exit 252 bad `--endpoint-url`, 253 no region, 255 no such profile
 *   or a missing services section).
 */
export async function resolveAwsSettings(
  options: AwsCommonOptions,
  env: Readonly<Record<string, string | undefined>>,
): Promise<{ success: true; data: AwsSettings } | { success: false; error: CommandDone }> {
  const fail = (exitCode: number, message: string) => ({ success: false as const, error: cliError(exitCode, message) });
  if (options.endpointUrl !== undefined && !/^https?:\/\/[^/]/i.test(options.endpointUrl)) {
    return fail(EXIT_CODES.usage, CONFIG_MESSAGES.badEndpoint(options.endpointUrl));
  }
  const profile = options.profile ?? nonEmpty(env.AWS_PROFILE);
  const files = { filepath: nonEmpty(env.AWS_SHARED_CREDENTIALS_FILE), configFilepath: nonEmpty(env.AWS_CONFIG_FILE) };
  const { loadSharedConfigFiles } = await import("@smithy/core/config");
  const shared = await loadSharedConfigFiles({ ...definedOnly(files), ignoreCache: true });
  if (profile !== undefined && !(profile in shared.configFile) && !(profile in shared.credentialsFile)) {
    return fail(EXIT_CODES.other, CONFIG_MESSAGES.profileNotFound(profile));
  }
  let endpoint = options.endpointUrl;
  if (endpoint === undefined) {
    const configured = configuredEndpoint(profile ?? "default", env, shared);
    if (!configured.success) return fail(EXIT_CODES.other, configured.error);
    endpoint = configured.data;
  }
  const region =
    options.region ??
    nonEmpty(env.AWS_REGION) ??
    nonEmpty(env.AWS_DEFAULT_REGION) ??
    nonEmpty(shared.configFile[profile ?? "default"]?.region);
  if (region === undefined) return fail(EXIT_CODES.configuration, CONFIG_MESSAGES.noRegion);
  const credentials = await resolveCredentials(options.profile, profile, files, env);
  const envOutput = env.AWS_DEFAULT_OUTPUT;
  const output = options.output ?? (envOutput === "json" || envOutput === "text" ? envOutput : "json");
  return {
    success: true,
    data: {
      region,
      credentials,
      output,
      timeouts: {
        connectMs: (options.cliConnectTimeout ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
        readMs: (options.cliReadTimeout ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
      },
      ...(endpoint !== undefined ? { endpoint } : {}),
      ...(profile !== undefined ? { profile } : {}),
    },
  };
}

async function resolveCredentials(
  profileFlag: string | undefined,
  profile: string | undefined,
  files: { filepath: string | undefined; configFilepath: string | undefined },
  env: Readonly<Record<string, string | undefined>>,
): Promise<AwsCredentialIdentity | AwsCredentialIdentityProvider> {
  const accessKeyId = nonEmpty(env.AWS_ACCESS_KEY_ID);
  const secretAccessKey = nonEmpty(env.AWS_SECRET_ACCESS_KEY);
  if (profileFlag === undefined && accessKeyId !== undefined && secretAccessKey !== undefined) {
    const sessionToken = nonEmpty(env.AWS_SESSION_TOKEN);
    return { accessKeyId, secretAccessKey, ...(sessionToken !== undefined ? { sessionToken } : {}) };
  }
  const { defaultProvider } = await import("@aws-sdk/credential-provider-node");
  return defaultProvider({ ...definedOnly(files), ...(profile !== undefined ? { profile } : {}) });
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}

function definedOnly<T extends Record<string, string | undefined>>(record: T): { [K in keyof T]?: string } {
  const out: { [K in keyof T]?: string } = {};
  for (const [name, value] of Object.entries(record)) if (value !== undefined) out[name as keyof T] = value;
  return out;
}
