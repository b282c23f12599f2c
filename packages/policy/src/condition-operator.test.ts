import { describe, expect, it } from "vitest";
import { parseConditionOperator } from "./condition-operator.js";

describe("parseConditionOperator", () => {
  it.each([
    ["StringEquals", { family: "string", comparison: "equals", negated: false, ifExists: false, setOperator: "none" }],
    ["StringNotLikeIfExists", { family: "string-like", negated: true, ifExists: true }],
    ["ForAnyValue:StringEquals", { family: "string", setOperator: "for-any-value" }],
    [
      "ForAllValues:StringNotEqualsIgnoreCaseIfExists",
      { family: "string-ignore-case", negated: true, ifExists: true, setOperator: "for-all-values" },
    ],
    ["NumericLessThanEquals", { family: "numeric", comparison: "less-than-equals" }],
    ["DateGreaterThan", { family: "date", comparison: "greater-than" }],
    ["NotIpAddress", { family: "ip-address", negated: true }],
    ["ArnLike", { family: "arn", negated: false }],
    ["BoolIfExists", { family: "bool", ifExists: true }],
    ["Null", { family: "null", ifExists: false }],
  ])("reads %s", (name, expected) => {
    expect(parseConditionOperator(name)).toMatchObject({ name, ...expected });
  });

  it.each([
    ["an unknown operator", "StringContains"],
    ["a lower-case operator", "stringequals"],
    ["Null with IfExists", "NullIfExists"],
    ["IfExists alone", "IfExists"],
    ["two set operators", "ForAnyValue:ForAllValues:StringEquals"],
    ["an inherited object property name", "__proto__"],
    ["another inherited name", "constructor"],
  ])("refuses %s", (_name, name) => {
    expect(parseConditionOperator(name)).toBeUndefined();
  });
});
