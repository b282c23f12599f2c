import { clientEnv, run, type RunResult } from "./clients.js";

/** Runs `aws --endpoint-url <url> --region <region> <args…>` with an isolated environment. */
export function awsCli(cli: string, endpoint: string, region: string, args: readonly string[]): Promise<RunResult> {
  return run(cli, ["--endpoint-url", endpoint, "--region", region, ...args], {
    env: clientEnv(region),
    timeoutMs: 30_000,
  });
}

/** The line the AWS CLI prints on stderr for a service error. */
export function cliErrorLine(code: string, operation: string, message: string): string {
  return `An error occurred (${code}) when calling the ${operation} operation: ${message}`;
}
