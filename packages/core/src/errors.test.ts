import { describe, expect, it } from "vitest";
import { KMS_ERRORS, type KmsErrorName, createKmsError, errorStatus, isKmsError, isKmsErrorName } from "./errors.js";

const names = Object.keys(KMS_ERRORS) as KmsErrorName[];
const clientErrors = names.filter((name) => KMS_ERRORS[name].fault === "client");
const faults = names.filter((name) => KMS_ERRORS[name].fault === "server");

describe("KMS_ERRORS", () => {
  // [REC] §1: 400 for every client error, also where the Smithy model says 404 or 409. The one exception is the
  // project's decision for oversized bodies.
  it.each(clientErrors.filter((name) => name !== "RequestEntityTooLargeException"))(
    "answers the client error %s with 400",
    (name) => {
      expect(errorStatus(name)).toBe(400);
    },
  );

  it("answers an oversized body with 413, the one client error that is not 400 [DEC]", () => {
    expect(errorStatus("RequestEntityTooLargeException")).toBe(413);
  });

  it.each([
    { name: "KMSInternalException", status: 500 },
    { name: "KeyUnavailableException", status: 500 },
    { name: "DependencyTimeoutException", status: 503 },
    { name: "InternalFailure", status: 500 },
  ] as const)("answers the fault $name with $status", ({ name, status }) => {
    expect(KMS_ERRORS[name].fault).toBe("server");
    expect(errorStatus(name)).toBe(status);
  });

  it("has no fault other than the four modelled ones", () => {
    expect(faults.sort()).toEqual(
      ["DependencyTimeoutException", "InternalFailure", "KMSInternalException", "KeyUnavailableException"].sort(),
    );
  });

  it.each(["NotFoundException", "DisabledException", "KMSInvalidStateException", "AccessDeniedException"] as const)(
    "answers %s with 400 although the Smithy model gives it another status",
    (name) => {
      expect(errorStatus(name)).toBe(400);
    },
  );
});

describe("createKmsError", () => {
  it("defaults the message to empty, which the wire body leaves out", () => {
    expect(createKmsError("UnknownOperationException")).toEqual({ name: "UnknownOperationException", message: "" });
  });
});

describe("isKmsErrorName", () => {
  it.each(names)("knows %s", (name) => {
    expect(isKmsErrorName(name)).toBe(true);
  });

  it.each([
    "KMSInvalidSignatureException",
    "notfoundexception",
    "com.amazonaws.kms#NotFoundException",
    "toString",
    "constructor",
    "__proto__",
    "",
    42,
    undefined,
  ])("does not know %j", (name) => {
    expect(isKmsErrorName(name)).toBe(false);
  });
});

describe("isKmsError", () => {
  it("accepts a plain object with a known name and a string message", () => {
    expect(isKmsError({ name: "NotFoundException", message: "" })).toBe(true);
  });

  it("accepts an Error whose name is a KMS error name, judging by shape rather than class", () => {
    const error = Object.assign(new Error("Invalid keyId 'x'"), { name: "NotFoundException" });
    expect(isKmsError(error)).toBe(true);
  });

  it.each([
    { what: "null", value: null },
    { what: "a string", value: "NotFoundException" },
    { what: "an unknown name", value: { name: "BogusException", message: "m" } },
    { what: "a missing message", value: { name: "NotFoundException" } },
    { what: "a non-string message", value: { name: "NotFoundException", message: 1 } },
    { what: "a plain Error", value: new Error("boom") },
  ])("rejects $what", ({ value }) => {
    expect(isKmsError(value)).toBe(false);
  });
});
