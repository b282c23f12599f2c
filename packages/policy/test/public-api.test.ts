import { expect, it } from "vitest";

it("exports exactly the public runtime names, so that a new export is a deliberate change", async () => {
  expect(Object.keys(await import("../src/index.js")).sort()).toEqual([
    "AUTHORIZATION_TABLE",
    "authorizationOf",
    "authorize",
    "conditionKeysFor",
    "defaultKeyPolicy",
    "evaluateKeyPolicy",
    "formatAccessDenied",
    "formatPolicy",
    "fromJsonValue",
    "memberPermissionsOf",
    "operationOfAction",
    "parseJson",
    "readIdentityPolicy",
    "readKeyPolicy",
    "toJsonValue",
    "validateKeyPolicy",
  ]);
});
