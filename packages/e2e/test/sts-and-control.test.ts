import { join } from "node:path";
import type { RunningServer } from "@keypolicy/emulator-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsCli } from "../src/aws-cli.js";
import { ACCOUNT_ID, clientEnv, findAwsCli, findBoto3Python, run } from "../src/clients.js";
import { DEMO_KEY_ID, startEmulator } from "../src/servers.js";

// STS GetCallerIdentity and the test-control reset, driven by clients no one here wrote: boto3 (as a moto user's
// suite drives moto_server, resetting it with POST /moto-api/reset) and both AWS CLI majors.
const REGION = "us-east-2";
const OTHER_ACCOUNT = "444455556666";
const SCRIPT = join(import.meta.dirname, "..", "scripts", "sts-and-reset.py");

let server: RunningServer;
beforeAll(async () => {
  server = await startEmulator();
});
afterAll(async () => {
  await server?.close();
});

const python = findBoto3Python();
describe.skipIf("missing" in python)(`boto3 (${"version" in python ? python.version : ""})`, () => {
  it("asks STS who it is, and resets the emulator between tests as moto's server is reset", async () => {
    const plan = { endpoint: server.url, region: REGION, accessKeys: ["AKIDEXAMPLE", OTHER_ACCOUNT] };
    const result = await run("path" in python ? python.path : "python3", [SCRIPT, JSON.stringify(plan)], {
      env: clientEnv(REGION),
      timeoutMs: 60_000,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      identities: {
        AKIDEXAMPLE: { Account: ACCOUNT_ID, Arn: `arn:aws:iam::${ACCOUNT_ID}:root`, UserId: ACCOUNT_ID },
        [OTHER_ACCOUNT]: { Account: OTHER_ACCOUNT, Arn: `arn:aws:iam::${OTHER_ACCOUNT}:root`, UserId: OTHER_ACCOUNT },
      },
      seeded: [DEMO_KEY_ID],
      beforeReset: 4,
      reset: { status: 200, body: '{"status": "ok"}' },
      afterReset: [DEMO_KEY_ID],
      aliasesAfterReset: ["alias/ExampleAlias"],
      getSessionToken: { code: "InvalidAction", status: 400 },
    });
  });
});

describe.each([1, 2] as const)("AWS CLI v%i: aws sts get-caller-identity", (major) => {
  const cli = findAwsCli(major);
  it.skipIf("missing" in cli)("prints the caller's account, ARN and UserId", async () => {
    const path = "path" in cli ? cli.path : "aws";
    const answer = await awsCli(path, server.url, REGION, ["sts", "get-caller-identity", "--output", "json"]);
    expect(answer.code, answer.stderr).toBe(0);
    expect(JSON.parse(answer.stdout)).toEqual({
      UserId: ACCOUNT_ID,
      Account: ACCOUNT_ID,
      Arn: `arn:aws:iam::${ACCOUNT_ID}:root`,
    });
    const unknown = await awsCli(path, server.url, REGION, ["sts", "get-session-token"]);
    // The AWS CLI exits 255 (v1) or 254 (v2) on a service error.
    expect(unknown.code).toBe(major === 1 ? 255 : 254);
    expect(unknown.stderr).toContain(
      "An error occurred (InvalidAction) when calling the GetSessionToken operation: Could not find operation GetSessionToken for version 2011-06-15",
    );
  });
});
