import { keypolicyProject } from "../../vitest.project.js";

export default keypolicyProject("contract-tests");
