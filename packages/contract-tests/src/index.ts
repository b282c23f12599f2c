export type { CallResult, CallerScope, KmsTarget, TargetCapabilities, TargetDefaults, TargetError } from "./target.js";
export {
  CallStep,
  ContractCase,
  Expectation,
  FIXTURES_DIR,
  loadContractCases,
  loadSeedFixture,
  SeedStep,
  SetupStep,
} from "./cases.js";
export { capabilitySkipReason, describeKmsContract, type KmsContractOptions, runContractCase } from "./describe-kms-contract.js";
export { type Bindings, fillTemplate, learnBindings, type PlaceholderFormat, placeholdersIn, valueAt } from "./template.js";
export { decodeAnswer, fakeSigV4Authorization, type FetchLike, type RawAnswer, sendAwsJson } from "./targets/aws-json.js";
export { createFetchTarget, EMULATOR_DEFAULTS } from "./targets/fetch-target.js";
export { createCountingIds, createEmulatorHarness, type EmulatorHarness, FIXED_NOW, seedStore } from "./targets/emulator-harness.js";
export { createSdkTarget, plainOutput, SDK_NO_MESSAGE, sdkErrorResult } from "./targets/sdk-target.js";
export { cliArguments, cliView, commandName, createCliTarget, parseCliAnswer, SERVICE_ERROR_EXIT_CODE } from "./targets/cli-target.js";
export { createLiveAwsTarget, LIVE_KEY_TAG } from "./targets/live-aws-target.js";
