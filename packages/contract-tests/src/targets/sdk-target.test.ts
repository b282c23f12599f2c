import { MalformedPolicyDocumentException } from "@aws-sdk/client-kms";
import { describe, expect, it } from "vitest";
import { SDK_NO_MESSAGE, sdkErrorResult } from "./sdk-target.js";

describe("sdkErrorResult", () => {
  it("reads an error AWS sent without a message as an empty one, with the wire status", () => {
    const cause = new MalformedPolicyDocumentException({ message: SDK_NO_MESSAGE, $metadata: { httpStatusCode: 400 } });
    expect(sdkErrorResult(cause)).toEqual({
      ok: false,
      error: { name: "MalformedPolicyDocumentException", message: "" },
      httpStatus: 400,
    });
  });

  it("throws what was thrown when no answer came: the target broke", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    expect(() => sdkErrorResult(refused)).toThrow(refused);
  });
});
