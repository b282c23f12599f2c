// Key-policy flows over real HTTP with the real AWS SDK, run against every runtime the emulator ships for (Node,
// Bun, Cloudflare Workers in workerd). Shaped like the contract suite's describeKmsContract({ name, createTarget,
// skip }) so a runtime's test can switch to it by changing one import.
import {
  CreateKeyCommand,
  GetKeyPolicyCommand,
  KMSClient,
  type KMSServiceException,
  PutKeyPolicyCommand,
} from "@aws-sdk/client-kms";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** A running emulator reachable over HTTP. */
export interface HttpTarget {
  /** e.g. `http://127.0.0.1:40123` */
  readonly endpoint: string;
  close(): Promise<void>;
}

export interface FlowsOptions {
  readonly name: string;
  readonly createTarget: () => Promise<HttpTarget>;
  /** A reason to skip, or undefined to run. */
  readonly skip?: string | undefined;
}

const ACCOUNT = "111122223333";
const REGION = "us-east-2";

/** [DOC/REC] KMS-FIDELITY.md §7: the default key policy, byte for byte. */
export const DEFAULT_POLICY = `{
  "Version" : "2012-10-17",
  "Id" : "key-default-1",
  "Statement" : [ {
    "Sid" : "Enable IAM User Permissions",
    "Effect" : "Allow",
    "Principal" : {
      "AWS" : "arn:aws:iam::111122223333:root"
    },
    "Action" : "kms:*",
    "Resource" : "*"
  } ]
}`;

const SINGLE_LINE_POLICY =
  '{"Version":"2012-10-17","Id":"flows","Statement":[{"Sid":"Admins","Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111122223333:root","arn:aws:iam::111122223333:role/Admin"]},"Action":["kms:GetKeyPolicy","kms:PutKeyPolicy"],"Resource":"*","Condition":{}}]}';

/** [REC] KMS-FIDELITY.md §7: returned policies are re-serialised in Jackson's pretty format. */
const SINGLE_LINE_POLICY_PRETTY = `{
  "Version" : "2012-10-17",
  "Id" : "flows",
  "Statement" : [ {
    "Sid" : "Admins",
    "Effect" : "Allow",
    "Principal" : {
      "AWS" : [ "arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333:role/Admin" ]
    },
    "Action" : [ "kms:GetKeyPolicy", "kms:PutKeyPolicy" ],
    "Resource" : "*",
    "Condition" : { }
  } ]
}`;

/** Answers the error an SDK call rejected with, as `{ name, message, status }`. */
async function failure(call: Promise<unknown>): Promise<{ name: string; message: string; status: number | undefined }> {
  try {
    await call;
  } catch (cause) {
    const e = cause as KMSServiceException;
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error("the call succeeded; an error was expected");
}

/** Runs the key-policy flows against a fresh target. */
export function describeKeyPolicyFlows({ name, createTarget, skip }: FlowsOptions): void {
  describe.skipIf(skip !== undefined)(`key-policy flows over HTTP: ${name}${skip ? ` (skipped: ${skip})` : ""}`, () => {
    let target: HttpTarget;
    let kms: KMSClient;
    let keyId: string;

    beforeAll(async () => {
      target = await createTarget();
      kms = new KMSClient({
        endpoint: target.endpoint,
        region: REGION,
        // A 12-digit access key ID is the caller's account (KMS-FIDELITY.md §8).
        credentials: { accessKeyId: ACCOUNT, secretAccessKey: "secret" },
        maxAttempts: 1,
      });
      const created = await kms.send(new CreateKeyCommand({ Description: `flows on ${name}` }));
      keyId = created.KeyMetadata?.KeyId ?? "";
    });
    afterAll(async () => {
      kms?.destroy();
      await target?.close();
    });

    it("creates a key in the caller's account and region", () => {
      expect(keyId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    });

    it("answers the default key policy byte for byte, with PolicyName default", async () => {
      const got = await kms.send(new GetKeyPolicyCommand({ KeyId: keyId }));
      expect(got.Policy).toBe(DEFAULT_POLICY);
      expect(got.PolicyName).toBe("default");
    });

    it("stores a single-line policy and answers it pretty, through the key's ARN too", async () => {
      await kms.send(new PutKeyPolicyCommand({ KeyId: keyId, PolicyName: "default", Policy: SINGLE_LINE_POLICY }));
      const got = await kms.send(new GetKeyPolicyCommand({ KeyId: keyId }));
      expect(got.Policy).toBe(SINGLE_LINE_POLICY_PRETTY);
      const byArn = await kms.send(new GetKeyPolicyCommand({ KeyId: `arn:aws:kms:${REGION}:${ACCOUNT}:key/${keyId}`, PolicyName: "default" }));
      expect(byArn.Policy).toBe(SINGLE_LINE_POLICY_PRETTY);
    });

    it.each([
      {
        what: "a key that does not exist",
        input: { KeyId: "11111111-2222-4333-8444-555555555555" },
        expected: { name: "NotFoundException", message: `Key 'arn:aws:kms:${REGION}:${ACCOUNT}:key/11111111-2222-4333-8444-555555555555' does not exist` },
      },
      {
        what: "a malformed key ID",
        input: { KeyId: "not-a-key" },
        expected: { name: "NotFoundException", message: "Invalid keyId 'not-a-key'" },
      },
      {
        what: "an alias that does not exist",
        input: { KeyId: "alias/does-not-exist" },
        expected: { name: "NotFoundException", message: `Alias arn:aws:kms:${REGION}:${ACCOUNT}:alias/does-not-exist is not found.` },
      },
    ])("answers GetKeyPolicy for $what with $expected.name", async ({ input, expected }) => {
      expect(await failure(kms.send(new GetKeyPolicyCommand(input)))).toEqual({ ...expected, status: 400 });
    });

    it("answers a policy name other than default with NotFoundException, on Get and Put", async () => {
      const expected = { name: "NotFoundException", message: "No such policy exists", status: 400 };
      expect(await failure(kms.send(new GetKeyPolicyCommand({ KeyId: keyId, PolicyName: "other" })))).toEqual(expected);
      expect(await failure(kms.send(new PutKeyPolicyCommand({ KeyId: keyId, PolicyName: "other", Policy: "{}" })))).toEqual(expected);
      // The failed Put changed nothing.
      expect((await kms.send(new GetKeyPolicyCommand({ KeyId: keyId }))).Policy).toBe(SINGLE_LINE_POLICY_PRETTY);
    });

    it("answers a body that is not JSON with 400 SerializationException as AWS-shaped JSON", async () => {
      const response = await fetch(`${target.endpoint}/`, {
        method: "POST",
        headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "TrentService.GetKeyPolicy" },
        body: "{not json",
      });
      expect(response.status).toBe(400);
      expect(response.headers.get("content-type")).toBe("application/x-amz-json-1.1");
      expect(response.headers.get("x-amzn-requestid")).toMatch(/^[0-9a-f-]{36}$/);
      expect(await response.json()).toEqual({ __type: "SerializationException", message: "Unable to parse the request body as JSON." });
    });
  });
}
