import { describe, expect, it } from "vitest";
import { validateRequest } from "../validation.js";
import {
  CUSTOMER_MASTER_KEY_SPECS,
  KEY_SPECS,
  KEY_STATES,
  KEY_USAGES,
  KeySpec,
  KeyState,
  KeyUsageType,
  OriginType,
} from "./common.js";
import { awsEnum, coralEnumOrder, javaStringHashCode } from "./constraints.js";
import { CreateKeyRequest } from "./operations.js";

/** The values a Coral enum message lists, in order. */
function printedValues(message: string): string[] {
  const list = /Member must satisfy enum value set: \[(.*)\]$/.exec(message)?.[1];
  if (list === undefined) throw new Error(`not an enum message: ${message}`);
  return list.split(", ");
}

function enumMessage(input: Record<string, unknown>): string {
  const result = validateRequest(CreateKeyRequest, input);
  if (result.success) throw new Error("expected a ValidationException");
  return result.error.message;
}

describe("javaStringHashCode", () => {
  it.each([
    { s: "", hash: 0 },
    { s: "a", hash: 97 },
    { s: "ECDH", hash: 2_122_146 },
    // Java: "RSA_2048".hashCode() == -519912447 (overflows a 32-bit int).
    { s: "RSA_2048", hash: -519_912_447 },
  ])("is $hash for '$s', as Java computes it", ({ s, hash }) => {
    expect(javaStringHashCode(s)).toBe(hash);
  });
});

describe("coralEnumOrder", () => {
  // [REC] Enum messages recorded from real AWS (LocalStack snapshots, commit 8b9a79f0), each listed from the model's
  // enum (botocore) in model order.
  it.each([
    {
      what: "KMS KeySpec as of 2023 (vector validation-enum)",
      model: [
        "RSA_2048",
        "RSA_3072",
        "RSA_4096",
        "ECC_NIST_P256",
        "ECC_NIST_P384",
        "ECC_NIST_P521",
        "ECC_SECG_P256K1",
        "SYMMETRIC_DEFAULT",
        "HMAC_224",
        "HMAC_256",
        "HMAC_384",
        "HMAC_512",
      ],
      recorded: [
        "RSA_2048",
        "ECC_NIST_P384",
        "ECC_NIST_P256",
        "ECC_NIST_P521",
        "HMAC_384",
        "RSA_3072",
        "ECC_SECG_P256K1",
        "RSA_4096",
        "SYMMETRIC_DEFAULT",
        "HMAC_256",
        "HMAC_224",
        "HMAC_512",
      ],
    },
    {
      what: "KMS MacAlgorithmSpec",
      model: ["HMAC_SHA_224", "HMAC_SHA_256", "HMAC_SHA_384", "HMAC_SHA_512"],
      recorded: ["HMAC_SHA_384", "HMAC_SHA_256", "HMAC_SHA_224", "HMAC_SHA_512"],
    },
    { what: "KMS KeyAgreementAlgorithmSpec", model: ["ECDH"], recorded: ["ECDH"] },
    {
      what: "CloudWatch StateValue",
      model: ["OK", "ALARM", "INSUFFICIENT_DATA"],
      recorded: ["INSUFFICIENT_DATA", "ALARM", "OK"],
    },
    {
      what: "Step Functions ExecutionStatus (ties in reverse model order)",
      model: ["RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED", "PENDING_REDRIVE"],
      recorded: ["SUCCEEDED", "TIMED_OUT", "PENDING_REDRIVE", "ABORTED", "FAILED", "RUNNING"],
    },
    {
      what: "API Gateway Op",
      model: ["add", "remove", "replace", "move", "copy", "test"],
      recorded: ["add", "remove", "move", "test", "replace", "copy"],
    },
  ])("reproduces the recorded order of $what", ({ model, recorded }) => {
    expect(coralEnumOrder(model)).toEqual(recorded);
  });

  it("[RPT] gives the three origins of 2019 in the order local-kms quotes AWS with", () => {
    expect(coralEnumOrder(["AWS_KMS", "EXTERNAL", "AWS_CLOUDHSM"])).toEqual(["EXTERNAL", "AWS_CLOUDHSM", "AWS_KMS"]);
  });
});

describe("awsEnum", () => {
  it("refuses a printed order that is not a permutation of the model's values", () => {
    expect(() => awsEnum(["A", "B"], ["A"])).toThrow(/not a permutation/);
  });
});

describe("the enum messages of the KMS shapes", () => {
  it("[REC] lists KeySpec with the 12 recorded specs in AWS's order, the newer ones placed by the same rule", () => {
    const printed = printedValues(enumMessage({ KeySpec: "HMAC_random", KeyUsage: "GENERATE_VERIFY_MAC" }));
    const recorded = [
      "RSA_2048",
      "ECC_NIST_P384",
      "ECC_NIST_P256",
      "ECC_NIST_P521",
      "HMAC_384",
      "RSA_3072",
      "ECC_SECG_P256K1",
      "RSA_4096",
      "SYMMETRIC_DEFAULT",
      "HMAC_256",
      "HMAC_224",
      "HMAC_512",
    ];
    expect(printed.filter((spec) => recorded.includes(spec))).toEqual(recorded);
    expect(printed).toEqual([
      "RSA_2048",
      "ECC_NIST_P384",
      "ECC_NIST_EDWARDS25519",
      "ML_DSA_87",
      "ML_DSA_65",
      "ECC_NIST_P256",
      "ML_DSA_44",
      "ECC_NIST_P521",
      "HMAC_384",
      "RSA_3072",
      "SM2",
      "ECC_SECG_P256K1",
      "RSA_4096",
      "SYMMETRIC_DEFAULT",
      "HMAC_256",
      "HMAC_224",
      "HMAC_512",
    ]);
    expect([...printed].sort()).toEqual([...KEY_SPECS].sort());
  });

  it("[REC] lists KeyUsage as AWS recorded it, KEY_AGREEMENT last", () => {
    expect(enumMessage({ KeyUsage: "RANDOM" })).toBe(
      "1 validation error detected: Value 'RANDOM' at 'keyUsage' failed to satisfy constraint: Member must satisfy enum value set: [ENCRYPT_DECRYPT, SIGN_VERIFY, GENERATE_VERIFY_MAC, KEY_AGREEMENT]",
    );
    expect([...KeyUsageType.options].sort()).toEqual([...KEY_USAGES].sort());
  });

  it("lists Origin in Coral's order", () => {
    expect(enumMessage({ Origin: "SOMEWHERE" })).toBe(
      "1 validation error detected: Value 'SOMEWHERE' at 'origin' failed to satisfy constraint: Member must satisfy enum value set: [EXTERNAL, EXTERNAL_KEY_STORE, AWS_CLOUDHSM, AWS_KMS]",
    );
    expect(OriginType.options).toEqual(["EXTERNAL", "EXTERNAL_KEY_STORE", "AWS_CLOUDHSM", "AWS_KMS"]);
  });

  it("lists CustomerMasterKeySpec in Coral's order", () => {
    expect(printedValues(enumMessage({ CustomerMasterKeySpec: "NOPE" }))).toEqual(
      coralEnumOrder(CUSTOMER_MASTER_KEY_SPECS),
    );
    expect(KeySpec.options).toEqual(coralEnumOrder(KEY_SPECS));
  });

  it("orders KeyState by the same rule", () => {
    expect(KeyState.options).toEqual(coralEnumOrder(KEY_STATES));
    expect([...KeyState.options].sort()).toEqual([...KEY_STATES].sort());
  });
});
