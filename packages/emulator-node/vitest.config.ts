import { keypolicyProject } from "../../vitest.project.js";

export default keypolicyProject("emulator-node");
