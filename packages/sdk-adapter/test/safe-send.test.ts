import { type KMSClient, MalformedPolicyDocumentException, NotFoundException } from "@aws-sdk/client-kms";
import { type OperationName, OPERATIONS } from "@keypolicy/core";
import { beforeEach, describe, expect, it } from "vitest";
import * as adapter from "../src/index.js";
import { COMMANDS, fromSdkError, safeSend, type SafeSendError } from "../src/index.js";
import { clientOn, emulatorClient, KEY_ID, MISSING_KEY_ID } from "./emulator-client.js";

const OPERATION_NAMES = Object.keys(OPERATIONS) as OperationName[];

describe("the operation table", () => {
  it.each(OPERATION_NAMES)("sends %s with the SDK's command of that name", (operation) => {
    expect(COMMANDS[operation].name).toBe(`${operation}Command`);
  });

  it.each(OPERATION_NAMES)("has a safe and a throwing wrapper for %s", (operation) => {
    const lower = `${operation.charAt(0).toLowerCase()}${operation.slice(1)}`;
    expect(typeof (adapter as Record<string, unknown>)[`safe${operation}`]).toBe("function");
    expect(typeof (adapter as Record<string, unknown>)[lower]).toBe("function");
  });

  it("covers exactly core's operations", () => {
    expect(Object.keys(COMMANDS).sort()).toEqual([...OPERATION_NAMES].sort());
  });
});

describe("safeSend against the in-process emulator", () => {
  let client: KMSClient;
  let sent: () => number;
  beforeEach(async () => {
    ({ client, sent } = await emulatorClient());
  });

  /** What the emulator answers for `input` when nothing is checked before sending. */
  async function emulatorAnswer(operation: OperationName, input: object) {
    const Command = COMMANDS[operation] as unknown as new (input: object) => Parameters<KMSClient["send"]>[0];
    const thrown = await client.send(new Command(input)).then(
      () => undefined,
      (cause: unknown) => cause,
    );
    const error = fromSdkError(thrown);
    return { name: error.name, message: error.message };
  }

  it.each<[string, OperationName, Record<string, unknown>]>([
    ["an enum value KMS does not have", "CreateKey", { KeySpec: "RSA_1024" }],
    ["a description over 8192 characters", "CreateKey", { Description: "d".repeat(8193) }],
    ["a policy name outside [\\w]+", "GetKeyPolicy", { KeyId: KEY_ID, PolicyName: "bad-name!" }],
    ["an empty key ID", "DescribeKey", { KeyId: "" }],
    ["a limit over 1000 and a marker under 1 character", "ListKeys", { Limit: 1001, Marker: "" }],
    ["a pending window over 365 days", "ScheduleKeyDeletion", { KeyId: KEY_ID, PendingWindowInDays: 366 }],
    ["a rotation period under 90 days", "EnableKeyRotation", { KeyId: KEY_ID, RotationPeriodInDays: 89 }],
    ["an IncludeKeyMaterial value KMS does not have", "ListKeyRotations", { KeyId: KEY_ID, IncludeKeyMaterial: "ALL" }],
    ["a description over 8192 characters", "UpdateKeyDescription", { KeyId: KEY_ID, Description: "d".repeat(8193) }],
    ["a replica Region that is not a Region ID", "ReplicateKey", { KeyId: KEY_ID, ReplicaRegion: "mars" }],
    [
      "a primary Region over 32 characters",
      "UpdatePrimaryRegion",
      { KeyId: KEY_ID, PrimaryRegion: `${"a-".repeat(16)}1` },
    ],
    ["an alias name too long", "CreateAlias", { AliasName: `alias/${"a".repeat(251)}`, TargetKeyId: KEY_ID }],
    ["a tag key too long", "TagResource", { KeyId: KEY_ID, Tags: [{ TagKey: "k".repeat(129), TagValue: "v" }] }],
    ["a malformed key ID on a policy operation", "ListKeyPolicies", { KeyId: "fake-key-id" }],
    ["a malformed key ID on PutKeyPolicy", "PutKeyPolicy", { KeyId: "fake-key-id", Policy: "{}" }],
  ])("refuses %s before sending, with what KMS answers", async (_, operation, input) => {
    const result = await safeSend(client, operation, input as never);
    expect(sent()).toBe(0);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error).toMatchObject({ kind: "local", local: true, status: 400, fault: "client" });
    expect({ name: result.error.name, message: result.error.message }).toEqual(await emulatorAnswer(operation, input));
  });

  it("drops members the model does not have, as AWS ignores them", async () => {
    const result = await safeSend(client, "DescribeKey", { KeyId: KEY_ID, Extra: 1 } as never);
    expect(result).toMatchObject({ success: true, data: { KeyMetadata: { KeyId: KEY_ID } } });
  });

  it("answers an error KMS sends with its name, message, status and the SDK's exception", async () => {
    const result = await safeSend(client, "DescribeKey", { KeyId: MISSING_KEY_ID });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error).toMatchObject({
      kind: "service",
      name: "NotFoundException",
      message: `Key 'arn:aws:kms:us-east-2:111122223333:key/${MISSING_KEY_ID}' does not exist`,
      status: 400,
      fault: "client",
      attempts: 1,
      local: false,
    });
    expect((result.error as SafeSendError & { cause: unknown }).cause).toBeInstanceOf(NotFoundException);
    expect(sent()).toBe(1);
  });

  it("answers an error KMS sends without a message with an empty one, not the SDK's UnknownError", async () => {
    // A policy that is not a JSON object: MalformedPolicyDocumentException with no message (KMS-FIDELITY.md §7).
    const result = await safeSend(client, "PutKeyPolicy", { KeyId: KEY_ID, Policy: "[]" });
    expect(result).toMatchObject({
      success: false,
      error: { kind: "service", name: "MalformedPolicyDocumentException", message: "" },
    });
    const thrown = await adapter.putKeyPolicy(client, { KeyId: KEY_ID, Policy: "[]" }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(MalformedPolicyDocumentException);
    expect((thrown as adapter.WithKmsError<Error>).kmsError).toEqual({
      name: "MalformedPolicyDocumentException",
      message: "",
    });
  });

  it("answers a request that never reached KMS with why", async () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" });
    const unreachable = clientOn(() => Promise.reject(refused));
    const result = await safeSend(unreachable, "ListKeys", {});
    expect(result).toEqual({
      success: false,
      error: {
        kind: "unreachable",
        name: "Error",
        message: refused.message,
        fault: "server",
        local: false,
        cause: refused,
      },
    });
    await expect(adapter.listKeys(unreachable, {})).rejects.toBe(refused);
  });
});

describe("the typed wrappers against the in-process emulator", () => {
  it("run every operation of core's table, one after another", async () => {
    const { client } = await emulatorClient();
    const { KeyMetadata } = await adapter.createKey(client, { Description: "made by the wrappers" });
    const KeyId = KeyMetadata?.KeyId ?? "";
    expect((await adapter.describeKey(client, { KeyId })).KeyMetadata?.Description).toBe("made by the wrappers");
    expect((await adapter.listKeys(client, {})).Keys?.map((k) => k.KeyId).sort()).toEqual([KEY_ID, KeyId].sort());

    const policy = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "kms:*", Resource: "*" },
      ],
    });
    await adapter.putKeyPolicy(client, { KeyId, Policy: policy });
    expect((await adapter.listKeyPolicies(client, { KeyId })).PolicyNames).toEqual(["default"]);
    expect((await adapter.getKeyPolicy(client, { KeyId })).document?.kind).toBe("object");

    await adapter.createAlias(client, { AliasName: "alias/wrapped", TargetKeyId: KeyId });
    await adapter.updateAlias(client, { AliasName: "alias/wrapped", TargetKeyId: KEY_ID });
    expect((await adapter.listAliases(client, { KeyId: KEY_ID })).Aliases?.map((a) => a.AliasName).sort()).toEqual([
      "alias/ExampleAlias",
      "alias/wrapped",
    ]);
    await adapter.deleteAlias(client, { AliasName: "alias/wrapped" });

    await adapter.tagResource(client, { KeyId, Tags: [{ TagKey: "team", TagValue: "keys" }] });
    expect((await adapter.listResourceTags(client, { KeyId })).Tags).toEqual([{ TagKey: "team", TagValue: "keys" }]);
    await adapter.untagResource(client, { KeyId, TagKeys: ["team"] });
    expect((await adapter.safeListResourceTags(client, { KeyId })).success).toBe(true);

    await adapter.disableKey(client, { KeyId });
    await adapter.enableKey(client, { KeyId });
    expect((await adapter.scheduleKeyDeletion(client, { KeyId, PendingWindowInDays: 7 })).KeyState).toBe(
      "PendingDeletion",
    );
    expect((await adapter.cancelKeyDeletion(client, { KeyId })).KeyId).toContain(KeyId);
    expect((await adapter.safeDescribeKey(client, { KeyId })).success && "answered").toBe("answered");
  });
});
