import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { guardStandardStreams } from "./std-streams.js";

/** A stream whose every write fails with `code`, as Node's stdout does on a closed pipe or a full disk. */
function failing(code: string): Writable {
  return new Writable({
    write: (_chunk, _encoding, callback) => callback(Object.assign(new Error(`${code}: failed, write`), { code })),
  });
}

function recording(): { stream: Writable; text: () => string } {
  let text = "";
  const stream = new Writable({
    write: (chunk: Buffer, _encoding, callback) => {
      text += chunk.toString();
      callback();
    },
  });
  return { stream, text: () => text };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("guardStandardStreams", () => {
  it("drops the output quietly and keeps the command's exit code when the reader is gone (EPIPE)", async () => {
    const stderr = recording();
    const failures: number[] = [];
    const writers = guardStandardStreams(failing("EPIPE"), stderr.stream, (code) => failures.push(code));
    writers.stdout("one");
    await settle();
    writers.stdout("two");
    await settle();
    expect({ stderr: stderr.text(), failures, exitCode: writers.exitCode(254) }).toEqual({
      stderr: "",
      failures: [],
      exitCode: 254,
    });
  });

  it.each([
    ["ENOSPC", "No space left on device (ENOSPC)"],
    ["EIO", "Input/output error (EIO)"],
    ["EWHATEVER", "EWHATEVER: failed, write"],
  ])("reports %s once on stderr and ends with exit code 255", async (code, reason) => {
    const stderr = recording();
    const failures: number[] = [];
    const writers = guardStandardStreams(failing(code), stderr.stream, (exitCode) => failures.push(exitCode));
    writers.stdout("one");
    await settle();
    writers.stdout("two");
    await settle();
    expect(stderr.text()).toBe(`\nCould not write to standard output: ${reason}\n`);
    expect({ failures, exitCode: writers.exitCode(0) }).toEqual({ failures: [255], exitCode: 255 });
  });

  it("ignores a failing standard error", async () => {
    const stdout = recording();
    const writers = guardStandardStreams(stdout.stream, failing("EPIPE"), () => undefined);
    writers.stderr("lost");
    await settle();
    writers.stderr("lost again");
    writers.stdout("kept");
    await settle();
    expect({ stdout: stdout.text(), exitCode: writers.exitCode(0) }).toEqual({ stdout: "kept", exitCode: 0 });
  });
});
