import { describe, expect, it } from "vitest";
import { fillTemplate, learnBindings, placeholdersIn, valueAt } from "./template.js";

describe("fillTemplate", () => {
  it.each([
    ["Key 'arn:aws:kms:{{region}}:{{account}}:key/x'", "Key 'arn:aws:kms:us-east-1:111122223333:key/x'"],
    ["{{region}}", "us-east-1"],
    ["{{unbound}} stays", "{{unbound}} stays"],
    ["{{repeat:ab:3}}", "ababab"],
    ["no placeholders", "no placeholders"],
  ])("fills %j as %j", (template, filled) => {
    expect(fillTemplate(template, { region: "us-east-1", account: "111122223333" })).toBe(filled);
  });

  it("gives a whole-string placeholder the bound value with its type", () => {
    expect(
      fillTemplate({ CreationDate: "{{creationDate}}", Keys: ["{{keyId}}"] }, { creationDate: 1.5, keyId: "k" }),
    ).toEqual({
      CreationDate: 1.5,
      Keys: ["k"],
    });
  });

  it("adds whole seconds to a bound number, and leaves the sum unfilled when the name is unbound or not a number", () => {
    expect(fillTemplate({ DeletionDate: "{{now+2592000}}" }, { now: 1_704_067_200 })).toEqual({
      DeletionDate: 1_706_659_200,
    });
    expect(fillTemplate("{{now+1}}", {})).toBe("{{now+1}}");
    expect(fillTemplate("{{now+1}}", { now: "1" })).toBe("{{now+1}}");
  });

  it("lists the placeholders a value uses", () => {
    expect(placeholdersIn({ a: "{{x}}-{{y}}", b: ["{{x}}"] })).toEqual(["x", "y"]);
  });
});

describe("learnBindings", () => {
  const formats = { keyId: /^[0-9a-f-]{36}$/, creationDate: "number" } as const;

  it("learns an unbound placeholder from the actual text, in the format it must have", () => {
    const id = "00000000-0000-4000-8000-000000000001";
    expect(
      learnBindings(
        { Arn: "arn:aws:kms:us-east-1:1:key/{{keyId}}" },
        { Arn: `arn:aws:kms:us-east-1:1:key/${id}` },
        {},
        formats,
      ),
    ).toEqual({ keyId: id });
  });

  it("learns nothing when the actual text does not have the format", () => {
    expect(learnBindings("key/{{keyId}}", "key/not-a-uuid", {}, formats)).toEqual({});
  });

  it("learns a number only where the format says number", () => {
    expect(learnBindings({ d: "{{creationDate}}" }, { d: 17 }, {}, formats)).toEqual({ creationDate: 17 });
    expect(learnBindings({ d: "{{creationDate}}" }, { d: "17" }, {}, formats)).toEqual({});
  });

  it("keeps a bound value and requires the actual text to contain it", () => {
    expect(learnBindings("a/{{x}}/{{y}}", "a/1/2", { x: "1" })).toEqual({ x: "1", y: "2" });
    expect(learnBindings("a/{{x}}/{{y}}", "a/9/2", { x: "1" })).toEqual({ x: "1" });
  });
});

describe("valueAt", () => {
  it.each([
    ["KeyMetadata.KeyId", "k"],
    ["KeyMetadata.Missing", undefined],
    ["Nope.KeyId", undefined],
  ])("reads %s", (path, value) => {
    expect(valueAt({ KeyMetadata: { KeyId: "k" } }, path)).toBe(value);
  });
});
