import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../src/command-table.js";
import { main } from "../src/main.js";
import { fakeIo, testEnv } from "./helpers.js";

async function run(argv: string[]) {
  const fake = fakeIo(testEnv({ AWS_REGION: "us-east-2" }));
  const code = await main(argv, fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

const USAGE = `
usage: keypolicy <command> [options]
To see help text, you can run:

  keypolicy --help
  keypolicy <command> --help

`;

describe("keypolicy's command line", () => {
  it("prints the package's version with --version", async () => {
    const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
      version: string;
    };
    expect(await run(["--version"])).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });

  it("lists every command and the exit codes in --help", async () => {
    const { code, stdout } = await run(["--help"]);
    expect(code).toBe(0);
    for (const command of COMMANDS) expect(stdout).toContain(command.name);
    for (const exitCode of ["252", "253", "254", "255"]) expect(stdout).toContain(exitCode);
  });

  it("says in --help where requests go and how long keypolicy waits", async () => {
    const help = (await run(["--help"])).stdout.replace(/\s+/g, " ");
    expect(help).toContain("Requests go to --endpoint-url, else AWS_ENDPOINT_URL_KMS, AWS_ENDPOINT_URL,");
    expect(help).toContain("the profile's endpoint_url");
    expect(help).toContain("--cli-connect-timeout / --cli-read-timeout: seconds, default 60, 0 for none.");
  });

  it.each(COMMANDS.map((command) => [command.name]))(
    "prints %s --help with its flags, examples and exit codes",
    async (name) => {
      const { code, stdout, stderr } = await run([name, "--help"]);
      expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
      expect(stdout).toContain(`Usage: keypolicy ${name}`);
      expect(stdout).toContain("Examples:\n  $ keypolicy ");
      expect(stdout).toContain("254  the service refused the request");
    },
  );

  it.each(COMMANDS.filter((command) => command.name !== "serve").map((command) => [command.name]))(
    "documents the AWS CLI's timeout flags in %s --help",
    async (name) => {
      // Commander wraps the help to the terminal's width.
      const help = (await run([name, "--help"])).stdout.replace(/\s+/g, " ");
      expect(help).toContain(
        "--cli-connect-timeout <seconds> most seconds to wait for a connection; 0 waits forever. On timeout: exit 255 (default: 60)",
      );
      expect(help).toContain("--cli-read-timeout <seconds> most seconds to wait for data on a connection");
    },
  );

  it.each([
    ["an unknown flag", ["get-key-policy", "--key-id", "k", "--bogus"], "unknown option '--bogus'"],
    ["a missing --key-id", ["get-key-policy"], "required option '--key-id <id>' not specified"],
    ["a missing --policy", ["put-key-policy", "--key-id", "k"], "required option '--policy <policy>' not specified"],
    [
      "a bad --output",
      ["list-key-policies", "--key-id", "k", "--output", "yaml"],
      "option '--output <format>' argument 'yaml' is invalid. Allowed choices are json, text.",
    ],
    ["a flag without its value", ["get-key-policy", "--key-id"], "option '--key-id <id>' argument missing"],
    ["an unknown command", ["get-kee-policy"], "unknown command 'get-kee-policy'\n(Did you mean get-key-policy?)"],
    [
      "an extra argument",
      ["get-key-policy", "--key-id", "k", "extra"],
      "too many arguments for 'get-key-policy'. Expected 0 arguments but got 1: extra.",
    ],
    [
      "a bad --port",
      ["serve", "--port", "http"],
      "option '--port <port>' argument 'http' is invalid. must be a port number from 0 to 65535.",
    ],
    [
      "a bad --account-id",
      ["serve", "--account-id", "1234"],
      "option '--account-id <id>' argument '1234' is invalid. must be a 12-digit AWS account ID.",
    ],
    [
      "a bad --auth",
      ["serve", "--auth", "basic"],
      "option '--auth <mode>' argument 'basic' is invalid. Allowed choices are none, sigv4.",
    ],
  ])("refuses %s with the usage hint, exit code 252", async (_, argv, message) => {
    expect(await run(argv)).toEqual({ code: 252, stdout: "", stderr: `${USAGE}keypolicy: error: ${message}\n\n` });
  });

  it("prints the help on stderr, exit code 252, when no command is given", async () => {
    const { code, stdout, stderr } = await run([]);
    expect({ code, stdout }).toEqual({ code: 252, stdout: "" });
    expect(stderr).toContain("Usage: keypolicy [options] [command]");
  });
});
