import { expect, it } from "vitest";

it("exports exactly the public runtime names, so that a new export is a deliberate change", async () => {
  expect(Object.keys(await import("../src/index.js")).sort()).toEqual([
    "CONTROL_TOKEN_HEADER",
    "DEFAULT_CONFIG",
    "IdentitiesFile",
    "MAX_CLOCK_SKEW_MS",
    "SeedFile",
    "applyPatch",
    "applySeed",
    "authMessages",
    "checkClockSkew",
    "cloudflareSourceIp",
    "consoleLogError",
    "createD1Store",
    "createEmulatorApp",
    "createMemoryStore",
    "createSigV4Authenticator",
    "createSqlStore",
    "isLoopbackAddress",
    "limitMessages",
    "parseIdentities",
    "parseSeed",
    "sourceIpOfPeer",
    "toKeyMetadata",
    "verifySigV4",
    "webClock",
    "webIds",
  ]);
  expect(Object.keys(await import("../src/testing/index.js")).sort()).toEqual([
    "answer",
    "failure",
    "manualClock",
    "sequentialIds",
    "signedRequest",
  ]);
});
