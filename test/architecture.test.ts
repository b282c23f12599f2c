import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");

interface Manifest {
  name: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  exports?: unknown;
  sideEffects?: boolean;
  type?: string;
}

const manifests: { dir: string; manifest: Manifest }[] = ["packages", "apps"].flatMap((group) => {
  const base = join(root, group);
  if (!existsSync(base)) return [];
  return readdirSync(base)
    .filter((name) => statSync(join(base, name)).isDirectory())
    .filter((name) => {
      try {
        statSync(join(base, name, "package.json"));
        return true;
      } catch {
        return false;
      }
    })
    .map((name) => ({
      dir: join(group, name),
      manifest: JSON.parse(readFileSync(join(base, name, "package.json"), "utf8")) as Manifest,
    }));
});

const internal = (deps: Record<string, string> | undefined) =>
  Object.keys(deps ?? {}).filter((d) => d.startsWith("@keypolicy/"));

/** Which internal packages each published package may depend on at run time: everything points toward core. */
const ALLOWED: Record<string, readonly string[]> = {
  "@keypolicy/core": [],
  "@keypolicy/policy": ["@keypolicy/core"],
  "@keypolicy/sdk-adapter": ["@keypolicy/core", "@keypolicy/policy"],
  "@keypolicy/emulator": ["@keypolicy/core", "@keypolicy/policy"],
  "@keypolicy/emulator-node": ["@keypolicy/core", "@keypolicy/emulator"],
  "@keypolicy/cli": [
    "@keypolicy/core",
    "@keypolicy/policy",
    "@keypolicy/sdk-adapter",
    "@keypolicy/emulator",
    "@keypolicy/emulator-node",
  ],
};

describe("package architecture", () => {
  it("finds every package", () => {
    expect(manifests.map((m) => m.manifest.name)).toEqual(expect.arrayContaining(Object.keys(ALLOWED)));
  });

  it.each(Object.entries(ALLOWED))("%s depends only on packages closer to core", (name, allowed) => {
    const entry = manifests.find((m) => m.manifest.name === name);
    expect(entry).toBeDefined();
    for (const dep of internal(entry?.manifest.dependencies)) expect(allowed).toContain(dep);
  });

  it("has no published package depending on the CLI", () => {
    for (const { manifest } of manifests) {
      if (manifest.private || manifest.name === "@keypolicy/cli") continue;
      expect(internal({ ...manifest.dependencies, ...manifest.peerDependencies })).not.toContain("@keypolicy/cli");
    }
  });

  it("uses workspace:^ for internal and catalog: for external dependencies", () => {
    for (const { manifest } of manifests) {
      for (const [dep, range] of Object.entries({ ...manifest.dependencies, ...manifest.devDependencies })) {
        if (dep.startsWith("@keypolicy/")) expect(`${dep}@${range}`).toBe(`${dep}@workspace:^`);
        else expect(`${manifest.name} ${dep}@${range}`).toBe(`${manifest.name} ${dep}@catalog:`);
      }
    }
  });

  it("publishes ESM with an exports map and no side effects", () => {
    for (const { manifest } of manifests) {
      if (manifest.private) continue;
      expect(manifest.type).toBe("module");
      expect(manifest.exports).toBeDefined();
      expect(manifest.sideEffects).toBe(false);
    }
  });
});

/**
 * The external packages each runtime-neutral package may depend on at run time. `@keypolicy/emulator` runs on Workers,
 * Bun and Deno: no native module, no Node HTTP server, no file formats read from disk (those are emulator-node's).
 */
const RUNTIME_NEUTRAL_EXTERNALS: Record<string, RegExp> = {
  "@keypolicy/core": /^zod$/,
  "@keypolicy/policy": /^(ipaddr\.js|jsonc-parser|zod)$/,
  "@keypolicy/emulator": /^(hono|zod|@smithy\/[a-z0-9-]+)$/,
};

describe("runtime-neutral packages", () => {
  it.each(Object.entries(RUNTIME_NEUTRAL_EXTERNALS))("%s depends only on web-platform libraries", (name, allowed) => {
    const entry = manifests.find((m) => m.manifest.name === name);
    const externals = Object.keys(entry?.manifest.dependencies ?? {}).filter((d) => !d.startsWith("@keypolicy/"));
    expect(externals.filter((d) => !allowed.test(d))).toEqual([]);
  });

  it.each(Object.keys(RUNTIME_NEUTRAL_EXTERNALS))(
    "%s compiles without Node's types (the compiler is the guard)",
    (name) => {
      const entry = manifests.find((m) => m.manifest.name === name);
      const own = readTsconfig(join(entry?.dir ?? "", "tsconfig.json"));
      expect(own.extends).toBe("../../tsconfig.package.json");
      expect(own.compilerOptions?.types).toBeUndefined();
      expect(readTsconfig("tsconfig.package.json").compilerOptions?.types).toEqual([]);
    },
  );
});

/** A tsconfig file of this repository (JSON with `//` line comments). */
function readTsconfig(path: string): { extends?: string; compilerOptions?: { types?: string[] } } {
  const text = readFileSync(join(root, path), "utf8").replace(/^\s*\/\/.*$/gm, "");
  return JSON.parse(text) as { extends?: string; compilerOptions?: { types?: string[] } };
}

const AMBIENT =
  /from ["']node:|require\(["']node:|\bprocess\.|\bBuffer\.|Date\.now\(|Math\.random\(|crypto\.randomUUID\(/;

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.endsWith(".test-d.ts"))
    .map((f) => join(dir, f));
}

describe("pure code", () => {
  it.each([
    "packages/core/src",
    "packages/policy/src",
    "packages/emulator/src/app",
    "packages/emulator/src/store",
    "packages/emulator/src/seed",
  ])("%s reads no Node API, clock or randomness directly", (dir) => {
    const offenders = sources(join(root, dir)).flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .map((line, i) => ({ line, where: `${file}:${i + 1}` }))
        .filter(
          ({ line }) => AMBIENT.test(line) && !line.trimStart().startsWith("*") && !line.trimStart().startsWith("//"),
        )
        .map(({ where, line }) => `${where}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });
});
