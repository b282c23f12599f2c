import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { vi } from "vitest";
import type { CliIo } from "../src/io.js";

/** The repository root. */
export const REPO_ROOT = resolve(fileURLToPath(new URL("../../..", import.meta.url)));
/** The documented demo seed: key 1234abcd-… in 111122223333 / us-east-2 with alias/ExampleAlias. */
export const DEMO_SEED = join(REPO_ROOT, "examples/demo-seed.yaml");
export const DEMO_KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
export const DEMO_REGION = "us-east-2";

/** The demo key's default policy, exactly as KMS returns it (KMS-FIDELITY.md §7), no trailing newline. */
export const DEMO_DEFAULT_POLICY = `{
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

/** A directory of its own for one test file. */
export function makeTempDir(): string {
  return mkdtempSync(join(tmpdir(), "keypolicy-cli-"));
}

/** Paths that do not exist, so neither the CLI nor the SDK reads the developer's ~/.aws. */
export const NO_SHARED_FILES = {
  AWS_CONFIG_FILE: "/nonexistent/keypolicy-test/config",
  AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/keypolicy-test/credentials",
} as const;

/** An environment with static test credentials and nothing else of the developer's. */
export function testEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...NO_SHARED_FILES,
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE",
    AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    ...extra,
  };
}

/**
 * Clears AWS_* from this worker's process.env (the SDK reads some settings there itself) and points the shared files
 * at nothing; call in `beforeAll`.
 */
export function isolateProcessEnv(): void {
  for (const name of Object.keys(process.env)) if (name.startsWith("AWS_")) vi.stubEnv(name, undefined);
  for (const [name, value] of Object.entries(NO_SHARED_FILES)) vi.stubEnv(name, value);
  vi.stubEnv("AWS_EC2_METADATA_DISABLED", "true");
}

/** A fake {@link CliIo} that records what is written and lets the test send the shutdown signal. */
export interface FakeIo {
  readonly io: CliIo;
  stdout(): string;
  stderr(): string;
  /** Resolves with stdout's first line once one is written; rejects after `ms`. */
  firstLine(ms?: number): Promise<string>;
  /** Sends a shutdown signal to a running `serve`. */
  shutdown(signal?: string): void;
}

export function fakeIo(env: Record<string, string> = testEnv(), cwd = REPO_ROOT): FakeIo {
  let out = "";
  let err = "";
  let lineWaiter: (() => void) | undefined;
  let stop: ((signal: string) => void) | undefined;
  const stopped = new Promise<string>((resolveStop) => {
    stop = resolveStop;
  });
  return {
    io: {
      stdout: (text) => {
        out += text;
        lineWaiter?.();
      },
      stderr: (text) => {
        err += text;
      },
      env,
      cwd,
      untilShutdown: () => stopped,
    },
    stdout: () => out,
    stderr: () => err,
    firstLine: (ms = 10_000) =>
      new Promise((resolveLine, reject) => {
        const check = () => {
          const end = out.indexOf("\n");
          if (end < 0) return false;
          clearTimeout(timer);
          resolveLine(out.slice(0, end));
          return true;
        };
        const timer = setTimeout(() => reject(new Error(`no line on stdout after ${ms} ms; stderr: ${err}`)), ms);
        if (!check()) lineWaiter = check;
      }),
    shutdown: (signal = "SIGTERM") => stop?.(signal),
  };
}

/** The JSON the AWS CLI prints for the demo key's default policy, byte for byte. */
export const DEMO_POLICY_JSON_OUTPUT =
  "{\n" +
  '    "Policy": "{\\n  \\"Version\\" : \\"2012-10-17\\",\\n  \\"Id\\" : \\"key-default-1\\",\\n  \\"Statement\\" : [ {\\n    \\"Sid\\" : \\"Enable IAM User Permissions\\",\\n    \\"Effect\\" : \\"Allow\\",\\n    \\"Principal\\" : {\\n      \\"AWS\\" : \\"arn:aws:iam::111122223333:root\\"\\n    },\\n    \\"Action\\" : \\"kms:*\\",\\n    \\"Resource\\" : \\"*\\"\\n  } ]\\n}",\n' +
  '    "PolicyName": "default"\n' +
  "}\n";
