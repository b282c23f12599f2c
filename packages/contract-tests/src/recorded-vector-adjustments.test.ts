import { describe, expect, it } from "vitest";
import { ADJUST, KNOWN_FAILURES, VECTOR_IDENTITIES } from "./recorded-vector-adjustments.js";
import { loadRecordedVectors } from "./recorded-vectors.js";

describe("the recorded vectors' adjustment table", () => {
  const names = new Set(loadRecordedVectors().map((v) => v.name));

  it.each([...Object.keys(ADJUST), ...Object.keys(KNOWN_FAILURES)])("names the vector %s, which exists", (name) => {
    expect(names).toContain(name);
  });

  it("has vectors call only as the default caller or as an identity a signed emulator knows", () => {
    const known = new Set(VECTOR_IDENTITIES.map((identity) => identity.accessKeyId));
    for (const [name, adjust] of Object.entries(ADJUST)) {
      const callers = [adjust.accessKeyId, ...(adjust.setup ?? []).map((step) => step.accessKeyId)].filter(
        (id) => id !== undefined,
      );
      for (const id of callers)
        expect({ name, id, signed: adjust.signedCallers === true, known: known.has(id) }).toEqual({
          name,
          id,
          signed: true,
          known: true,
        });
    }
  });
});
