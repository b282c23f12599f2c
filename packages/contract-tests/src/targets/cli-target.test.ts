import { describe, expect, it } from "vitest";
import { cliArguments, cliView, commandName, parseCliAnswer } from "./cli-target.js";

describe("the CLI target", () => {
  it.each([
    ["GetKeyPolicy", "get-key-policy"],
    ["PutKeyPolicy", "put-key-policy"],
    ["ListKeyPolicies", "list-key-policies"],
  ])("runs %s as the command %s", (operation, command) => {
    expect(commandName(operation)).toBe(command);
  });

  it("passes each member as its AWS CLI flag, then endpoint, region and JSON output", () => {
    expect(
      cliArguments(
        "PutKeyPolicy",
        { KeyId: "k", PolicyName: "default", Policy: "{}", BypassPolicyLockoutSafetyCheck: true },
        "http://127.0.0.1:1",
        "eu-west-1",
      ),
    ).toEqual([
      "put-key-policy",
      "--key-id",
      "k",
      "--policy-name",
      "default",
      "--policy",
      "{}",
      "--bypass-policy-lockout-safety-check",
      "--endpoint-url",
      "http://127.0.0.1:1",
      "--region",
      "eu-west-1",
      "--output",
      "json",
    ]);
  });

  it("refuses a member it has no flag for", () => {
    expect(() => cliArguments("GetKeyPolicy", { GrantTokens: [] }, "u", "r")).toThrow(
      "no CLI flag for GetKeyPolicy.GrantTokens",
    );
  });

  it("reads the JSON document on stdout, and no output as no members", () => {
    expect(parseCliAnswer("GetKeyPolicy", 0, '{\n  "Policy": "{}",\n  "PolicyName": "default"\n}\n', "")).toEqual({
      ok: true,
      output: { Policy: "{}", PolicyName: "default" },
    });
    expect(parseCliAnswer("PutKeyPolicy", 0, "", "")).toEqual({ ok: true, output: {} });
  });

  it("reads a service error from stderr, with an empty message too", () => {
    expect(
      parseCliAnswer(
        "GetKeyPolicy",
        254,
        "",
        "\nAn error occurred (NotFoundException) when calling the GetKeyPolicy operation: Invalid keyId 'x'\n",
      ),
    ).toEqual({ ok: false, error: { name: "NotFoundException", message: "Invalid keyId 'x'" } });
    expect(
      parseCliAnswer(
        "PutKeyPolicy",
        254,
        "",
        "An error occurred (MalformedPolicyDocumentException) when calling the PutKeyPolicy operation: \n",
      ),
    ).toEqual({
      ok: false,
      error: { name: "MalformedPolicyDocumentException", message: "" },
    });
  });

  it("reads a service error the CLI retried, as the AWS CLI words it", () => {
    expect(
      parseCliAnswer(
        "PutKeyPolicy",
        254,
        "",
        "\nAn error occurred (LimitExceededException) when calling the PutKeyPolicy operation (reached max retries: 2): too large\n",
      ),
    ).toEqual({ ok: false, error: { name: "LimitExceededException", message: "too large" } });
  });

  it("rejects a service error with an exit code other than 254, or naming another operation", () => {
    const stderr = "An error occurred (NotFoundException) when calling the GetKeyPolicy operation: x";
    expect(() => parseCliAnswer("GetKeyPolicy", 1, "", stderr)).toThrow("expected 254");
    expect(() => parseCliAnswer("PutKeyPolicy", 254, "", stderr)).toThrow("expected PutKeyPolicy");
  });

  it("rejects a failure that is not a service error", () => {
    expect(() => parseCliAnswer("GetKeyPolicy", 252, "", "usage: keypolicy get-key-policy --key-id <id>")).toThrow(
      "without a service error",
    );
  });

  it("shows paginated answers as the AWS CLI prints them, without the paging members", () => {
    expect(cliView("ListKeyPolicies", { PolicyNames: ["default"], Truncated: false })).toEqual({
      PolicyNames: ["default"],
    });
    expect(cliView("GetKeyPolicy", { Policy: "{}", PolicyName: "default" })).toEqual({
      Policy: "{}",
      PolicyName: "default",
    });
  });
});
