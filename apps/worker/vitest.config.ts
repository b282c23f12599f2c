import { keypolicyProject } from "../../vitest.project.js";

export default keypolicyProject("worker", { include: ["test/**/*.test.ts"], globalSetup: ["test/global-setup.ts"] });
