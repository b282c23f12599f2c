import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions: ["source"] } },
  test: {
    projects: ["packages/*", "apps/*", { test: { name: "repo", include: ["test/**/*.test.ts"] } }],
  },
});
