import { afterAll } from "vitest";
import { describeKeyPolicyFlows } from "./http-flows.js";
import { createWorkerdFetchTarget, lastFetchBundle } from "./support/targets.js";

// workerd without nodejs_compat offers Web APIs only, like Deno: the fetch entry must run there unchanged.
describeKeyPolicyFlows({ name: "workerd without nodejs_compat, fetch entry (src/fetch.ts)", createTarget: createWorkerdFetchTarget });

afterAll(() => {
  if (lastFetchBundle) console.info(`fetch entry bundle: ${lastFetchBundle.bytes} B minified, ${lastFetchBundle.gzipBytes} B gzip`);
});
