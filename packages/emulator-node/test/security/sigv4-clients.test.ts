import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  GetKeyPolicyCommand,
  KMSClient,
  ListKeysCommand,
  type ServiceInputTypes,
  type ServiceOutputTypes,
} from "@aws-sdk/client-kms";
import type { FinalizeHandler, FinalizeHandlerArguments } from "@smithy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startNodeServer } from "../../src/serve.js";
import { failure } from "@keypolicy/emulator/testing";
import { alice, MISMATCH, session } from "./helpers.js";

// Real clients (AWS SDK for JavaScript v3, AWS CLI v1, boto3) signing real HTTP requests to a real server in sigv4 mode.
const KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
const seedFile = join(import.meta.dirname, "../../../../examples/demo-seed.yaml");
let dir: string;
let server: RunningServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "keypolicy-sigv4-"));
  const identitiesFile = join(dir, "identities.yaml");
  writeFileSync(
    identitiesFile,
    [
      "regions: [us-east-2, us-west-2]",
      "identities:",
      `  - AccessKeyId: ${alice.accessKeyId}`,
      `    SecretAccessKey: ${alice.secretAccessKey}`,
      `    PrincipalArn: ${alice.principalArn}`,
      `  - AccessKeyId: ${session.accessKeyId}`,
      `    SecretAccessKey: ${session.secretAccessKey}`,
      `    SessionToken: "${session.sessionToken}"`,
      `    PrincipalArn: ${session.principalArn}`,
    ].join("\n"),
  );
  server = await startNodeServer({ port: 0, seedFile, auth: "sigv4", identitiesFile });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

function client(
  options: { secret?: string; region?: string; clockOffset?: number; token?: string; accessKeyId?: string } = {},
) {
  const kms = new KMSClient({
    endpoint: server.url,
    region: options.region ?? "us-east-2",
    maxAttempts: 1, // the SDK would otherwise correct its clock from the answer and retry
    credentials: {
      accessKeyId: options.accessKeyId ?? alice.accessKeyId,
      secretAccessKey: options.secret ?? alice.secretAccessKey,
      ...(options.token === undefined ? {} : { sessionToken: options.token }),
    },
  });
  if (options.clockOffset !== undefined) kms.config.systemClockOffset = options.clockOffset;
  return kms;
}

/** Edits the request the SDK sends after it has been signed. */
function afterSigning(
  kms: KMSClient,
  name: string,
  edit: (request: { headers: Record<string, string>; body: string | Uint8Array }) => void,
) {
  kms.middlewareStack.addRelativeTo(
    (next: FinalizeHandler<ServiceInputTypes, ServiceOutputTypes>) =>
      async (args: FinalizeHandlerArguments<ServiceInputTypes>) => {
        edit(args.request as { headers: Record<string, string>; body: string | Uint8Array });
        return next(args);
      },
    { relation: "after", toMiddleware: "httpSigningMiddleware", name },
  );
}

const EXPIRED = /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 5 min\.\)$/;
const NOT_YET =
  /^Signature not yet current: \d{8}T\d{6}Z is still later than \d{8}T\d{6}Z \(\d{8}T\d{6}Z \+ 5 min\.\)$/;

describe("AWS SDK for JavaScript v3 against the server in sigv4 mode", () => {
  it("the right secret gets the key policy", async () => {
    const output = await client().send(new GetKeyPolicyCommand({ KeyId: KEY_ID }));
    expect(output.PolicyName).toBe("default");
    expect(JSON.parse(output.Policy ?? "")).toMatchObject({ Id: "key-default-1" });
  });

  it("temporary credentials with their session token are accepted", async () => {
    const kms = client({
      accessKeyId: session.accessKeyId,
      secret: session.secretAccessKey,
      token: session.sessionToken ?? "",
    });
    expect((await kms.send(new GetKeyPolicyCommand({ KeyId: KEY_ID }))).PolicyName).toBe("default");
  });

  it("a wrong secret is InvalidSignatureException", async () => {
    expect(await failure(client({ secret: "wrong" }).send(new ListKeysCommand({})))).toEqual({
      name: "InvalidSignatureException",
      message: MISMATCH,
      status: 400,
    });
  });

  it("an unknown access key is UnrecognizedClientException", async () => {
    expect(await failure(client({ accessKeyId: "AKIANOBODY0000000001" }).send(new ListKeysCommand({})))).toEqual({
      name: "UnrecognizedClientException",
      message: "The security token included in the request is invalid.",
      status: 400,
    });
  });

  it("a wrong session token is UnrecognizedClientException", async () => {
    const kms = client({ accessKeyId: session.accessKeyId, secret: session.secretAccessKey, token: "wrong-token" });
    expect((await failure(kms.send(new ListKeysCommand({})))).name).toBe("UnrecognizedClientException");
  });

  it("a region the endpoint does not serve is InvalidSignatureException", async () => {
    expect(await failure(client({ region: "eu-west-1" }).send(new ListKeysCommand({})))).toEqual({
      name: "InvalidSignatureException",
      message: "Credential should be scoped to a valid region, not 'eu-west-1'. ",
      status: 400,
    });
  });

  it("a request signed for one region whose scope is rewritten to another is InvalidSignatureException", async () => {
    const kms = client();
    afterSigning(kms, "rewriteScopeRegion", (request) => {
      request.headers["authorization"] = String(request.headers["authorization"]).replace("/us-east-2/", "/us-west-2/");
    });
    expect(await failure(kms.send(new ListKeysCommand({})))).toEqual({
      name: "InvalidSignatureException",
      message: MISMATCH,
      status: 400,
    });
  });

  it("a request signed ten minutes ago (a replay) is 'Signature expired'", async () => {
    const result = await failure(client({ clockOffset: -10 * 60_000 }).send(new ListKeysCommand({})));
    expect(result.name).toBe("InvalidSignatureException");
    expect(result.message).toMatch(EXPIRED);
  });

  it("a request dated ten minutes ahead is 'Signature not yet current'", async () => {
    const result = await failure(client({ clockOffset: 10 * 60_000 }).send(new ListKeysCommand({})));
    expect(result.name).toBe("InvalidSignatureException");
    expect(result.message).toMatch(NOT_YET);
  });

  it("a body changed after signing is InvalidSignatureException", async () => {
    const kms = client();
    let tampered = false;
    afterSigning(kms, "tamperBody", (request) => {
      const text = typeof request.body === "string" ? request.body : new TextDecoder().decode(request.body);
      // Same length, so Content-Length stays true: only the signature can tell.
      const changed = text.replace('"default"', '"DEFAULT"');
      tampered = changed !== text;
      request.body = typeof request.body === "string" ? changed : new TextEncoder().encode(changed);
    });
    const result = await failure(kms.send(new GetKeyPolicyCommand({ KeyId: KEY_ID, PolicyName: "default" })));
    expect(tampered).toBe(true);
    expect(result).toEqual({ name: "InvalidSignatureException", message: MISMATCH, status: 400 });
  });
});

// The Python clients run as the user would run them, with nothing from the environment's AWS set-up.
function pythonEnv(accessKeyId: string, secret: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith("AWS_")) env[name] = value;
  return {
    ...env,
    AWS_ACCESS_KEY_ID: accessKeyId,
    AWS_SECRET_ACCESS_KEY: secret,
    AWS_CONFIG_FILE: "/dev/null",
    AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
    AWS_MAX_ATTEMPTS: "1",
    AWS_EC2_METADATA_DISABLED: "true",
    NO_PROXY: "127.0.0.1,localhost",
    no_proxy: "127.0.0.1,localhost",
  };
}

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

function available(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: "ignore", timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

const hasAwsCli = available("aws", ["--version"]);
const hasBoto3 = available("python3", ["-c", "import boto3"]);

// Skipped only where the client is not installed (it is on this project's machines and CI).
describe.skipIf(!hasAwsCli)("AWS CLI against the server in sigv4 mode", () => {
  const args = (region = "us-east-2") => [
    "kms",
    "get-key-policy",
    "--endpoint-url",
    server.url,
    "--region",
    region,
    "--key-id",
    KEY_ID,
    "--output",
    "json",
  ];

  it("the right secret gets the key policy", async () => {
    const result = await run("aws", args(), pythonEnv(alice.accessKeyId, alice.secretAccessKey));
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toMatchObject({ PolicyName: "default" });
  });

  it("a wrong secret is InvalidSignatureException", async () => {
    const result = await run("aws", args(), pythonEnv(alice.accessKeyId, "wrong"));
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim()).toBe(
      `An error occurred (InvalidSignatureException) when calling the GetKeyPolicy operation: ${MISMATCH}`,
    );
  });

  it("a region the endpoint does not serve is InvalidSignatureException", async () => {
    const result = await run("aws", args("ap-south-1"), pythonEnv(alice.accessKeyId, alice.secretAccessKey));
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim()).toBe(
      "An error occurred (InvalidSignatureException) when calling the GetKeyPolicy operation: Credential should be scoped to a valid region, not 'ap-south-1'.",
    );
  });
});

// MODE: "" as the user runs it; "past" signs with a clock ten minutes behind (a replay); "tamper" changes the body
// after it was signed, keeping its length.
const BOTO3 = `
import datetime, json, os, boto3, botocore.auth, botocore.exceptions
mode = os.environ.get("MODE", "")
if mode == "past":
    real_now = botocore.auth.get_current_datetime
    botocore.auth.get_current_datetime = lambda: real_now() - datetime.timedelta(minutes=10)
kms = boto3.client("kms", endpoint_url=os.environ["ENDPOINT"], region_name=os.environ["REGION"])
tampered = []
def tamper(request, **_):
    before = request.body
    request.body = before.replace(b'"default"', b'"DEFAULT"')
    tampered.append(request.body != before)
if mode == "tamper":
    kms.meta.events.register("before-send.kms.GetKeyPolicy", tamper)
try:
    out = kms.get_key_policy(KeyId=os.environ["KEY_ID"], PolicyName="default")
    print(json.dumps({"PolicyName": out["PolicyName"]}))
except botocore.exceptions.ClientError as e:
    print(json.dumps({"Code": e.response["Error"]["Code"], "Message": e.response["Error"]["Message"], "Status": e.response["ResponseMetadata"]["HTTPStatusCode"], "Tampered": tampered}))
`;

describe.skipIf(!hasBoto3)("boto3 against the server in sigv4 mode", () => {
  async function boto3(secret: string, region = "us-east-2", mode = "") {
    const env = { ...pythonEnv(alice.accessKeyId, secret), ENDPOINT: server.url, REGION: region, KEY_ID, MODE: mode };
    const result = await run("python3", ["-c", BOTO3], env);
    expect(result.stderr).toBe("");
    return JSON.parse(result.stdout) as unknown;
  }

  it("the right secret gets the key policy", async () => {
    expect(await boto3(alice.secretAccessKey)).toEqual({ PolicyName: "default" });
  });

  it("a wrong secret is InvalidSignatureException", async () => {
    expect(await boto3("wrong")).toEqual({
      Code: "InvalidSignatureException",
      Message: MISMATCH,
      Status: 400,
      Tampered: [],
    });
  });

  it("a region the endpoint does not serve is InvalidSignatureException", async () => {
    expect(await boto3(alice.secretAccessKey, "ap-south-1")).toEqual({
      Code: "InvalidSignatureException",
      Message: "Credential should be scoped to a valid region, not 'ap-south-1'. ",
      Status: 400,
      Tampered: [],
    });
  });

  it("a request signed ten minutes ago (a replay) is 'Signature expired'", async () => {
    const result = (await boto3(alice.secretAccessKey, "us-east-2", "past")) as { Code: string; Message: string };
    expect(result.Code).toBe("InvalidSignatureException");
    expect(result.Message).toMatch(EXPIRED);
  });

  it("a body changed after signing is InvalidSignatureException", async () => {
    expect(await boto3(alice.secretAccessKey, "us-east-2", "tamper")).toEqual({
      Code: "InvalidSignatureException",
      Message: MISMATCH,
      Status: 400,
      Tampered: [true],
    });
  });
});
