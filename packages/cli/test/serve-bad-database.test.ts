import { closeSync, mkdirSync, openSync, statSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/main.js";
import { DEMO_SEED, fakeIo, isolateProcessEnv, makeTempDir, testEnv } from "./helpers.js";

beforeAll(() => isolateProcessEnv());

/** Bytes that are the same on every run. */
function garbage(length: number): Buffer {
  return Buffer.from(Array.from({ length }, (_, i) => (i * 251 + 17) % 256));
}

/** Runs `keypolicy serve --data-dir data` in `dir` until it is ready, then stops it. */
async function serveOnce(dir: string): Promise<void> {
  const fake = fakeIo(testEnv(), dir);
  const exit = main(["serve", "--port", "0", "--data-dir", "data", "--seed", DEMO_SEED], fake.io);
  await fake.firstLine();
  fake.shutdown();
  expect(await exit).toBe(0);
}

describe("keypolicy serve --data-dir with a bad database", () => {
  it("refuses a keypolicy.sqlite of garbage bytes: exit 1, one line, no stack", async () => {
    const dir = makeTempDir();
    mkdirSync(join(dir, "data"));
    const path = join(dir, "data", "keypolicy.sqlite");
    writeFileSync(path, garbage(32 * 1024));
    const fake = fakeIo(testEnv(), dir);
    expect(await main(["serve", "--port", "0", "--data-dir", "data"], fake.io)).toBe(1);
    expect(fake.stdout()).toBe("");
    expect(fake.stderr()).toBe(
      `keypolicy: ${path} is not a SQLite database: move it away, or use another data directory\n`,
    );
  });

  it("refuses a database with a damaged page: exit 1, one line naming the file, no stack", async () => {
    const dir = makeTempDir();
    await serveOnce(dir);
    const path = join(dir, "data", "keypolicy.sqlite");
    const pageSize = 4096;
    expect(statSync(path).size / pageSize).toBeGreaterThanOrEqual(4);
    const fd = openSync(path, "r+");
    writeSync(fd, garbage(pageSize), 0, pageSize, 2 * pageSize);
    closeSync(fd);
    const fake = fakeIo(testEnv(), dir);
    expect(await main(["serve", "--port", "0", "--data-dir", "data"], fake.io)).toBe(1);
    expect(fake.stdout()).toBe("");
    expect(fake.stderr()).toMatch(
      new RegExp(
        `^keypolicy: SQLite database ${path} is damaged \\(PRAGMA quick_check: [^\\n]+\\): restore it from a backup, or move it away to start empty\\n$`,
      ),
    );
  });

  it("still opens a sound database", async () => {
    const dir = makeTempDir();
    await serveOnce(dir);
    await serveOnce(dir);
  });
});
