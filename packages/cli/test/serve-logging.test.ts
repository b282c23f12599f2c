import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/main.js";
import { DEMO_SEED, fakeIo, isolateProcessEnv, testEnv } from "./helpers.js";

beforeAll(() => isolateProcessEnv());

const LISTENING = /^keypolicy emulator listening on (http:\/\/127\.0\.0\.1:\d+)$/;

async function serve(flags: string[]) {
  const fake = fakeIo(testEnv());
  const exit = main(["serve", "--port", "0", ...flags], fake.io);
  const url = LISTENING.exec(await fake.firstLine())?.[1];
  if (!url) throw new Error(`unexpected stdout: ${fake.stdout()}`);
  return { fake, exit, url };
}

describe("keypolicy serve --log-requests", () => {
  it("writes one line per request on stderr, and keeps stdout to the ready line", async () => {
    const { fake, exit, url } = await serve(["--log-requests"]);
    const client = fakeIo(testEnv({ AWS_REGION: "us-east-2" }));
    const missing = "1234abcd-12ab-34cd-56ef-1234567890ab";
    expect(await main(["get-key-policy", "--key-id", missing, "--endpoint-url", url], client.io)).toBe(254);
    fake.shutdown();
    expect(await exit).toBe(0);
    expect(fake.stdout()).toBe(`keypolicy emulator listening on ${url}\n`);
    expect(fake.stderr()).toMatch(
      /^keypolicy request operation=GetKeyPolicy status=400 error=NotFoundException account=111122223333 region=us-east-2 duration-ms=\d+ request-id=[0-9a-f-]{36}\n$/,
    );
  });

  it("logs no requests without the flag", async () => {
    const { fake, exit, url } = await serve(["--seed", DEMO_SEED]);
    const client = fakeIo(testEnv({ AWS_REGION: "us-east-2" }));
    expect(await main(["get-key-policy", "--key-id", "alias/ExampleAlias", "--endpoint-url", url], client.io)).toBe(0);
    fake.shutdown();
    expect(await exit).toBe(0);
    expect(fake.stderr()).not.toContain("keypolicy request");
  });
});
