import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it, vi } from "vitest";

// Every package README's TypeScript examples type-check and run as written, and print what their `// → ` comments
// say. They are written to a folder inside packages/contract-tests (which depends on every package), so the packages
// resolve by name, from their sources (the `@keypolicy/source` condition): no build needed.

const root = join(import.meta.dirname, "..");
const readmeOf = (name: string) => readFileSync(join(root, "packages", name, "README.md"), "utf8");

/** The fenced blocks of one language in a document, in order. */
function blocks(language: string, text: string): string[] {
  const fence = new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, "gm");
  return [...text.matchAll(fence)].map((m) => m[1] ?? "");
}

/** What an example says it prints: the text after each `// → `, in order. */
function expectedOutput(example: string): string[] {
  return [...example.matchAll(/\/\/ → (.*)$/gm)].map((m) => m[1] ?? "");
}

/** One printed line as the README shows it: strings as they are, anything else as JSON. */
function printed(args: unknown[]): string {
  return args.map((arg) => (typeof arg === "string" ? arg : JSON.stringify(arg))).join(" ");
}

const dir = mkdtempSync(join(root, "packages", "contract-tests", ".readme-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RUNNABLE = ["core", "policy", "sdk-adapter", "emulator"] as const;
/** Type-checked but not run: its examples start servers and read seed files that a reader has and a test has not. */
const TYPE_CHECKED_ONLY = ["emulator-node"] as const;
const exampleFile = (name: string, index: number) => join(dir, `${name}-${index}.ts`);
for (const name of [...RUNNABLE, ...TYPE_CHECKED_ONLY]) {
  for (const [i, example] of blocks("ts", readmeOf(name)).entries()) writeFileSync(exampleFile(name, i + 1), example);
}

it("type-checks every example with the repository's strict compiler settings", () => {
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      extends: "../../../tsconfig.base.json",
      compilerOptions: { noEmit: true, types: ["node"], lib: ["ES2023", "DOM"] },
      include: ["*.ts"],
    }),
  );
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  const run = spawnSync(process.execPath, [tsc, "-p", join(dir, "tsconfig.json")], {
    encoding: "utf8",
    timeout: 120_000,
  });
  expect(run.stdout + run.stderr).toBe("");
  expect(run.status).toBe(0);
});

describe.each(RUNNABLE)("packages/%s/README.md", (name) => {
  const examples = blocks("ts", readmeOf(name));

  it("has at least one TypeScript example", () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  it.each(examples.map((example, index) => [index + 1, example] as const))(
    "runs example %i as written and prints what its comments say",
    async (index, example) => {
      const expected = expectedOutput(example);
      expect(expected.length, "an example shows what it prints with `// → …` comments").toBeGreaterThan(0);
      const file = exampleFile(name, index);
      const lines: string[] = [];
      const log = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void lines.push(printed(args)));
      try {
        await import(pathToFileURL(file).href);
      } finally {
        log.mockRestore();
      }
      expect(lines).toEqual(expected);
    },
  );
});

describe.each(TYPE_CHECKED_ONLY)("packages/%s/README.md", (name) => {
  it("has at least one TypeScript example (type-checked above)", () => {
    expect(blocks("ts", readmeOf(name)).length).toBeGreaterThan(0);
  });
});
