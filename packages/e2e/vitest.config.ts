import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions: ["source"] } },
  test: {
    name: "e2e",
    include: ["test/**/*.test.ts"],
    // Real processes (AWS CLI, Python, moto_server) start here; each suite batches its calls to stay fast.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
