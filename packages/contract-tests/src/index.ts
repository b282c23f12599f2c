// The public API of @keypolicy/contract-tests, as an explicit list of what the suites in test/ and other packages'
// tests use: a new export is a deliberate change (test/public-api.test.ts pins the runtime names). The runner's
// pieces (case schemas, templates, the AWS JSON sender, each target's encoding) stay inside the package.

// Targets: what a suite runs against.
export type { CallerScope, CallResult, KmsTarget, TargetCapabilities, TargetDefaults, TargetError } from "./target.js";
export { createFetchTarget, EMULATOR_DEFAULTS } from "./targets/fetch-target.js";
export { createSdkTarget } from "./targets/sdk-target.js";
export { createCliTarget } from "./targets/cli-target.js";
export { createLiveAwsTarget, LIVE_KEY_TAG } from "./targets/live-aws-target.js";

// The emulator in-process with a fixed clock and counting ids, and seeding its store.
export {
  createCountingIds,
  createEmulatorHarness,
  type EmulatorHarness,
  FIXED_NOW,
  seedStore,
} from "./targets/emulator-harness.js";

// The behaviour suite: cases as data, run on one target.
export { type ContractCase, loadContractCases } from "./cases.js";
export { describeKmsContract, type KmsContractOptions } from "./describe-kms-contract.js";

// The other shared suites: key stores, wire hygiene, and the recorded AWS wire vectors.
export { describeKeyStore, type StoreUnderTest } from "./describe-key-store.js";
export { describeWireHygiene, type WireHygieneOptions } from "./describe-wire-hygiene.js";
export {
  createWireVectorTarget,
  describeRecordedVectors,
  identityOf,
  type RecordedVector,
  type RecordedVectorsOptions,
  type RecordedVectorTarget,
  type VectorAnswer,
  vectorEmulatorConfig,
  type VectorSecurity,
} from "./recorded-vectors.js";
