#!/usr/bin/env -S node --max-semi-space-size=16
import { enableCompileCache } from "node:module";

// Node's on-disk code cache: the AWS SDK is many small modules, and a cached start is ~25% faster.
enableCompileCache?.();
const { main } = await import("./main.js");

process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  untilShutdown: () =>
    new Promise((resolve) => {
      process.once("SIGINT", () => resolve("SIGINT"));
      process.once("SIGTERM", () => resolve("SIGTERM"));
    }),
});
