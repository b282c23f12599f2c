import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type AwsCommonOptions, resolveAwsSettings } from "./settings.js";

const NO_FILES = {
  AWS_CONFIG_FILE: "/nonexistent/keypolicy/config",
  AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/keypolicy/credentials",
};
const KEYS = { AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE", AWS_SECRET_ACCESS_KEY: "secret" };

async function settings(options: AwsCommonOptions, env: Record<string, string>) {
  const result = await resolveAwsSettings(options, { ...NO_FILES, ...KEYS, ...env });
  if (!result.success) throw new Error(result.error.stderr);
  return result.data;
}

describe("resolveAwsSettings", () => {
  it.each([
    [
      "--endpoint-url first",
      { endpointUrl: "http://flag" },
      { AWS_ENDPOINT_URL_KMS: "http://kms", AWS_ENDPOINT_URL: "http://all" },
      "http://flag",
    ],
    [
      "then AWS_ENDPOINT_URL_KMS",
      {},
      { AWS_ENDPOINT_URL_KMS: "http://kms", AWS_ENDPOINT_URL: "http://all" },
      "http://kms",
    ],
    ["then AWS_ENDPOINT_URL", {}, { AWS_ENDPOINT_URL: "http://all" }, "http://all"],
    ["else none (the SDK resolves AWS's)", {}, {}, undefined],
    [
      "an empty variable counts as unset",
      {},
      { AWS_ENDPOINT_URL_KMS: "", AWS_ENDPOINT_URL: "http://all" },
      "http://all",
    ],
  ])("takes the endpoint from %s", async (_, options, env, expected) => {
    expect((await settings(options, { AWS_REGION: "us-east-2", ...env })).endpoint).toBe(expected);
  });

  it.each([
    ["a named profile without one: not the default profile's", { profile: "aws" }, {}, undefined],
    [
      "the credentials file's endpoint_url over the config file's (botocore merges it over)",
      { profile: "both" },
      {},
      "http://cred",
    ],
    [
      "none with AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true",
      { profile: "p" },
      { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "true", AWS_ENDPOINT_URL: "http://all" },
      undefined,
    ],
    [
      "none with AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=TRUE (any case)",
      { profile: "p" },
      { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "TRUE" },
      undefined,
    ],
    [
      "the profile's with AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=false",
      { profile: "p" },
      { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "false" },
      "http://p",
    ],
    [
      "none with the profile's ignore_configured_endpoint_urls = true",
      { profile: "ignoring" },
      { AWS_ENDPOINT_URL_KMS: "http://kms" },
      undefined,
    ],
    [
      "the flag even with ignore_configured_endpoint_urls = true",
      { profile: "ignoring", endpointUrl: "http://flag" },
      {},
      "http://flag",
    ],
  ])("takes the configured endpoint: %s", async (_, options, env, expected) => {
    const dir = mkdtempSync(join(tmpdir(), "keypolicy-settings-"));
    const files = { AWS_CONFIG_FILE: join(dir, "config"), AWS_SHARED_CREDENTIALS_FILE: join(dir, "credentials") };
    writeFileSync(
      files.AWS_CONFIG_FILE,
      "[default]\nendpoint_url = http://default\n[profile aws]\nregion = us-east-2\n[profile p]\nendpoint_url = http://p\n" +
        "[profile both]\nendpoint_url = http://config\n[profile ignoring]\nendpoint_url = http://p\nignore_configured_endpoint_urls = true\n",
    );
    writeFileSync(files.AWS_SHARED_CREDENTIALS_FILE, "[both]\nendpoint_url = http://cred\n");
    expect((await settings(options, { AWS_REGION: "us-east-2", ...files, ...env })).endpoint).toBe(expected);
  });

  it.each([
    ["--region first", { region: "r-flag" }, { AWS_REGION: "r-env", AWS_DEFAULT_REGION: "r-default" }, "r-flag"],
    ["then AWS_REGION", {}, { AWS_REGION: "r-env", AWS_DEFAULT_REGION: "r-default" }, "r-env"],
    ["then AWS_DEFAULT_REGION", {}, { AWS_DEFAULT_REGION: "r-default" }, "r-default"],
  ])("takes the region from %s", async (_, options, env, expected) => {
    expect((await settings(options, env)).region).toBe(expected);
  });

  it("takes the region from the named profile, then the default profile, in AWS_CONFIG_FILE", async () => {
    const dir = mkdtempSync(join(tmpdir(), "keypolicy-settings-"));
    const config = join(dir, "config");
    writeFileSync(config, "[default]\nregion = eu-west-1\n[profile dev]\nregion = ap-south-1\n");
    expect((await settings({ profile: "dev" }, { AWS_CONFIG_FILE: config })).region).toBe("ap-south-1");
    expect((await settings({}, { AWS_CONFIG_FILE: config, AWS_PROFILE: "dev" })).region).toBe("ap-south-1");
    expect((await settings({}, { AWS_CONFIG_FILE: config })).region).toBe("eu-west-1");
  });

  it("uses the environment's keys unless --profile is given", async () => {
    const env = { AWS_REGION: "us-east-2", AWS_SESSION_TOKEN: "token" };
    expect((await settings({}, env)).credentials).toEqual({
      ...{ accessKeyId: KEYS.AWS_ACCESS_KEY_ID, secretAccessKey: "secret" },
      sessionToken: "token",
    });
    const dir = mkdtempSync(join(tmpdir(), "keypolicy-settings-"));
    const credentials = join(dir, "credentials");
    writeFileSync(credentials, "[dev]\naws_access_key_id = AKIDFROMFILE\naws_secret_access_key = s\n");
    const fromProfile = (await settings({ profile: "dev" }, { ...env, AWS_SHARED_CREDENTIALS_FILE: credentials }))
      .credentials;
    expect(typeof fromProfile).toBe("function");
    expect(await (fromProfile as () => Promise<{ accessKeyId: string }>)()).toMatchObject({
      accessKeyId: "AKIDFROMFILE",
    });
  });

  it.each([
    [{ output: "text" } as const, {}, "text"],
    [{}, { AWS_DEFAULT_OUTPUT: "text" }, "text"],
    [{ output: "json" } as const, { AWS_DEFAULT_OUTPUT: "text" }, "json"],
    [{}, { AWS_DEFAULT_OUTPUT: "table" }, "json"],
  ])("chooses the output format (%j, %j) → %s", async (options, env, expected) => {
    expect((await settings(options, { AWS_REGION: "us-east-2", ...env })).output).toBe(expected);
  });

  it.each([
    ["no region", {}, { AWS_REGION: "" }, 253, "You must specify a region."],
    ["an unknown profile", { profile: "nope" }, {}, 255, "The config profile (nope) could not be found"],
    [
      "an endpoint without scheme",
      { endpointUrl: "localhost:4566" },
      {},
      252,
      'Bad value for --endpoint-url "localhost:4566": scheme is missing.',
    ],
  ])("refuses %s", async (_, options, env, exitCode, message) => {
    const result = await resolveAwsSettings(options, { ...NO_FILES, ...KEYS, ...env });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.exitCode).toBe(exitCode);
    expect(result.error.stderr).toContain(message);
  });
});
