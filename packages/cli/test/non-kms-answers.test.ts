import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/main.js";
import { DEMO_KEY_ID, fakeIo, isolateProcessEnv, testEnv } from "./helpers.js";

// An endpoint that is not KMS (a proxy's error page, a bare 404) answers with a body that names no error. The AWS CLI
// names the error by its HTTP status and prints the reason phrase; so must keypolicy, with the service exit code.
let server: Server;
let url: string;
beforeAll(async () => {
  isolateProcessEnv();
  server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      const [status, body] = ANSWERS[answer] ?? [500, ""];
      response.writeHead(status, { "content-type": "text/html" });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const ANSWERS: Record<string, [number, string]> = { html502: [502, "<html>bad gateway</html>"], empty404: [404, ""] };
let answer = "";

async function run(which: string) {
  answer = which;
  const fake = fakeIo(testEnv({ AWS_REGION: "us-east-2" }));
  const code = await main(["get-key-policy", "--key-id", DEMO_KEY_ID, "--endpoint-url", url], fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

describe("an endpoint whose error body names no error", () => {
  it("a proxy's HTML 502 is `An error occurred (502) …: Bad Gateway`, retried as the AWS CLI does, exit code 254", async () => {
    expect(await run("html502")).toEqual({
      code: 254,
      stdout: "",
      stderr:
        "\nAn error occurred (502) when calling the GetKeyPolicy operation (reached max retries: 2): Bad Gateway\n",
    });
  });

  it("a bare 404 is `An error occurred (404) …: Not Found`, exit code 254", async () => {
    expect(await run("empty404")).toEqual({
      code: 254,
      stdout: "",
      stderr: "\nAn error occurred (404) when calling the GetKeyPolicy operation: Not Found\n",
    });
  });
});
