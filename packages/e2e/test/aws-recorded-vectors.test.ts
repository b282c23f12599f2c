import * as kms from "@aws-sdk/client-kms";
import { OPERATIONS } from "@keypolicy/core";
import type { RunningServer } from "@keypolicy/emulator/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCESS_KEY_ID, ACCOUNT_ID } from "../src/clients.js";
import { startEmulator, VECTORS_SEED } from "../src/servers.js";
import { fill, type Vector, VECTORS } from "../src/vectors.js";

/*
 * Every vector of fixtures/aws-recorded.json whose operation the emulator implements runs here, through the AWS SDK
 * for JavaScript over real HTTP (signed requests, the SDK's own parsing), or raw HTTP where the vector pins wire bytes.
 */

const PRIMARY = "us-east-1";
const SECONDARY = "ap-southeast-1"; // LocalStack's secondary region, where the vectors were recorded.

/** Vectors about implemented operations that cannot run here, each with the reason. */
const NOT_RUN: Record<string, string> = {
  "access-denied-no-resource-policy":
    "needs an IAM user denied by a key policy: key-policy authorization of callers is not part of this emulator's fidelity suite",
};

type Outcome =
  | { response: Record<string, any>; status: number }
  | { error: { code: string; message: string }; status: number };

let server: RunningServer;
const clients = new Map<string, kms.KMSClient>();
function client(region: string): kms.KMSClient {
  let found = clients.get(region);
  if (!found) {
    found = new kms.KMSClient({
      region,
      endpoint: server.url,
      credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: "e2e-secret" },
      maxAttempts: 1,
    });
    clients.set(region, found);
  }
  return found;
}

async function send(operation: string, input: Record<string, unknown>, region = PRIMARY): Promise<Outcome> {
  const Command = (kms as unknown as Record<string, new (input: unknown) => kms.KMSClient extends { send(c: infer C): unknown } ? C : never>)[
    `${operation}Command`
  ];
  if (!Command) throw new Error(`no SDK command for ${operation}`);
  try {
    const { $metadata, ...response } = (await client(region).send(new Command(input) as never)) as { $metadata: { httpStatusCode?: number } };
    return { response, status: $metadata.httpStatusCode ?? 0 };
  } catch (cause) {
    const error = cause as { name: string; message: string; $metadata?: { httpStatusCode?: number }; $response?: unknown };
    if (!error.$metadata) throw cause;
    return { error: { code: error.name, message: error.message }, status: error.$metadata.httpStatusCode ?? 0 };
  }
}

async function raw(operation: string, body: string, region = PRIMARY): Promise<{ status: number; text: string }> {
  const response = await fetch(server.url, {
    method: "POST",
    headers: {
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": `TrentService.${operation}`,
      authorization: `AWS4-HMAC-SHA256 Credential=${ACCESS_KEY_ID}/20250101/${region}/kms/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body,
  });
  return { status: response.status, text: await response.text() };
}

const DYNAMIC: Record<string, unknown> = {
  "{{creationDate}}": expect.any(Number),
  "{{currentKeyMaterialId}}": expect.stringMatching(/^[0-9a-f]{64}$/),
};

/** The recorded response with placeholders filled, dynamic values as matchers, dates as the SDK parses them. */
function expectedResponse(value: unknown): unknown {
  if (typeof value === "string") return DYNAMIC[value] ?? value;
  if (Array.isArray(value)) return value.map(expectedResponse);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === "CreationDate" || k === "DeletionDate" ? expect.any(Date) : expectedResponse(v)]),
    );
  }
  return value;
}

/** A policy that locks its caller out: the account root may only describe the key. */
const LOCKOUT_POLICY = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT_ID}:root` }, Action: "kms:Describe*", Resource: "*" }],
});
/** [DEC] The emulator has no IAM directory, so "a principal that does not exist" is modelled by one that cannot exist. */
const INVALID_PRINCIPAL_POLICY = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    { Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT_ID}:root` }, Action: "kms:*", Resource: "*" },
    { Effect: "Allow", Principal: { AWS: "not-a-principal" }, Action: "kms:Decrypt", Resource: "*" },
  ],
});
/** The document whose GetKeyPolicy body prefix was reported (vector get-key-policy-custom-policy-raw-body-fragment). */
const REPORTED_POLICY = JSON.stringify({
  Version: "2012-10-17",
  Id: "key-default-1",
  Statement: [
    { Sid: "DefaultROOTPermissions", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT_ID}:root` }, Action: "kms:*", Resource: "*" },
    {
      Sid: "EnableAdminUserPermissions",
      Effect: "Allow",
      Principal: {
        AWS: [
          `arn:aws:iam::${ACCOUNT_ID}:role/aws-reserved/sso.amazonaws.com/ap-southeast-2/AWSReservedSSO_superadmin`,
          `arn:aws:iam::${ACCOUNT_ID}:role/aws-reserved/sso.amazonaws.com/ap-southeast-2/AWSReservedSSO_sysadmin`,
        ],
      },
      Action: "kms:*",
      Resource: "*",
    },
  ],
});

let aliasCounter = 0;

/** Runs a vector's setup (and the setup its text implies but does not list) and answers the placeholder values. */
async function prepare(vector: Vector): Promise<{ vars: Record<string, string>; region: string }> {
  const vars: Record<string, string> = {
    secondaryRegion: SECONDARY,
    aliasName: `vector-${++aliasCounter}`,
    shortUid: `vector${aliasCounter}`,
    description: "vector description",
    "policy that does not allow the caller kms:PutKeyPolicy": LOCKOUT_POLICY,
    "policy with a non-existent IAM principal": INVALID_PRINCIPAL_POLICY,
  };
  const create = async (request: Record<string, unknown>, region = PRIMARY) => {
    const created = await send("CreateKey", fill(request, vars), region);
    if (!("response" in created)) throw new Error(`setup CreateKey failed: ${JSON.stringify(created)}`);
    const keyId = created.response["KeyMetadata"].KeyId as string;
    vars[keyId.startsWith("mrk-") ? "mrkKeyId" : "keyId"] = keyId;
  };
  let region = PRIMARY;
  switch (vector.name) {
    case "describe-key-arn-in-its-own-region":
      await create({ Description: "test key 123" }, SECONDARY);
      region = SECONDARY;
      break;
    case "describe-key-arn-of-key-in-other-region":
      await create({}, SECONDARY);
      break;
    case "describe-mrk-from-region-before-replication":
      await create({ MultiRegion: true });
      region = SECONDARY;
      break;
    case "get-key-policy-custom-policy-raw-body-fragment":
      await create({ Policy: REPORTED_POLICY });
      break;
    case "put-then-get-key-policy":
    case "put-key-policy-invalid-principal":
    case "create-alias-without-prefix":
      await create({});
      break;
  }
  for (const step of vector.setup ?? []) {
    const stepRegion = step.region ? fill(step.region, vars) : PRIMARY;
    if (step.operation === "CreateKey") await create(step.request, stepRegion);
    else {
      const outcome = await send(step.operation, fill(step.request, vars), stepRegion);
      if (!("response" in outcome)) throw new Error(`setup ${step.operation} failed: ${JSON.stringify(outcome)}`);
    }
  }
  return { vars, region };
}

const implemented = (vector: Vector) => Object.hasOwn(OPERATIONS, vector.operation);
// `unknown-operation` concerns the dispatcher itself (an operation no one implements).
const concernsEmulator = (vector: Vector) => implemented(vector) || vector.name === "unknown-operation";
const runnable = VECTORS.filter((v) => concernsEmulator(v) && !(v.name in NOT_RUN));

describe("the recorded AWS vectors, against a running emulator", () => {
  beforeAll(async () => {
    server = await startEmulator(VECTORS_SEED);
  });
  afterAll(async () => {
    for (const c of clients.values()) c.destroy();
    await server?.close();
  });

  it("runs every vector of an implemented operation, except the listed ones, each with a reason", () => {
    const skipped = VECTORS.filter((v) => !runnable.includes(v)).map((v) => v.name);
    const unimplemented = VECTORS.filter((v) => !concernsEmulator(v)).map((v) => v.name);
    expect(skipped.sort()).toEqual([...unimplemented, ...Object.keys(NOT_RUN)].sort());
    for (const name of unimplemented) expect(Object.hasOwn(OPERATIONS, VECTORS.find((v) => v.name === name)?.operation ?? "")).toBe(false);
    console.info(`[e2e] vectors run: ${runnable.length}; not run: ${skipped.length} (${unimplemented.length} of operations not implemented, ${Object.keys(NOT_RUN).length} listed with a reason)`);
  });

  it.each(runnable.map((v) => [`${v.name} [${v.evidence}]`, v] as const))("%s", async (_, vector) => {
    const { vars, region } = await prepare(vector);
    const request = fill(vector.request, vars);
    const { expected } = vector;

    if (expected.rawBody !== undefined || expected.responseBodyPrefix !== undefined) {
      const answer = await raw(vector.operation, JSON.stringify(request), region);
      if (expected.rawBody !== undefined) expect(answer.text).toBe(expected.rawBody);
      if (expected.responseBodyPrefix !== undefined) expect(answer.text.startsWith(fill(expected.responseBodyPrefix, vars))).toBe(true);
      expect(answer.status).toBe(expected.httpStatus ?? 200);
      return;
    }

    const outcome = await send(vector.operation, request, region);
    if (expected.error) {
      const message = expected.error.message ?? expected.error.messageInferred ?? "";
      expect(outcome).toMatchObject({ error: { code: expected.error.code }, status: expected.httpStatus ?? 400 });
      if (vector.name === "validation-enum") {
        // AWS printed the 12 specs it knew in 2023; newer ones follow (see packages/core validation tests).
        expect(("error" in outcome && outcome.error.message) || "").toMatch(new RegExp(`^${escape(fill(message, vars).slice(0, -1))}`));
      } else if (message === "") {
        const answer = await raw(vector.operation, JSON.stringify(request), region);
        expect(answer.text).toBe(`{"__type":"${expected.error.code}"}`);
      } else {
        expect(outcome).toEqual({ error: { code: expected.error.code, message: fill(message, vars) }, status: 400 });
      }
      return;
    }

    expect(outcome.status).toBe(200);
    if (!("response" in outcome)) throw new Error(JSON.stringify(outcome));
    if (vector.operation === "CreateKey") {
      const keyId = outcome.response["KeyMetadata"]?.KeyId as string;
      vars[keyId.startsWith("mrk-") ? "mrkKeyId" : "keyId"] = keyId;
    }
    if (expected.response) {
      let want = expectedResponse(fill(expected.response, vars)) as Record<string, unknown>;
      // [DEC] KMS-FIDELITY.md §6: GetKeyPolicy always answers PolicyName (in the model since 2024-03-18); the
      // documentation example predates it.
      if (vector.operation === "GetKeyPolicy" && !("PolicyName" in want)) want = { ...want, PolicyName: "default" };
      expect(outcome.response).toEqual(want);
    }
    const assertions = expected.responseAssertions ?? expected.then?.responseAssertions;
    let checked = outcome.response;
    if (expected.then) {
      const then = await send(expected.then.operation, fill(expected.then.request, vars), region);
      if (!("response" in then)) throw new Error(JSON.stringify(then));
      checked = then.response;
    }
    if (assertions) await checkAssertions(vector, assertions, checked, vars, region);
  });
});

async function checkAssertions(
  vector: Vector,
  assertions: Record<string, unknown>,
  response: Record<string, any>,
  vars: Record<string, string>,
  region: string,
): Promise<void> {
  for (const [path, value] of Object.entries(assertions)) {
    if (path === "json.loads(Policy)") {
      expect(JSON.parse(response["Policy"] as string)).toEqual(fill(value, vars));
      expect(response["Policy"]).toContain("\n");
    } else if (path === "afterCancelKeyDeletion") {
      await send("CancelKeyDeletion", { KeyId: vars["keyId"] }, region);
      const after = await send(vector.operation, fill(vector.request, vars), region);
      if (!("response" in after)) throw new Error(JSON.stringify(after));
      await checkAssertions(vector, value as Record<string, unknown>, after.response, vars, region);
    } else if (path.startsWith("KeyMetadata.")) {
      const member = path.slice("KeyMetadata.".length);
      const actual = response["KeyMetadata"]?.[member];
      if (value === "present") expect(actual).toBeDefined();
      else if (value === "absent") expect(actual).toBeUndefined();
      else expect(actual).toEqual(value);
    } else if (path !== "Policy is reformatted") {
      throw new Error(`unknown assertion ${path} in ${vector.name}`);
    }
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
