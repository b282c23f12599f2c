import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { type RunningServer, startNodeServer } from "@keypolicy/emulator-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/main.js";
import { DEMO_DEFAULT_POLICY, DEMO_KEY_ID, DEMO_SEED, fakeIo, isolateProcessEnv, makeTempDir } from "./helpers.js";

/** Nothing listens there: a request sent there fails with "Could not connect". */
const UNREACHABLE = "http://127.0.0.1:1";

let server: RunningServer;
let dir: string;
beforeAll(async () => {
  isolateProcessEnv();
  server = await startNodeServer({ port: 0, seedFile: DEMO_SEED });
  dir = makeTempDir();
});
afterAll(() => server.close());

let fileCount = 0;
/** Keys for every profile the tests name (with `--profile` the AWS CLI ignores the environment's keys). */
const CREDENTIALS = ["default", "emulator", "aws", "p"]
  .map((name) => `[${name}]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = secret\n`)
  .join("\n");

/** Writes a config file (the `EMULATOR` placeholder becomes the emulator's URL) and a credentials file. */
function sharedFiles(config: string): { AWS_CONFIG_FILE: string; AWS_SHARED_CREDENTIALS_FILE: string } {
  fileCount += 1;
  const files = {
    AWS_CONFIG_FILE: join(dir, `config-${fileCount}`),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, `credentials-${fileCount}`),
  };
  writeFileSync(files.AWS_CONFIG_FILE, config.replaceAll("EMULATOR", server.url));
  writeFileSync(files.AWS_SHARED_CREDENTIALS_FILE, CREDENTIALS);
  return files;
}

async function getKeyPolicy(flags: string[], env: Record<string, string>) {
  const fake = fakeIo({
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE",
    AWS_SECRET_ACCESS_KEY: "secret",
    AWS_REGION: "us-east-2",
    ...env,
  });
  const code = await main(["get-key-policy", "--key-id", DEMO_KEY_ID, "--output", "text", ...flags], fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

const ANSWERED = { code: 0, stdout: `${DEMO_DEFAULT_POLICY}\n`, stderr: "" };
const notAnswered = (url: string) => ({
  code: 255,
  stdout: "",
  stderr: `\nCould not connect to the endpoint URL: "${url}/"\n`,
});

describe("a profile's endpoint_url, as AWS CLI v2 reads it", () => {
  const config = `[default]\nendpoint_url = ${UNREACHABLE}\n\n[profile emulator]\nendpoint_url = EMULATOR\n`;

  it.each([
    ["--profile", ["--profile", "emulator"], {}],
    ["AWS_PROFILE", [], { AWS_PROFILE: "emulator" }],
  ])("sends to the endpoint_url of the profile named by %s", async (_, flags, env) => {
    expect(await getKeyPolicy(flags, { ...sharedFiles(config), ...env })).toEqual(ANSWERED);
  });

  it("sends to the default profile's endpoint_url when no profile is named", async () => {
    expect(await getKeyPolicy([], sharedFiles("[default]\nendpoint_url = EMULATOR\n"))).toEqual(ANSWERED);
  });
});

describe("the order of configured endpoints", () => {
  const servicesConfig =
    "[profile p]\nservices = local\nendpoint_url = PROFILE\n\n[services local]\nkms =\n  endpoint_url = SERVICES\n";
  const withUrls = (urls: { profile: string; services: string }) =>
    servicesConfig.replace("PROFILE", urls.profile).replace("SERVICES", urls.services);

  it("takes the services section's kms endpoint_url before the profile's endpoint_url", async () => {
    const files = sharedFiles(withUrls({ profile: UNREACHABLE, services: "EMULATOR" }));
    expect(await getKeyPolicy(["--profile", "p"], files)).toEqual(ANSWERED);
  });

  it("falls back to the profile's endpoint_url when the services section has no kms entry", async () => {
    const files = sharedFiles(
      "[profile p]\nservices = local\nendpoint_url = EMULATOR\n\n[services local]\ns3 =\n  endpoint_url = http://127.0.0.1:1\n",
    );
    expect(await getKeyPolicy(["--profile", "p"], files)).toEqual(ANSWERED);
  });

  it("takes AWS_ENDPOINT_URL before the services section", async () => {
    const files = sharedFiles(withUrls({ profile: UNREACHABLE, services: UNREACHABLE }));
    expect(await getKeyPolicy(["--profile", "p"], { ...files, AWS_ENDPOINT_URL: server.url })).toEqual(ANSWERED);
  });

  it("takes AWS_ENDPOINT_URL_KMS before AWS_ENDPOINT_URL", async () => {
    const files = sharedFiles(withUrls({ profile: UNREACHABLE, services: UNREACHABLE }));
    const env = { ...files, AWS_ENDPOINT_URL_KMS: server.url, AWS_ENDPOINT_URL: UNREACHABLE };
    expect(await getKeyPolicy(["--profile", "p"], env)).toEqual(ANSWERED);
  });

  it("takes --endpoint-url before everything configured", async () => {
    const files = sharedFiles(withUrls({ profile: UNREACHABLE, services: UNREACHABLE }));
    const env = { ...files, AWS_ENDPOINT_URL_KMS: UNREACHABLE, AWS_ENDPOINT_URL: UNREACHABLE };
    expect(await getKeyPolicy(["--profile", "p", "--endpoint-url", server.url], env)).toEqual(ANSWERED);
  });

  it("reports a profile naming a services section that does not exist as AWS CLI v2 does, exit code 255", async () => {
    const files = sharedFiles("[profile p]\nservices = nowhere\nendpoint_url = EMULATOR\n");
    expect(await getKeyPolicy(["--profile", "p"], files)).toEqual({
      code: 255,
      stdout: "",
      stderr:
        '\nThe profile is configured to use the services section but the "nowhere" services configuration does not exist.\n',
    });
  });

  it("reports where it tried to connect with the configured endpoint in the message", async () => {
    const files = sharedFiles(`[profile p]\nendpoint_url = ${UNREACHABLE}\n`);
    expect(await getKeyPolicy(["--profile", "p"], files)).toEqual(notAnswered(UNREACHABLE));
  });
});

describe("ignoring configured endpoints", () => {
  it.each([
    [
      "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true",
      "[profile p]\nendpoint_url = http://127.0.0.1:1\n",
      { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "true" },
    ],
    [
      "ignore_configured_endpoint_urls = true",
      "[profile p]\nendpoint_url = http://127.0.0.1:1\nignore_configured_endpoint_urls = true\n",
      {},
    ],
  ])("still honours --endpoint-url with %s", async (_, config, env) => {
    const files = sharedFiles(config);
    expect(
      await getKeyPolicy(["--profile", "p", "--endpoint-url", server.url], {
        ...files,
        ...env,
        AWS_ENDPOINT_URL_KMS: UNREACHABLE,
      }),
    ).toEqual(ANSWERED);
  });
});
