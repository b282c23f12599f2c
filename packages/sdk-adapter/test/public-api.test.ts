import { expect, it } from "vitest";

it("exports exactly the public runtime names, so that a new export is a deliberate change", async () => {
  expect(Object.keys(await import("../src/index.js")).sort()).toEqual([
    "COMMANDS", "SDK_NO_MESSAGE", "cancelKeyDeletion", "createAlias", "createInProcessHandler", "createKey",
    "deleteAlias", "describeKey", "disableKey", "enableKey", "fromSdkError", "getKeyPolicy", "listAliases",
    "listKeyPolicies", "listKeys", "listResourceTags", "localError", "putKeyPolicy", "safeCancelKeyDeletion",
    "safeCreateAlias", "safeCreateKey", "safeDeleteAlias", "safeDescribeKey", "safeDisableKey", "safeEnableKey",
    "safeGetKeyPolicy", "safeListAliases", "safeListKeyPolicies", "safeListKeys", "safeListResourceTags",
    "safePutKeyPolicy", "safeScheduleKeyDeletion", "safeSend", "safeTagResource", "safeUntagResource",
    "safeUpdateAlias", "scheduleKeyDeletion", "send", "tagResource", "untagResource", "updateAlias",
  ]);
});
