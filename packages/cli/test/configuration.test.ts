import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { type RunningServer, startNodeServer } from "@keypolicy/emulator-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/main.js";
import { DEMO_KEY_ID, DEMO_SEED, fakeIo, isolateProcessEnv, makeTempDir, NO_SHARED_FILES } from "./helpers.js";

let server: RunningServer;
let files: { AWS_CONFIG_FILE: string; AWS_SHARED_CREDENTIALS_FILE: string };
beforeAll(async () => {
  isolateProcessEnv();
  server = await startNodeServer({ port: 0, seedFile: DEMO_SEED });
  const dir = makeTempDir();
  files = { AWS_CONFIG_FILE: join(dir, "config"), AWS_SHARED_CREDENTIALS_FILE: join(dir, "credentials") };
  writeFileSync(files.AWS_CONFIG_FILE, "[default]\nregion = eu-west-1\n\n[profile demo]\nregion = us-east-2\n");
  writeFileSync(
    files.AWS_SHARED_CREDENTIALS_FILE,
    "[demo]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n",
  );
});
afterAll(() => server.close());

async function run(argv: string[], env: Record<string, string>) {
  const fake = fakeIo({ AWS_EC2_METADATA_DISABLED: "true", ...env });
  const code = await main(argv, fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

describe("credentials and region from the shared files", () => {
  it.each([
    ["--profile", ["--profile", "demo"], {}],
    ["AWS_PROFILE", [], { AWS_PROFILE: "demo" }],
  ])("reads the region and credentials of the profile named by %s", async (_, flags, env) => {
    const argv = [
      "get-key-policy",
      "--key-id",
      DEMO_KEY_ID,
      "--endpoint-url",
      server.url,
      "--output",
      "text",
      ...flags,
    ];
    const { code, stdout, stderr } = await run(argv, { ...files, ...env });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain('"AWS" : "arn:aws:iam::111122223333:root"');
  });

  it("uses the default profile's region when no profile is named", async () => {
    const env = { ...files, AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE", AWS_SECRET_ACCESS_KEY: "secret" };
    const { code, stderr } = await run(["get-key-policy", "--key-id", DEMO_KEY_ID, "--endpoint-url", server.url], env);
    expect(code).toBe(254);
    expect(stderr).toContain("arn:aws:kms:eu-west-1:111122223333:key/");
  });
});

describe("configuration errors", () => {
  it("reports a missing region as the AWS CLI does, exit code 253", async () => {
    const env = { ...NO_SHARED_FILES, AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE", AWS_SECRET_ACCESS_KEY: "secret" };
    const result = await run(["get-key-policy", "--key-id", DEMO_KEY_ID, "--endpoint-url", server.url], env);
    expect(result).toEqual({
      code: 253,
      stdout: "",
      stderr: '\nYou must specify a region. You can also configure your region by running "aws configure".\n',
    });
  });

  it("reports missing credentials as the AWS CLI does, exit code 253", async () => {
    const env = { ...NO_SHARED_FILES, AWS_REGION: "us-east-2" };
    const result = await run(["get-key-policy", "--key-id", DEMO_KEY_ID, "--endpoint-url", server.url], env);
    expect(result).toEqual({
      code: 253,
      stdout: "",
      stderr: '\nUnable to locate credentials. You can configure credentials by running "aws configure".\n',
    });
  });

  it("checks the input before looking for credentials, as the AWS CLI does", async () => {
    const env = { ...NO_SHARED_FILES, AWS_REGION: "us-east-2" };
    const { code, stderr } = await run(["get-key-policy", "--key-id", "nope", "--endpoint-url", server.url], env);
    expect(code).toBe(254);
    expect(stderr).toContain("Invalid keyId 'nope'");
  });

  it("reports an unknown profile as AWS CLI v2.9.19 does, exit code 255", async () => {
    const result = await run(["list-key-policies", "--key-id", DEMO_KEY_ID, "--profile", "missing"], files);
    expect(result).toEqual({ code: 255, stdout: "", stderr: "\nThe config profile (missing) could not be found\n" });
  });

  it("refuses an --endpoint-url without a scheme, exit code 252", async () => {
    const env = { ...files, AWS_PROFILE: "demo" };
    const result = await run(["get-key-policy", "--key-id", DEMO_KEY_ID, "--endpoint-url", "localhost:4566"], env);
    expect(result).toEqual({
      code: 252,
      stdout: "",
      stderr:
        '\nBad value for --endpoint-url "localhost:4566": scheme is missing.  Must be of the form http://<hostname>/ or https://<hostname>/\n',
    });
  });
});
