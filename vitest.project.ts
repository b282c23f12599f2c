import { defineProject, type UserWorkspaceConfig } from "vitest/config";

/**
 * The one base every package's vitest project starts from: tests run against the TypeScript sources (the `source`
 * export condition), and the time limits are hang guards, not timing assertions. Tests that start real processes
 * (the CLI's bin, the emulator, workerd) take seconds on a loaded two-core CI machine; vitest's 5 s default made
 * them fail at random there, so the limits are generous. Nothing may assert on how long something took.
 */
export function keypolicyProject(name: string, test: UserWorkspaceConfig["test"] = {}): UserWorkspaceConfig {
  return defineProject({
    resolve: { conditions: ["@keypolicy/source"] },
    ssr: { resolve: { conditions: ["@keypolicy/source"] } },
    test: {
      name,
      include: ["src/**/*.test.ts", "test/**/*.test.ts"],
      testTimeout: 30_000,
      hookTimeout: 60_000,
      ...test,
    },
  });
}
