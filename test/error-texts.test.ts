import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");

/**
 * Source folders whose error texts must come from a messages table (`messages` of core, `policyMessages`,
 * `authMessages`, `limitMessages`, `emulatorMessages`).
 */
const FOLDERS = [
  "packages/core/src",
  "packages/policy/src",
  "packages/emulator/src/app",
  "packages/emulator/src/seed",
  "packages/emulator-node/src",
];

/** `createKmsError("Name", <literal>` and the local helpers that pass their argument on as the message. */
const LITERAL_MESSAGE = [
  /createKmsError\(\s*"\w+"\s*,\s*["'`]/,
  /\b(?:incomplete|invalid|malformed|tagError)\(\s*["'`]/,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

const files = FOLDERS.flatMap((folder) => sourceFiles(join(root, folder))).map((path) => relative(root, path));

describe("error texts", () => {
  it.each(files)("%s passes every KMS error message from a messages table, never a literal", (file) => {
    const text = readFileSync(join(root, file), "utf8");
    const literals = LITERAL_MESSAGE.flatMap((pattern) => text.match(new RegExp(pattern, "g")) ?? []);
    expect(literals).toEqual([]);
  });
});
