import { CreateKeyCommand, KMSClient } from "@aws-sdk/client-kms";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningEmulator, startBunEmulator } from "../src/runtimes/index.js";

// aws:SourceIp under real Bun: the lockout safety check of CreateKey evaluates the new policy with the request's
// context, so a policy that lets the root manage the key only from 127.0.0.1 is accepted only if Bun's peer address
// (server.requestIP) reaches the app.
describe("Bun (src/bun.ts), aws:SourceIp from server.requestIP", () => {
  let bun: RunningEmulator;
  let kms: KMSClient;
  beforeAll(async () => {
    bun = await startBunEmulator();
    kms = new KMSClient({
      endpoint: bun.url,
      region: "us-east-2",
      credentials: { accessKeyId: "111122223333", secretAccessKey: "secret" },
      maxAttempts: 1,
    });
  });
  afterAll(async () => {
    kms?.destroy();
    await bun?.close();
  });
  const onlyFrom = (block: string) =>
    JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { AWS: "arn:aws:iam::111122223333:root" },
          Action: "kms:*",
          Resource: "*",
          Condition: { IpAddress: { "aws:SourceIp": block } },
        },
      ],
    });

  it("is the peer address: a policy allowing 127.0.0.1/32 passes the lockout check", async () => {
    const created = await kms.send(new CreateKeyCommand({ Policy: onlyFrom("127.0.0.1/32") }));
    expect(created.KeyMetadata?.KeyId).toBeDefined();
  });

  it("a policy allowing only another block would lock the caller out and is refused", async () => {
    await expect(kms.send(new CreateKeyCommand({ Policy: onlyFrom("10.0.0.0/8") }))).rejects.toMatchObject({
      name: "MalformedPolicyDocumentException",
    });
  });
});
