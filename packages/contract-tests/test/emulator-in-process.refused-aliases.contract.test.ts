import { createEmulatorHarness, createFetchTarget, describeKmsContract, loadContractCases } from "../src/index.js";

// The emulator with `policyOperationAliases: "refuse"` (KMS-FIDELITY.md §4b): the policy operations take a key ID or
// key ARN only, as the API reference documents. Its cases are fixtures/cases-policy-operation-aliases-refused/.
describeKmsContract({
  name: "emulator in-process, policyOperationAliases refuse",
  capabilities: { anyCaller: true, seeds: ["documented-key"], reportsHttpStatus: true },
  cases: loadContractCases("cases-policy-operation-aliases-refused"),
  async createTarget() {
    const emulator = createEmulatorHarness({ policyOperationAliases: "refuse" });
    return createFetchTarget({ fetch: (request) => emulator.app.request(request), seed: emulator.seed });
  },
});
