import { keypolicyProject } from "../../vitest.project.js";

// Real processes (AWS CLI, Python, moto_server) start here; each suite batches its calls to stay fast.
export default keypolicyProject("e2e", { include: ["test/**/*.test.ts"], testTimeout: 60_000 });
