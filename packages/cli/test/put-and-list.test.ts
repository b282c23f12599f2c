import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type RunningServer, startNodeServer } from "@keypolicy/emulator-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/main.js";
import { DEMO_KEY_ID, DEMO_REGION, DEMO_SEED, fakeIo, isolateProcessEnv, makeTempDir, testEnv } from "./helpers.js";

const fixture = (name: string) => readFileSync(join(import.meta.dirname, "fixtures", name), "utf8");

let server: RunningServer;
let dir: string;
beforeAll(async () => {
  isolateProcessEnv();
  server = await startNodeServer({ port: 0, seedFile: DEMO_SEED });
  dir = makeTempDir();
});
afterAll(() => server.close());

async function run(argv: string[]) {
  const fake = fakeIo(testEnv({ AWS_REGION: DEMO_REGION, AWS_ENDPOINT_URL_KMS: server.url }), dir);
  const code = await main(argv, fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

const COMPACT_POLICY =
  '{"Version":"2012-10-17","Id":"cli-test","Statement":[{"Sid":"Root","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"}]}';
const PRETTY_POLICY = `{
  "Version" : "2012-10-17",
  "Id" : "cli-test",
  "Statement" : [ {
    "Sid" : "Root",
    "Effect" : "Allow",
    "Principal" : {
      "AWS" : "arn:aws:iam::111122223333:root"
    },
    "Action" : "kms:*",
    "Resource" : "*"
  } ]
}`;

describe("keypolicy put-key-policy", () => {
  it("puts a policy read from file:// (relative to the working directory), prints nothing, and KMS returns it re-serialised", async () => {
    writeFileSync(join(dir, "policy.json"), COMPACT_POLICY);
    expect(await run(["put-key-policy", "--key-id", DEMO_KEY_ID, "--policy", "file://policy.json"])).toEqual({
      code: 0,
      stdout: "",
      stderr: "",
    });
    const got = await run(["get-key-policy", "--key-id", DEMO_KEY_ID, "--output", "text"]);
    expect(got.stdout).toBe(`${PRETTY_POLICY}\n`);
  });

  it("puts a policy given inline, with --policy-name and the bypass flag", async () => {
    const policy = COMPACT_POLICY.replace("cli-test", "inline");
    const argv = ["put-key-policy", "--key-id", "alias/ExampleAlias", "--policy", policy, "--policy-name", "default"];
    expect((await run([...argv, "--bypass-policy-lockout-safety-check"])).code).toBe(0);
    expect((await run([...argv, "--no-bypass-policy-lockout-safety-check"])).code).toBe(0);
    const got = await run(["get-key-policy", "--key-id", DEMO_KEY_ID, "--output", "text"]);
    expect(got.stdout).toContain('"Id" : "inline"');
  });

  it.each([
    [
      "a document that is not JSON (the service's empty message, printed as the AWS CLI does)",
      ["--policy", "not json"],
      "MalformedPolicyDocumentException",
      "",
    ],
    [
      "a policy name outside [\\w]+ (refused before sending)",
      ["--policy", COMPACT_POLICY, "--policy-name", "a b"],
      "ValidationException",
      "1 validation error detected: Value 'a b' at 'policyName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w]+",
    ],
    [
      "a policy with a character outside the model's set (refused before sending)",
      ["--policy", '{"Id":"€"}'],
      "ValidationException",
      "1 validation error detected: Value '{\"Id\":\"€\"}' at 'policy' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+",
    ],
  ])("reports %s with exit code 254", async (_, flags, name, message) => {
    const result = await run(["put-key-policy", "--key-id", DEMO_KEY_ID, ...flags]);
    expect(result).toEqual({
      code: 254,
      stdout: "",
      stderr: `\nAn error occurred (${name}) when calling the PutKeyPolicy operation: ${message}\n`,
    });
  });

  it("reports a file:// that cannot be read as the AWS CLI does, exit code 252", async () => {
    const result = await run(["put-key-policy", "--key-id", DEMO_KEY_ID, "--policy", "file://nope.json"]);
    expect(result).toEqual({
      code: 252,
      stdout: "",
      stderr:
        "\nError parsing parameter '--policy': Unable to load paramfile file://nope.json: [Errno 2] No such file or directory: 'nope.json'\n",
    });
  });
});

describe("keypolicy list-key-policies", () => {
  it.each([
    ["json", "aws-cli-2.9.19-list-key-policies.json"],
    ["text", "aws-cli-2.9.19-list-key-policies.txt"],
  ])("prints the AWS CLI's %s output byte for byte", async (output, file) => {
    const result = await run(["list-key-policies", "--key-id", "alias/ExampleAlias", "--output", output]);
    expect(result).toEqual({ code: 0, stdout: fixture(file), stderr: "" });
  });

  it("reports an unknown alias with exit code 254", async () => {
    const result = await run(["list-key-policies", "--key-id", "alias/Nope"]);
    expect(result).toEqual({
      code: 254,
      stdout: "",
      stderr:
        "\nAn error occurred (NotFoundException) when calling the ListKeyPolicies operation: Alias arn:aws:kms:us-east-2:111122223333:alias/Nope is not found.\n",
    });
  });
});
