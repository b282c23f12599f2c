import { defaultKeyPolicy } from "@keypolicy/policy";
import { describe, expect, it } from "vitest";
import { createKeyPolicyReader } from "./key-policy-cache.js";

describe("createKeyPolicyReader", () => {
  it("reads a stored policy into its statements and answers the same object for the same text", () => {
    const read = createKeyPolicyReader();
    const first = read(defaultKeyPolicy("111122223333"));
    expect(first?.statements).toHaveLength(1);
    expect(read(defaultKeyPolicy("111122223333"))).toBe(first);
  });

  it("keeps texts apart", () => {
    const read = createKeyPolicyReader();
    expect(read(defaultKeyPolicy("111122223333"))).not.toBe(read(defaultKeyPolicy("444455556666")));
  });

  it("answers undefined for a text that is not a readable policy, so enforcement fails closed", () => {
    const read = createKeyPolicyReader();
    expect(read("not json")).toBeUndefined();
    expect(read('{"Statement":"nope"}')).toBeUndefined();
  });

  it("reads an identity policy with IAM's rules, apart from the same text read as a key policy", () => {
    const read = createKeyPolicyReader();
    const text = JSON.stringify({
      Statement: { Effect: "Allow", Action: "kms:*", NotResource: "arn:aws:kms:*:111122223333:alias/*" },
    });
    expect(read(text, "identity")).toMatchObject({
      kind: "identity",
      statements: [{ notResource: true, principals: [] }],
    });
    expect(read(text)).toBeUndefined();
  });
});
