import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { type RunningServer, startNodeServer } from "@keypolicy/emulator-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/main.js";
import {
  DEMO_DEFAULT_POLICY,
  DEMO_KEY_ID,
  DEMO_POLICY_JSON_OUTPUT,
  DEMO_REGION,
  DEMO_SEED,
  fakeIo,
  isolateProcessEnv,
  makeTempDir,
  NO_SHARED_FILES,
} from "./helpers.js";

// The AWS CLI takes its global options (--region, --profile, --endpoint-url, --output, the timeouts, --no-cli-pager)
// before or after the command: `aws --region us-east-2 kms get-key-policy …` and `aws kms get-key-policy … --region
// us-east-2` are the same call [DOC https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-options.html].

let server: RunningServer;
let dir: string;
beforeAll(async () => {
  isolateProcessEnv();
  server = await startNodeServer({ port: 0, seedFile: DEMO_SEED });
  dir = makeTempDir();
});
afterAll(() => server.close());

/** Runs keypolicy with no region, endpoint or output format in the environment: only the flags say where to go. */
async function run(argv: string[], env: Record<string, string> = {}) {
  const fake = fakeIo({
    ...NO_SHARED_FILES,
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE",
    AWS_SECRET_ACCESS_KEY: "secret",
    ...env,
  });
  const code = await main(argv, fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

const TIMEOUTS = ["--cli-connect-timeout", "5", "--cli-read-timeout", "5"];

const USAGE = `
usage: keypolicy <command> [options]
To see help text, you can run:

  keypolicy --help
  keypolicy <command> --help

`;

describe("global options before the command, as the AWS CLI takes them", () => {
  const where = () => ["--endpoint-url", server.url, "--region", DEMO_REGION];

  it.each([
    ["before the command", () => [...where(), "get-key-policy", "--key-id", DEMO_KEY_ID]],
    ["after the command", () => ["get-key-policy", "--key-id", DEMO_KEY_ID, ...where()]],
    [
      "split around the command",
      () => ["--region", DEMO_REGION, "get-key-policy", "--endpoint-url", server.url, "--key-id", DEMO_KEY_ID],
    ],
  ])("answers get-key-policy with --endpoint-url and --region %s", async (_, argv) => {
    expect(await run(argv())).toEqual({ code: 0, stdout: DEMO_POLICY_JSON_OUTPUT, stderr: "" });
  });

  it.each([
    ["before", () => ["--output", "text", "--no-cli-pager", ...where(), "get-key-policy", "--key-id", DEMO_KEY_ID]],
    ["after", () => ["get-key-policy", "--key-id", DEMO_KEY_ID, "--output", "text", "--no-cli-pager", ...where()]],
  ])("takes --output text and --no-cli-pager %s the command", async (_, argv) => {
    expect(await run(argv())).toEqual({ code: 0, stdout: `${DEMO_DEFAULT_POLICY}\n`, stderr: "" });
  });

  it.each([
    ["before", (files: string[]) => ["--profile", "emulator", "list-key-policies", "--key-id", DEMO_KEY_ID, ...files]],
    ["after", (files: string[]) => ["list-key-policies", "--key-id", DEMO_KEY_ID, "--profile", "emulator", ...files]],
  ])("reads the --profile given %s the command (its region and endpoint_url)", async (_, argv) => {
    const config = join(dir, "config");
    const credentials = join(dir, "credentials");
    writeFileSync(config, `[profile emulator]\nregion = ${DEMO_REGION}\nendpoint_url = ${server.url}\n`);
    writeFileSync(
      credentials,
      "[emulator]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = secret\n",
    );
    const result = await run(argv([]), { AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials });
    expect(result).toEqual({ code: 0, stdout: '{\n    "PolicyNames": [\n        "default"\n    ]\n}\n', stderr: "" });
  });

  it.each([
    ["before", () => [...TIMEOUTS, ...where(), "get-key-policy", "--key-id", DEMO_KEY_ID]],
    ["after", () => ["get-key-policy", "--key-id", DEMO_KEY_ID, ...TIMEOUTS, ...where()]],
  ])("takes the timeout flags %s the command", async (_, argv) => {
    expect((await run(argv())).code).toBe(0);
  });

  it("lets the value after the command win when a global option is given on both sides (the last one counts)", async () => {
    const argv = ["--output", "json", "get-key-policy", "--key-id", DEMO_KEY_ID, "--output", "text", ...where()];
    expect(await run(argv)).toEqual({ code: 0, stdout: `${DEMO_DEFAULT_POLICY}\n`, stderr: "" });
  });

  it.each([
    ["--region without its value", ["--region"], "option '--region <region>' argument missing"],
    ["--profile without its value", ["--profile"], "option '--profile <name>' argument missing"],
    [
      "a bad --output before the command",
      ["--output", "yaml", "get-key-policy", "--key-id", "k"],
      "option '--output <format>' argument 'yaml' is invalid. Allowed choices are json, text.",
    ],
    [
      "a bad timeout before the command",
      ["--cli-read-timeout", "soon", "get-key-policy", "--key-id", "k"],
      "option '--cli-read-timeout <seconds>' argument 'soon' is invalid. must be a whole number of seconds (0: no timeout).",
    ],
    ["an unknown flag before the command", ["--bogus", "get-key-policy", "--key-id", "k"], "unknown option '--bogus'"],
    [
      "an AWS flag before serve, which does not take it",
      ["--endpoint-url", "http://x", "serve"],
      "unknown option '--endpoint-url'",
    ],
  ])("refuses %s with the usage hint, exit code 252", async (_, argv, message) => {
    expect(await run(argv)).toEqual({ code: 252, stdout: "", stderr: `${USAGE}keypolicy: error: ${message}\n\n` });
  });
});

describe("a global option before serve", () => {
  it("gives serve's own --region when it is --region (the region of requests without a credential scope)", async () => {
    const fake = fakeIo({ ...NO_SHARED_FILES });
    const exit = main(["--region", "eu-west-3", "serve", "--port", "0"], fake.io);
    const url = /listening on (\S+)$/.exec(await fake.firstLine())?.[1] ?? "";
    // An unsigned request: its region is the default region serve was given.
    const answer = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "TrentService.CreateKey" },
      body: "{}",
    });
    const { KeyMetadata } = (await answer.json()) as { KeyMetadata: { Arn: string } };
    expect(KeyMetadata.Arn).toMatch(/^arn:aws:kms:eu-west-3:111122223333:key\//);
    fake.shutdown();
    expect(await exit).toBe(0);
  });
});
