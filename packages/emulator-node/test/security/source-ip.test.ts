import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startNodeServer } from "../../src/serve.js";
import { nodeSourceIp } from "../../src/source-ip.js";
import { answer, signedRequest } from "@keypolicy/emulator/testing";
import { alice } from "./helpers.js";

// aws:SourceIp as each runtime supplies it: the Node server's peer address (IPv4 and IPv6), Cloudflare's
// CF-Connecting-IP (tested in @keypolicy/emulator). Policies condition DescribeKey on it with IpAddress and NotIpAddress; a wrong or missing address
// is refused.

const ROOT = "arn:aws:iam::111122223333:root";
const onlyFrom = (operator: string, value: string) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      { Effect: "Allow", Principal: { AWS: ROOT }, Action: "kms:CreateKey", Resource: "*" },
      {
        Effect: "Allow",
        Principal: "*",
        Action: "kms:*",
        Resource: "*",
        Condition: { [operator]: { "aws:SourceIp": value } },
      },
    ],
  });

let dir: string;
let identitiesFile: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "keypolicy-source-ip-"));
  identitiesFile = join(dir, "identities.yaml");
  writeFileSync(
    identitiesFile,
    [
      "identities:",
      `  - AccessKeyId: ${alice.accessKeyId}`,
      `    SecretAccessKey: ${alice.secretAccessKey}`,
      `    PrincipalArn: ${alice.principalArn}`,
    ].join("\n"),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each([
  ["IPv4", "127.0.0.1", "127.0.0.0/8", "10.0.0.0/8"],
  ["IPv6", "::1", "::1/128", "2001:db8::/32"],
] as const)("aws:SourceIp at the Node server over %s", (_family, host, right, wrong) => {
  async function describeWith(policy: string) {
    const server = await startNodeServer({ host, port: 0, auth: "sigv4", identitiesFile, enforceKeyPolicies: true });
    try {
      const hostHeader = host.includes(":") ? `[${host}]:${server.port}` : `${host}:${server.port}`;
      const send = async (operation: string, body: object) => {
        const signed = await signedRequest({
          identity: alice,
          operation,
          body: JSON.stringify(body),
          date: Date.now(),
          host: hostHeader,
        });
        return answer(
          await fetch(`${server.url}/`, { method: "POST", headers: signed.headers, body: JSON.stringify(body) }),
        );
      };
      const created = await send("CreateKey", { Policy: policy, BypassPolicyLockoutSafetyCheck: true });
      expect(created.status).toBe(200);
      const { KeyId } = (created.body as { KeyMetadata: { KeyId: string } }).KeyMetadata;
      return await send("DescribeKey", { KeyId });
    } finally {
      await server.close();
    }
  }

  it(`is the peer address ${host}: IpAddress ${right} allows the request`, async () => {
    expect((await describeWith(onlyFrom("IpAddress", right))).status).toBe(200);
  });

  it(`IpAddress ${wrong} refuses it`, async () => {
    expect((await describeWith(onlyFrom("IpAddress", wrong))).body).toMatchObject({ __type: "AccessDeniedException" });
  });

  it(`NotIpAddress ${right} refuses it, NotIpAddress ${wrong} allows it`, async () => {
    expect((await describeWith(onlyFrom("NotIpAddress", right))).body).toMatchObject({
      __type: "AccessDeniedException",
    });
    expect((await describeWith(onlyFrom("NotIpAddress", wrong))).status).toBe(200);
  });
});

describe("nodeSourceIp", () => {
  const env = (remoteAddress: string | undefined) => ({ incoming: { socket: { remoteAddress } } });
  it.each([
    ["192.0.2.7", "192.0.2.7"],
    ["::ffff:192.0.2.7", "192.0.2.7"],
    ["2001:db8::7", "2001:db8::7"],
    [undefined, undefined],
  ])("gives %s as %s", (remote, expected) => {
    expect(nodeSourceIp(new Request("http://x/"), env(remote))).toBe(expected);
  });
});
