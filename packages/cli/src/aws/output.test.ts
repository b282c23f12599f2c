import { describe, expect, it } from "vitest";
import { formatJsonOutput, formatTextRow } from "./output.js";

describe("formatJsonOutput", () => {
  it("indents by 4 spaces, keeps member order and non-ASCII text, and ends with a newline, as the AWS CLI", () => {
    expect(formatJsonOutput({ PolicyNames: ["default", "ünïcode"], Truncated: false, Empty: [], Nested: {} })).toBe(
      '{\n    "PolicyNames": [\n        "default",\n        "ünïcode"\n    ],\n    "Truncated": false,\n    "Empty": [],\n    "Nested": {}\n}\n',
    );
  });
});

describe("formatTextRow", () => {
  it.each([
    ["PolicyNames", ["default"], "POLICYNAMES\tdefault\n"],
    ["PolicyNames", ["a", "b"], "POLICYNAMES\ta\tb\n"],
  ])("prints %s %j as one tab-separated row", (name, values, expected) => {
    expect(formatTextRow(name, values)).toBe(expected);
  });
});
