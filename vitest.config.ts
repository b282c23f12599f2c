import { defineConfig } from "vitest/config";
import { keypolicyProject } from "./vitest.project.js";

export default defineConfig({
  resolve: { conditions: ["@keypolicy/source"] },
  ssr: { resolve: { conditions: ["@keypolicy/source"] } },
  test: {
    projects: ["packages/*", "apps/*", keypolicyProject("repo", { include: ["test/**/*.test.ts"] })],
    // The JSON report lets .ci/run print a plain "N passed, N failed" closing line.
    reporters: ["default", ["json", { outputFile: ".vitest-report.json" }]],
  },
});
