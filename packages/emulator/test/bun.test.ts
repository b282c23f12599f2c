import { CreateKeyCommand, KMSClient } from "@aws-sdk/client-kms";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bunSourceIp } from "../src/runtime/bun-source-ip.js";
import { type HttpTarget, describeKeyPolicyFlows } from "./http-flows.js";
import { createBunTarget } from "./support/targets.js";

describeKeyPolicyFlows({ name: "Bun, fetch entry (src/bun.ts)", createTarget: createBunTarget });

// aws:SourceIp under real Bun: the lockout safety check of CreateKey evaluates the new policy with the request's
// context, so a policy that lets the root manage the key only from 127.0.0.1 is accepted only if Bun's peer address
// reaches the app.
describe("Bun, aws:SourceIp from server.requestIP", () => {
  let target: HttpTarget;
  let kms: KMSClient;
  beforeAll(async () => {
    target = await createBunTarget();
    kms = new KMSClient({ endpoint: target.endpoint, region: "us-east-2", credentials: { accessKeyId: "111122223333", secretAccessKey: "secret" } });
  });
  afterAll(async () => {
    kms?.destroy();
    await target?.close();
  });
  const onlyFrom = (block: string) =>
    JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "kms:*", Resource: "*", Condition: { IpAddress: { "aws:SourceIp": block } } },
      ],
    });

  it("is the peer address: a policy allowing 127.0.0.1/32 passes the lockout check", async () => {
    const created = await kms.send(new CreateKeyCommand({ Policy: onlyFrom("127.0.0.1/32") }));
    expect(created.KeyMetadata?.KeyId).toBeDefined();
  });

  it("a policy allowing only another block would lock the caller out and is refused", async () => {
    await expect(kms.send(new CreateKeyCommand({ Policy: onlyFrom("10.0.0.0/8") }))).rejects.toMatchObject({ name: "MalformedPolicyDocumentException" });
  });
});

describe("bunSourceIp", () => {
  const request = new Request("http://x/");
  const server = (address: string | null) => ({ requestIP: () => (address === null ? null : { address, family: "IPv6", port: 1 }) });
  it.each([
    ["192.0.2.7", "192.0.2.7"],
    ["::ffff:192.0.2.7", "192.0.2.7"],
    ["2001:db8::7", "2001:db8::7"],
    [null, undefined],
  ])("gives %s as %s", (address, expected) => {
    expect(bunSourceIp(request, server(address))).toBe(expected);
  });

  it("is undefined when env is not Bun's server", () => {
    expect(bunSourceIp(request, undefined)).toBeUndefined();
    expect(bunSourceIp(request, { SOME_BINDING: "x" })).toBeUndefined();
  });
});
