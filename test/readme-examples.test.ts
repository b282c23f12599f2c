import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const readme = readFileSync(join(root, "README.md"), "utf8");

/** The fenced blocks of one language in a document (the README unless named), in order. */
function blocks(language: string, text = readme): string[] {
  const fence = new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, "gm");
  return [...text.matchAll(fence)].map((m) => m[1] ?? "");
}

describe("README examples", () => {
  it("runs the in-process TypeScript example as written, against the built packages", () => {
    const [example] = blocks("ts");
    expect(example).toBeDefined();
    // Placed where the packages it imports resolve (contract-tests depends on all of them), run with Node's own
    // type stripping, and asked to show what it read.
    const dir = mkdtempSync(join(root, "packages", "contract-tests", ".readme-"));
    try {
      const file = join(dir, "example.mts");
      writeFileSync(file, `${example}\nconsole.log(JSON.stringify({ Policy, kind: document?.kind }));\n`);
      const run = spawnSync(process.execPath, [file], { encoding: "utf8", timeout: 60_000 });
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      const out = JSON.parse(run.stdout) as { Policy: string; kind: string };
      expect(out.kind).toBe("object");
      expect(out.Policy.startsWith('{\n  "Version" : "2012-10-17",\n  "Id" : "key-default-1",')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ["README.md", () => blocks("yaml")[0]],
    ["docs/emulator.md", () => blocks("yaml", readFileSync(join(root, "docs", "emulator.md"), "utf8"))[0]],
  ])("shows in %s a seed file that keypolicy serve accepts", async (_document, seedOf) => {
    const seed = seedOf();
    expect(seed).toBeDefined();
    const dir = mkdtempSync(join(root, "packages", "cli", ".readme-"));
    try {
      writeFileSync(join(dir, "seed.yaml"), seed ?? "");
      const server = spawn(
        process.execPath,
        [join(root, "packages/cli/dist/bin.js"), "serve", "--port", "0", "--seed", "seed.yaml"],
        { cwd: dir },
      );
      let stdout = "";
      let stderr = "";
      server.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      server.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => server.on("exit", resolve));
      const ready = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), 20_000);
        server.stdout.on("data", () => {
          if (stdout.includes("listening on")) {
            clearTimeout(timer);
            resolve(true);
          }
        });
        void exited.then(() => {
          clearTimeout(timer);
          resolve(false);
        });
      });
      server.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(stderr).toMatch(
        /^keypolicy: seed seed\.yaml: keys: \d+ created, 0 kept, 0 overwritten; aliases: \d+ created, 0 kept, 0 overwritten\n$/,
      );
      expect(ready).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
