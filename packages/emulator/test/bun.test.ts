import { describeKeyPolicyFlows } from "./http-flows.js";
import { createBunTarget } from "./support/targets.js";

describeKeyPolicyFlows({ name: "Bun, fetch entry (src/bun.ts)", createTarget: createBunTarget });
