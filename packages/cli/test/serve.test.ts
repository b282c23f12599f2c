import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { startNodeServer } from "@keypolicy/emulator-node";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/main.js";
import {
  DEMO_DEFAULT_POLICY,
  DEMO_KEY_ID,
  DEMO_SEED,
  fakeIo,
  isolateProcessEnv,
  makeTempDir,
  testEnv,
} from "./helpers.js";

const LISTENING = /^keypolicy emulator listening on (http:\/\/127\.0\.0\.1:(\d+))$/;

beforeAll(() => isolateProcessEnv());

/** Starts `keypolicy serve …` in-process; resolves once it printed its URL. */
async function serve(flags: string[], cwd?: string, env: Record<string, string> = {}) {
  const fake = fakeIo(testEnv(env), cwd);
  const exit = main(["serve", "--port", "0", ...flags], fake.io);
  const line = await Promise.race([
    fake.firstLine(),
    exit.then((code) => Promise.reject(new Error(`exit ${code}: ${fake.stderr()}`))),
  ]);
  const match = LISTENING.exec(line);
  if (!match?.[1]) throw new Error(`unexpected line: ${line}`);
  return { fake, exit, url: match[1] };
}

async function getPolicy(url: string, region: string, keyId = DEMO_KEY_ID) {
  const fake = fakeIo(testEnv({ AWS_REGION: region }));
  const code = await main(["get-key-policy", "--key-id", keyId, "--endpoint-url", url, "--output", "text"], fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

describe("keypolicy serve", () => {
  it("prints one line with its URL, answers requests, and closes cleanly on the shutdown signal", async () => {
    const { fake, exit, url } = await serve(["--seed", DEMO_SEED]);
    expect(fake.stdout()).toBe(`keypolicy emulator listening on ${url}\n`);
    expect(await getPolicy(url, "us-east-2")).toEqual({ code: 0, stdout: `${DEMO_DEFAULT_POLICY}\n`, stderr: "" });
    fake.shutdown("SIGINT");
    expect(await exit).toBe(0);
    expect(fake.stderr()).toBe(
      `keypolicy: seed ${DEMO_SEED}: keys: 1 created, 0 kept, 0 overwritten; aliases: 1 created, 0 kept, 0 overwritten\n`,
    );
    await expect(fetch(url, { method: "POST" })).rejects.toThrow();
  });

  it("listens for the shutdown signal before it prints the ready line", async () => {
    // Regression: the ready line came first, so a signal sent on seeing it hit Node's default handler (exit 143).
    const events: string[] = [];
    const fake = fakeIo();
    const io = {
      ...fake.io,
      stdout: (text: string) => {
        events.push("stdout");
        fake.io.stdout(text);
      },
      untilShutdown: () => {
        events.push("untilShutdown");
        return fake.io.untilShutdown();
      },
    };
    const exit = main(["serve", "--port", "0"], io);
    await fake.firstLine();
    expect(events).toEqual(["untilShutdown", "stdout"]);
    fake.shutdown();
    expect(await exit).toBe(0);
  });

  it("resolves --seed against the working directory", async () => {
    const { fake, exit, url } = await serve(["--seed", "examples/demo-seed.yaml"]);
    expect((await getPolicy(url, "us-east-2")).code).toBe(0);
    fake.shutdown();
    expect(await exit).toBe(0);
  });

  it("puts seed keys without Region/AccountId in --region and --account-id", async () => {
    const dir = makeTempDir();
    writeFileSync(join(dir, "seed.yaml"), `keys:\n  - KeyId: ${DEMO_KEY_ID}\n`);
    const { fake, exit, url } = await serve(
      ["--seed", "seed.yaml", "--region", "eu-west-3", "--account-id", "444455556666"],
      dir,
    );
    const got = await getPolicy(url, "eu-west-3");
    expect(got.code).toBe(0);
    expect(got.stdout).toContain('"AWS" : "arn:aws:iam::444455556666:root"');
    fake.shutdown();
    expect(await exit).toBe(0);
  });

  it("keeps keys and policies in --data-dir across restarts", async () => {
    const dir = makeTempDir();
    const first = await serve(["--seed", DEMO_SEED, "--data-dir", "data"], dir);
    const policy =
      '{"Version":"2012-10-17","Statement":[{"Sid":"Root","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"}]}';
    const put = fakeIo(testEnv({ AWS_REGION: "us-east-2" }));
    expect(
      await main(["put-key-policy", "--key-id", DEMO_KEY_ID, "--policy", policy, "--endpoint-url", first.url], put.io),
    ).toBe(0);
    first.fake.shutdown();
    expect(await first.exit).toBe(0);
    const second = await serve(["--seed", DEMO_SEED, "--data-dir", "data"], dir);
    const got = await getPolicy(second.url, "us-east-2");
    expect(got.stdout).toContain('"Sid" : "Root"');
    second.fake.shutdown();
    expect(await second.exit).toBe(0);
  });

  it("puts the seed's policy back with --seed-overwrite, and keeps later changes without it", async () => {
    const dir = makeTempDir();
    const root =
      '{"Sid":"Root","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"}';
    const changed = `{"Version":"2012-10-17","Id":"changed","Statement":[${root}]}`;
    const put = async (url: string) => {
      const fake = fakeIo(testEnv({ AWS_REGION: "us-east-2" }));
      expect(
        await main(["put-key-policy", "--key-id", DEMO_KEY_ID, "--policy", changed, "--endpoint-url", url], fake.io),
      ).toBe(0);
    };
    const restart = async (flags: string[]) => {
      const server = await serve(["--seed", DEMO_SEED, "--data-dir", "data", ...flags], dir);
      const policy = (await getPolicy(server.url, "us-east-2")).stdout;
      return { server, policy };
    };
    const first = await restart([]);
    await put(first.server.url);
    first.server.fake.shutdown();
    await first.server.exit;
    const kept = await restart([]);
    expect(kept.policy).toContain('"Id" : "changed"');
    expect(kept.server.fake.stderr()).toBe(
      `keypolicy: seed ${DEMO_SEED}: keys: 0 created, 1 kept, 0 overwritten; aliases: 0 created, 1 kept, 0 overwritten\n`,
    );
    kept.server.fake.shutdown();
    await kept.server.exit;
    const reset = await restart(["--seed-overwrite"]);
    expect(reset.policy).toBe(`${DEMO_DEFAULT_POLICY}\n`);
    expect(reset.server.fake.stderr()).toBe(
      `keypolicy: seed ${DEMO_SEED}: keys: 0 created, 0 kept, 1 overwritten; aliases: 0 created, 0 kept, 1 overwritten\n`,
    );
    reset.server.fake.shutdown();
    expect(await reset.server.exit).toBe(0);
  });

  it("accepts --auth none, what this build does anyway", async () => {
    const { fake, exit } = await serve(["--auth", "none"]);
    fake.shutdown();
    expect(await exit).toBe(0);
  });

  it("says so, exit code 1, when the port is in use", async () => {
    const other = await startNodeServer({ port: 0 });
    try {
      const fake = fakeIo(testEnv());
      expect(await main(["serve", "--port", String(other.port)], fake.io)).toBe(1);
      expect(fake.stdout()).toBe("");
      expect(fake.stderr()).toBe(`keypolicy: cannot listen on 127.0.0.1:${other.port}: the port is in use\n`);
    } finally {
      await other.close();
    }
  });

  it("names the seed file it cannot read, exit code 1", async () => {
    const dir = makeTempDir();
    const fake = fakeIo(testEnv(), dir);
    expect(await main(["serve", "--port", "0", "--seed", "missing.yaml"], fake.io)).toBe(1);
    expect(fake.stderr()).toMatch(new RegExp(`^keypolicy: cannot read seed file ${join(dir, "missing.yaml")}: ENOENT`));
  });

  it("names the seed file and the bad member of an invalid seed, exit code 1", async () => {
    const dir = makeTempDir();
    writeFileSync(join(dir, "bad.yaml"), "keys:\n  - KeyId: not-a-key-id\n");
    const fake = fakeIo(testEnv(), dir);
    expect(await main(["serve", "--port", "0", "--seed", "bad.yaml"], fake.io)).toBe(1);
    expect(fake.stderr()).toContain(`seed file ${join(dir, "bad.yaml")} is not valid:`);
    expect(fake.stderr()).toContain("keys[0].KeyId");
  });

  it.each([
    [["--auth", "sigv4"], "keypolicy: --auth sigv4 needs --identities FILE\n"],
    [["--auth", "none", "--identities", "ids.yaml"], "keypolicy: --identities needs --auth sigv4 (or no --auth)\n"],
  ])("refuses %j as a usage error, exit code 252, before starting", async (flags, message) => {
    const fake = fakeIo(testEnv());
    expect(await main(["serve", "--port", "0", ...flags], fake.io)).toBe(252);
    expect(fake.stdout()).toBe("");
    expect(fake.stderr()).toBe(message);
  });

  it("names the bad member of an invalid identities file, exit code 1", async () => {
    const dir = makeTempDir();
    writeFileSync(
      join(dir, "ids.yaml"),
      "identities:\n  - AccessKeyId: test\n    SecretAccessKey: s\n    PrincipalArn: nope\n",
    );
    const fake = fakeIo(testEnv(), dir);
    expect(await main(["serve", "--port", "0", "--identities", "ids.yaml"], fake.io)).toBe(1);
    expect(fake.stderr()).toContain("identities[0].PrincipalArn");
  });

  it("gives policies aws:SecureTransport true by default, and what --secure-transport says", async () => {
    const send = async (url: string, operation: string, body: object) => {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": `TrentService.${operation}` },
        body: JSON.stringify(body),
      });
      return {
        status: response.status,
        body: (await response.json()) as { __type?: string; KeyMetadata?: { KeyId: string } },
      };
    };
    const Policy = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "kms:*", Resource: "*" },
        {
          Effect: "Deny",
          Principal: "*",
          Action: "kms:DescribeKey",
          Resource: "*",
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
      ],
    });
    for (const [flags, expected] of [
      [[], 200],
      [["--secure-transport", "false"], 400],
    ] as const) {
      const { fake, exit, url } = await serve(["--enforce-key-policies", ...flags]);
      const created = await send(url, "CreateKey", { Policy, BypassPolicyLockoutSafetyCheck: true });
      const described = await send(url, "DescribeKey", { KeyId: created.body.KeyMetadata?.KeyId });
      expect(described.status).toBe(expected);
      fake.shutdown();
      expect(await exit).toBe(0);
    }
  });

  it("verifies signatures with --auth sigv4 and enforces key policies with --enforce-key-policies", async () => {
    const dir = makeTempDir();
    writeFileSync(
      join(dir, "ids.yaml"),
      "identities:\n  - AccessKeyId: AKIDALICE\n    SecretAccessKey: alice-secret\n    PrincipalArn: arn:aws:iam::111122223333:user/alice\n",
    );
    const { fake, exit, url } = await serve(
      ["--seed", DEMO_SEED, "--auth", "sigv4", "--identities", "ids.yaml", "--enforce-key-policies"],
      dir,
    );
    const as = (secret: string) =>
      fakeIo(testEnv({ AWS_REGION: "us-east-2", AWS_ACCESS_KEY_ID: "AKIDALICE", AWS_SECRET_ACCESS_KEY: secret }));
    const right = as("alice-secret");
    expect(
      await main(["get-key-policy", "--key-id", DEMO_KEY_ID, "--endpoint-url", url, "--output", "text"], right.io),
    ).toBe(0);
    expect(right.stdout()).toBe(`${DEMO_DEFAULT_POLICY}\n`);
    const wrong = as("not-the-secret");
    expect(await main(["get-key-policy", "--key-id", DEMO_KEY_ID, "--endpoint-url", url], wrong.io)).toBe(254);
    expect(wrong.stderr()).toContain(
      "An error occurred (InvalidSignatureException) when calling the GetKeyPolicy operation",
    );
    fake.shutdown();
    expect(await exit).toBe(0);
  });

  it.each([
    ["--control-token", ["--control-token", "cli-token"], {}],
    ["KEYPOLICY_CONTROL_TOKEN", [], { KEYPOLICY_CONTROL_TOKEN: "cli-token" }],
  ])("serves the test-control endpoints, with the token of %s", async (_, flags, env) => {
    const { fake, exit, url } = await serve(["--seed", DEMO_SEED, ...flags], undefined, env);
    const health = (token?: string) =>
      fetch(`${url}/_keypolicy/health`, token ? { headers: { "X-Keypolicy-Control-Token": token } } : {});
    const answered = await health("cli-token");
    expect(answered.status).toBe(200);
    expect(await answered.json()).toMatchObject({ store: "memory", runtime: "node" });
    // A presented token must be the server's; a loopback caller without one is answered too.
    expect((await health("other")).status).toBe(403);
    expect((await health()).status).toBe(200);
    const reset = await fetch(`${url}/_keypolicy/reset`, { method: "POST" });
    expect(await reset.json()).toEqual({ status: "ok", keysCreated: 1, aliasesCreated: 1 });
    expect((await getPolicy(url, "us-east-2")).stdout).toBe(`${DEMO_DEFAULT_POLICY}\n`);
    fake.shutdown();
    expect(await exit).toBe(0);
  });
});
