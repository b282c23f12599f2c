import { describe, expect, it } from "vitest";
import { createEmulatorApp } from "../../src/app/create-app.js";
import { cloudflareSourceIp } from "../../src/runtime/cloudflare-source-ip.js";
import { createMemoryStore } from "../../src/store/memory.js";
import { alice, answer, manualClock, sequentialIds, signedRequest } from "./helpers.js";

// aws:SourceIp on Cloudflare: the CF-Connecting-IP header. A policy allows DescribeKey from one network only.
const policyAllowingOnly = (network: string) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      { Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "kms:CreateKey", Resource: "*" },
      {
        Effect: "Allow",
        Principal: "*",
        Action: "kms:*",
        Resource: "*",
        Condition: { IpAddress: { "aws:SourceIp": network } },
      },
    ],
  });

describe("cloudflareSourceIp", () => {
  it("reads CF-Connecting-IP: a policy on aws:SourceIp sees the client's address", async () => {
    const app = createEmulatorApp({
      store: createMemoryStore(),
      clock: manualClock(Date.UTC(2026, 0, 15, 12)),
      ids: sequentialIds(),
      sourceIp: cloudflareSourceIp,
      config: { enforceKeyPolicies: true, auth: { mode: "sigv4", identities: [alice] } },
    });
    const send = async (operation: string, body: object, ip: string) => {
      const signed = await signedRequest({
        identity: alice,
        operation,
        body: JSON.stringify(body),
        date: Date.UTC(2026, 0, 15, 12),
      });
      const headers = new Headers(signed.headers);
      headers.set("cf-connecting-ip", ip);
      return answer(await app.fetch(new Request(signed.url, { method: "POST", headers, body: JSON.stringify(body) })));
    };
    const created = await send(
      "CreateKey",
      { Policy: policyAllowingOnly("203.0.113.0/24"), BypassPolicyLockoutSafetyCheck: true },
      "203.0.113.9",
    );
    const { KeyId } = (created.body as { KeyMetadata: { KeyId: string } }).KeyMetadata;
    expect((await send("DescribeKey", { KeyId }, "203.0.113.9")).status).toBe(200);
    expect((await send("DescribeKey", { KeyId }, "198.51.100.9")).body).toMatchObject({
      __type: "AccessDeniedException",
    });
    expect(cloudflareSourceIp(new Request("http://x/"), undefined)).toBeUndefined();
  });
});
