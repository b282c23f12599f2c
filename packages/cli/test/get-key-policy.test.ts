import { readFileSync } from "node:fs";
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
  testEnv,
} from "./helpers.js";

const fixture = (name: string) => readFileSync(join(import.meta.dirname, "fixtures", name), "utf8");

let server: RunningServer;
beforeAll(async () => {
  isolateProcessEnv();
  server = await startNodeServer({ port: 0, seedFile: DEMO_SEED });
});
afterAll(() => server.close());

/** Runs keypolicy in-process against the emulator, with region and endpoint from the environment. */
async function run(argv: string[], env: Record<string, string> = {}) {
  const fake = fakeIo(testEnv({ AWS_REGION: DEMO_REGION, AWS_ENDPOINT_URL: server.url, ...env }));
  const code = await main(argv, fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

describe("keypolicy get-key-policy", () => {
  it("prints the policy as the AWS CLI's json output, byte for byte", async () => {
    const result = await run(["get-key-policy", "--key-id", DEMO_KEY_ID]);
    expect(result).toEqual({ code: 0, stdout: DEMO_POLICY_JSON_OUTPUT, stderr: "" });
  });

  it("prints the same bytes as AWS CLI v2, apart from the PolicyName member its older model lacks", async () => {
    const { stdout } = await run(["get-key-policy", "--key-id", DEMO_KEY_ID, "--output", "json"]);
    const withoutPolicyName = stdout.replace('",\n    "PolicyName": "default"\n}', '"\n}');
    expect(withoutPolicyName).toBe(fixture("aws-cli-2.9.19-get-key-policy.json"));
  });

  it("prints the policy document alone with --output text, as `--query Policy --output text` does", async () => {
    const { code, stdout } = await run(["get-key-policy", "--key-id", DEMO_KEY_ID, "--output", "text"]);
    expect(code).toBe(0);
    expect(stdout).toBe(`${DEMO_DEFAULT_POLICY}\n`);
    expect(stdout).toBe(fixture("aws-cli-2.9.19-get-key-policy-query-policy.txt"));
  });

  it("takes the output format from AWS_DEFAULT_OUTPUT when --output is left out", async () => {
    const { stdout } = await run(["get-key-policy", "--key-id", DEMO_KEY_ID], { AWS_DEFAULT_OUTPUT: "text" });
    expect(stdout).toBe(`${DEMO_DEFAULT_POLICY}\n`);
  });

  it.each([
    ["an alias name", "alias/ExampleAlias"],
    ["a key ARN", `arn:aws:kms:us-east-2:111122223333:key/${DEMO_KEY_ID}`],
    ["an alias ARN", "arn:aws:kms:us-east-2:111122223333:alias/ExampleAlias"],
  ])("resolves %s to the key", async (_, keyId) => {
    const { code, stdout } = await run([
      "get-key-policy",
      "--key-id",
      keyId,
      "--policy-name",
      "default",
      "--output",
      "text",
    ]);
    expect(code).toBe(0);
    expect(stdout).toBe(`${DEMO_DEFAULT_POLICY}\n`);
  });

  it("reports an unknown key as the AWS CLI does, exit code 254", async () => {
    const keyId = "1234abcd-12ab-34cd-56ef-1234567890ac";
    const result = await run(["get-key-policy", "--key-id", keyId]);
    expect(result).toEqual({
      code: 254,
      stdout: "",
      stderr: `\nAn error occurred (NotFoundException) when calling the GetKeyPolicy operation: Key 'arn:aws:kms:us-east-2:111122223333:key/${keyId}' does not exist\n`,
    });
  });

  it("refuses a malformed key ID before sending, with the AWS CLI's bytes for the service's answer", async () => {
    const result = await run(["get-key-policy", "--key-id", "nope"]);
    expect(result.code).toBe(254);
    expect(result.stderr).toBe(fixture("aws-cli-2.9.19-not-found.stderr"));
  });

  it.each([
    [
      "an empty key ID",
      ["--key-id", ""],
      "ValidationException",
      "1 validation error detected: Value '' at 'keyId' failed to satisfy constraint: Member must have length greater than or equal to 1",
    ],
    [
      "a policy name outside [\\w]+",
      ["--key-id", DEMO_KEY_ID, "--policy-name", "my-policy"],
      "ValidationException",
      "1 validation error detected: Value 'my-policy' at 'policyName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w]+",
    ],
    [
      "a policy name other than default",
      ["--key-id", DEMO_KEY_ID, "--policy-name", "other"],
      "NotFoundException",
      "No such policy exists",
    ],
    [
      "a key ARN of another region",
      ["--key-id", `arn:aws:kms:us-west-2:111122223333:key/${DEMO_KEY_ID}`],
      "NotFoundException",
      "Invalid arn us-west-2",
    ],
  ])("reports %s with exit code 254", async (_, flags, name, message) => {
    const result = await run(["get-key-policy", ...flags]);
    expect(result).toEqual({
      code: 254,
      stdout: "",
      stderr: `\nAn error occurred (${name}) when calling the GetKeyPolicy operation: ${message}\n`,
    });
  });
});

describe("where keypolicy sends requests", () => {
  const unreachable = "http://127.0.0.1:1";

  it.each([
    [
      "AWS_ENDPOINT_URL_KMS before AWS_ENDPOINT_URL",
      [],
      () => ({ AWS_ENDPOINT_URL_KMS: server.url, AWS_ENDPOINT_URL: unreachable }),
    ],
    ["AWS_ENDPOINT_URL alone", [], () => ({ AWS_ENDPOINT_URL: server.url })],
    [
      "--endpoint-url before both variables",
      ["--endpoint-url", "SERVER"],
      () => ({ AWS_ENDPOINT_URL_KMS: unreachable, AWS_ENDPOINT_URL: unreachable }),
    ],
  ])("honours %s", async (_, flags, env) => {
    const argv = [
      "get-key-policy",
      "--key-id",
      DEMO_KEY_ID,
      "--output",
      "text",
      ...flags.map((f) => (f === "SERVER" ? server.url : f)),
    ];
    const { code, stdout } = await run(argv, env());
    expect(code).toBe(0);
    expect(stdout).toBe(`${DEMO_DEFAULT_POLICY}\n`);
  });

  it.each([
    ["--endpoint-url", ["--endpoint-url", unreachable], {}],
    ["AWS_ENDPOINT_URL_KMS", [], { AWS_ENDPOINT_URL_KMS: unreachable }],
  ])("reports an unreachable endpoint from %s as the AWS CLI does, exit code 255", async (_, flags, env) => {
    const result = await run(["get-key-policy", "--key-id", DEMO_KEY_ID, ...flags], env);
    expect(result).toEqual({ code: 255, stdout: "", stderr: fixture("aws-cli-2.9.19-connection-refused.stderr") });
  });

  it.each([
    ["--region", ["--region", DEMO_REGION], { AWS_REGION: "eu-west-1" }],
    ["AWS_REGION before AWS_DEFAULT_REGION", [], { AWS_REGION: DEMO_REGION, AWS_DEFAULT_REGION: "eu-west-1" }],
    ["AWS_DEFAULT_REGION", [], { AWS_REGION: "", AWS_DEFAULT_REGION: DEMO_REGION }],
  ])("signs for the region from %s (the emulator finds the us-east-2 key only there)", async (_, flags, env) => {
    const { code } = await run(["get-key-policy", "--key-id", DEMO_KEY_ID, ...flags], env);
    expect(code).toBe(0);
  });

  it("looks in the signed region: the us-east-2 key does not exist in eu-west-1", async () => {
    const { code, stderr } = await run(["get-key-policy", "--key-id", DEMO_KEY_ID, "--region", "eu-west-1"]);
    expect(code).toBe(254);
    expect(stderr).toContain(`Key 'arn:aws:kms:eu-west-1:111122223333:key/${DEMO_KEY_ID}' does not exist`);
  });
});
