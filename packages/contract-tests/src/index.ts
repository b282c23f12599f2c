export type { CallResult, CallerScope, KmsTarget, TargetCapabilities, TargetDefaults, TargetError } from "./target.js";
export {
  CallStep,
  caseSteps,
  ContractCase,
  Expectation,
  FIXTURES_DIR,
  LearnFormat,
  loadContractCases,
  loadSeedFixture,
  SeedStep,
  SetupStep,
  Step,
} from "./cases.js";
export { describeKeyStore, type StoreUnderTest } from "./describe-key-store.js";
export { describeWireHygiene, type WireHygieneOptions } from "./describe-wire-hygiene.js";
export { capabilitySkipReason, describeKmsContract, type KmsContractOptions, runContractCase } from "./describe-kms-contract.js";
export { type Bindings, fillTemplate, learnBindings, type PlaceholderFormat, placeholdersIn, valueAt } from "./template.js";
export {
  decodeAnswer,
  fakeSigV4Authorization,
  type FetchLike,
  type RawAnswer,
  sendAwsJson,
  type SendAwsJsonOptions,
  type SigningKey,
} from "./targets/aws-json.js";
export { createFetchTarget, EMULATOR_DEFAULTS } from "./targets/fetch-target.js";
export { createCountingIds, createEmulatorHarness, type EmulatorHarness, FIXED_NOW, seedStore } from "./targets/emulator-harness.js";
export { createSdkTarget, plainOutput, SDK_NO_MESSAGE, sdkErrorResult } from "./targets/sdk-target.js";
export { cliArguments, cliView, commandName, createCliTarget, parseCliAnswer, SERVICE_ERROR_EXIT_CODE } from "./targets/cli-target.js";
export { createLiveAwsTarget, LIVE_KEY_TAG } from "./targets/live-aws-target.js";
export {
  createWireVectorTarget,
  describeRecordedVectors,
  identityOf,
  loadRecordedVectors,
  type RecordedVector,
  type RecordedVectorsOptions,
  type RecordedVectorTarget,
  runRecordedVector,
  type VectorAnswer,
  vectorEmulatorConfig,
  type VectorSecurity,
} from "./recorded-vectors.js";
export {
  ADJUST,
  KNOWN_FAILURES as VECTOR_KNOWN_FAILURES,
  SECONDARY_REGION,
  VECTOR_ADMIN,
  VECTOR_CALLER,
  VECTOR_IDENTITIES,
  VECTOR_READER,
  type VectorAdjustment,
  type VectorStep,
} from "./recorded-vector-adjustments.js";
