import { expect, it } from "vitest";

it("exports exactly the public runtime names, so that a new export is a deliberate change", async () => {
  expect(Object.keys(await import("../src/index.js")).sort()).toEqual([
    "EMULATOR_DEFAULTS",
    "FIXED_NOW",
    "LIVE_KEY_TAG",
    "createCliTarget",
    "createCountingIds",
    "createEmulatorHarness",
    "createFetchTarget",
    "createLiveAwsTarget",
    "createSdkTarget",
    "createWireVectorTarget",
    "describeKeyStore",
    "describeKmsContract",
    "describeRecordedVectors",
    "describeWireHygiene",
    "identityOf",
    "loadContractCases",
    "seedStore",
    "vectorEmulatorConfig",
  ]);
});

it("exports exactly the public runtime names from the runtimes subpath", async () => {
  expect(Object.keys(await import("../src/runtimes/index.js")).sort()).toEqual([
    "bundleForWorkerd",
    "startBunEmulator",
    "startWorkerdFetchEntry",
  ]);
});
