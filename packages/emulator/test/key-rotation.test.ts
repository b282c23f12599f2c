import { describe, expect, it } from "vitest";
import { createEmulatorApp, createMemoryStore } from "../src/index.js";
import { manualClock, sequentialIds } from "../src/testing/index.js";

// Automatic rotation happens when the injected clock passes NextRotationDate, materialised when a request reads the
// key: these tests move a manual clock, never wait. (The contract cases cover the wire answers on every target.)

const DAY_MS = 86_400_000;
const START = Date.UTC(2026, 0, 1);

function setup() {
  const clock = manualClock(START);
  const store = createMemoryStore();
  const app = createEmulatorApp({ store, clock, ids: sequentialIds(), config: { logError: () => {} } });
  const call = async (operation: string, body: object) => {
    const res = await app.request("/", {
      method: "POST",
      headers: { "x-amz-target": `TrentService.${operation}`, "content-type": "application/x-amz-json-1.1" },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text === "" ? {} : JSON.parse(text)) as Record<string, unknown> };
  };
  const createKey = async (input: object = {}) => {
    const { body } = await call("CreateKey", input);
    return (body["KeyMetadata"] as { KeyId: string }).KeyId;
  };
  const currentMaterial = async (keyId: string) => {
    const { body } = await call("DescribeKey", { KeyId: keyId });
    return (body["KeyMetadata"] as { CurrentKeyMaterialId?: string }).CurrentKeyMaterialId;
  };
  return { clock, store, call, createKey, currentMaterial };
}

describe("automatic key rotation on the injected clock", () => {
  it("rotates once the clock passes NextRotationDate: a new CurrentKeyMaterialId, an AUTOMATIC rotation dated then, the next date a period later", async () => {
    const { clock, call, createKey, currentMaterial } = setup();
    const keyId = await createKey();
    const first = await currentMaterial(keyId);
    await call("EnableKeyRotation", { KeyId: keyId, RotationPeriodInDays: 90 });
    const due = START + 90 * DAY_MS;

    clock.set(due - 1);
    expect(await currentMaterial(keyId)).toBe(first);
    expect((await call("ListKeyRotations", { KeyId: keyId })).body).toEqual({ Rotations: [], Truncated: false });

    clock.set(due);
    const second = await currentMaterial(keyId);
    expect(second).toMatch(/^[0-9a-f]{64}$/);
    expect(second).not.toBe(first);
    expect((await call("ListKeyRotations", { KeyId: keyId, IncludeKeyMaterial: "ALL_KEY_MATERIAL" })).body).toEqual({
      Rotations: [
        { KeyId: keyId, KeyMaterialId: first, KeyMaterialState: "NON_CURRENT" },
        {
          KeyId: keyId,
          KeyMaterialId: second,
          KeyMaterialState: "CURRENT",
          RotationDate: due / 1000,
          RotationType: "AUTOMATIC",
        },
      ],
      Truncated: false,
    });
    expect((await call("GetKeyRotationStatus", { KeyId: keyId })).body).toMatchObject({
      KeyRotationEnabled: true,
      RotationPeriodInDays: 90,
      NextRotationDate: (due + 90 * DAY_MS) / 1000,
    });
  });

  it("catches up every rotation a long jump of the clock passed, each dated as scheduled", async () => {
    const { clock, call, createKey } = setup();
    const keyId = await createKey();
    await call("EnableKeyRotation", { KeyId: keyId, RotationPeriodInDays: 100 });
    clock.set(START + 350 * DAY_MS);
    const { body } = await call("ListKeyRotations", { KeyId: keyId });
    const rotations = body["Rotations"] as { RotationDate: number; RotationType: string; KeyMaterialState: string }[];
    expect(rotations.map((r) => r.RotationDate)).toEqual([100, 200, 300].map((days) => (START + days * DAY_MS) / 1000));
    expect(rotations.map((r) => r.RotationType)).toEqual(["AUTOMATIC", "AUTOMATIC", "AUTOMATIC"]);
    expect(rotations.map((r) => r.KeyMaterialState)).toEqual(["NON_CURRENT", "NON_CURRENT", "CURRENT"]);
    expect(new Set(rotations.map((r) => (r as { KeyMaterialId?: string }).KeyMaterialId)).size).toBe(3);
    expect((await call("GetKeyRotationStatus", { KeyId: keyId })).body["NextRotationDate"]).toBe(
      (START + 400 * DAY_MS) / 1000,
    );
  });

  it("does not rotate a disabled key, and rotates it once it is enabled again", async () => {
    const { clock, call, createKey, currentMaterial } = setup();
    const keyId = await createKey();
    const first = await currentMaterial(keyId);
    await call("EnableKeyRotation", { KeyId: keyId, RotationPeriodInDays: 90 });
    await call("DisableKey", { KeyId: keyId });
    clock.set(START + 100 * DAY_MS);
    expect(await currentMaterial(keyId)).toBe(first);
    await call("EnableKey", { KeyId: keyId });
    expect(await currentMaterial(keyId)).not.toBe(first);
  });

  it("stops rotating after DisableKeyRotation", async () => {
    const { clock, call, createKey, currentMaterial } = setup();
    const keyId = await createKey();
    const first = await currentMaterial(keyId);
    await call("EnableKeyRotation", { KeyId: keyId, RotationPeriodInDays: 90 });
    await call("DisableKeyRotation", { KeyId: keyId });
    clock.set(START + 1000 * DAY_MS);
    expect(await currentMaterial(keyId)).toBe(first);
    expect((await call("GetKeyRotationStatus", { KeyId: keyId })).body).toEqual({
      KeyRotationEnabled: false,
      KeyId: `arn:aws:kms:us-east-1:111122223333:key/${keyId}`,
    });
  });

  it("keeps every material ID, oldest first, in the stored key (old ciphertexts stay decryptable)", async () => {
    const { clock, call, createKey, store } = setup();
    const keyId = await createKey();
    await call("RotateKeyOnDemand", { KeyId: keyId });
    await call("EnableKeyRotation", { KeyId: keyId, RotationPeriodInDays: 90 });
    clock.set(START + 90 * DAY_MS);
    await call("DescribeKey", { KeyId: keyId });
    const key = await store.getKey({ accountId: "111122223333", region: "us-east-1" }, keyId);
    expect(key?.keyMaterials?.map((m) => m.rotationType)).toEqual([undefined, "ON_DEMAND", "AUTOMATIC"]);
    expect(key?.keyMaterials?.at(-1)?.keyMaterialId).toBe(key?.currentKeyMaterialId);
  });
});

describe("RotateKeyOnDemand", () => {
  it("dates the rotation at the clock's now and leaves the automatic schedule alone", async () => {
    const { clock, call, createKey } = setup();
    const keyId = await createKey();
    await call("EnableKeyRotation", { KeyId: keyId });
    clock.set(START + 10 * DAY_MS);
    expect((await call("RotateKeyOnDemand", { KeyId: keyId })).body).toEqual({
      KeyId: `arn:aws:kms:us-east-1:111122223333:key/${keyId}`,
    });
    const { body } = await call("ListKeyRotations", { KeyId: keyId });
    expect(body["Rotations"]).toMatchObject([
      { RotationDate: (START + 10 * DAY_MS) / 1000, RotationType: "ON_DEMAND" },
    ]);
    expect((await call("GetKeyRotationStatus", { KeyId: keyId })).body["NextRotationDate"]).toBe(
      (START + 365 * DAY_MS) / 1000,
    );
  });

  it("counts only on-demand rotations toward its limit of 25", async () => {
    const { clock, call, createKey } = setup();
    const keyId = await createKey();
    await call("EnableKeyRotation", { KeyId: keyId, RotationPeriodInDays: 90 });
    clock.set(START + 365 * DAY_MS);
    for (let i = 0; i < 25; i++) expect((await call("RotateKeyOnDemand", { KeyId: keyId })).status).toBe(200);
    const refused = await call("RotateKeyOnDemand", { KeyId: keyId });
    expect(refused.body["__type"]).toBe("LimitExceededException");
    const { body } = await call("ListKeyRotations", { KeyId: keyId, Limit: 1000 });
    expect((body["Rotations"] as unknown[]).length).toBe(4 + 25);
  });

  it("refuses a seeded EXTERNAL key that is Enabled: no material is pending rotation", async () => {
    const { call, store } = setup();
    const keyId = "1234abcd-12ab-34cd-56ef-1234567890ab";
    const arn = `arn:aws:kms:us-east-1:111122223333:key/${keyId}`;
    await store.createKey({
      accountId: "111122223333",
      region: "us-east-1",
      partition: "aws",
      keyId,
      description: "",
      keySpec: "SYMMETRIC_DEFAULT",
      keyUsage: "ENCRYPT_DECRYPT",
      origin: "EXTERNAL",
      keyState: "Enabled",
      creationDate: START,
      multiRegion: false,
      policy: "{}",
      tags: [],
    });
    expect((await call("RotateKeyOnDemand", { KeyId: keyId })).body).toEqual({
      __type: "KMSInvalidStateException",
      message: `No available key material pending rotation for the key: ${arn}.`,
    });
    expect((await call("EnableKeyRotation", { KeyId: keyId })).body).toEqual({
      __type: "UnsupportedOperationException",
      message: `${arn} origin is EXTERNAL which is not valid for this operation.`,
    });
    expect((await call("ListKeyRotations", { KeyId: keyId })).body).toEqual({ Rotations: [], Truncated: false });
  });
});
