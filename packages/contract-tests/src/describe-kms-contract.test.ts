import { describe, expect, it } from "vitest";
import { ContractCase, caseSteps, loadContractCases } from "./cases.js";
import { capabilitySkipReason, runContractCase } from "./describe-kms-contract.js";
import type { TargetCapabilities } from "./target.js";
import { createEmulatorHarness } from "./targets/emulator-harness.js";
import { createFetchTarget } from "./targets/fetch-target.js";

const cases = loadContractCases();
const byName = (name: string): ContractCase => {
  const found = cases.find((c) => c.name === name);
  if (!found) throw new Error(`no case ${name}`);
  return found;
};
const FULL: TargetCapabilities = { anyCaller: true, seeds: ["documented-key"], reportsHttpStatus: true };

/**
 * The emulator, with every answer passed through `mutate` first (with the operation it answers): a target that is
 * wrong in one known way.
 */
function mutatedEmulator(
  mutate: (response: Response, body: string, operation: string) => { status: number; body: string },
) {
  const emulator = createEmulatorHarness();
  return createFetchTarget({
    seed: emulator.seed,
    fetch: async (request) => {
      const operation = (request.headers.get("x-amz-target") ?? "").replace(/^TrentService\./, "");
      const response = await emulator.app.request(request);
      const changed = mutate(response, await response.text(), operation);
      return new Response(changed.body, { status: changed.status, headers: response.headers });
    },
  });
}

describe("the contract suite", () => {
  it("has a source for every case, unique names, and status 400 for every error", () => {
    expect(cases.length).toBeGreaterThan(40);
    for (const c of cases) {
      expect(c.source.length, c.name).toBeGreaterThan(10);
      for (const step of caseSteps(c)) {
        if (step.expect.error) expect(step.expect.httpStatus, c.name).toBe(400);
        else expect(step.expect.httpStatus, c.name).toBe(200);
      }
    }
  });

  it.each([
    [
      "a compact default policy",
      "GetKeyPolicy returns the documented key's default policy, byte for byte, by key ID",
      (r: Response, b: string) => ({ status: r.status, body: b.replace(/\\n */g, "") }),
    ],
    [
      "no PolicyName in the answer",
      "GetKeyPolicy without PolicyName answers PolicyName default",
      (r: Response, b: string) => ({ status: r.status, body: b.replace(/,"PolicyName":"default"/, "") }),
    ],
    [
      "status 404 for NotFoundException",
      "GetKeyPolicy of an unknown key ID names the full key ARN of the caller's region and account",
      (r: Response, b: string) => ({ status: r.status === 400 ? 404 : r.status, body: b }),
    ],
    [
      "a bare key ID in the not-found message",
      "GetKeyPolicy of an unknown key ID names the full key ARN of the caller's region and account",
      (r: Response, b: string) => ({ status: r.status, body: b.replace(/arn:aws:kms:[^']*key\//, "") }),
    ],
    [
      "a NextMarker in ListKeyPolicies",
      "ListKeyPolicies of a new key answers exactly the default policy name",
      (r: Response, b: string) => ({
        status: r.status,
        body: b.replace(/"Truncated":false/, '"Truncated":false,"NextMarker":"x"'),
      }),
    ],
  ])("fails a target that answers %s", async (_what, name, mutate) => {
    await expect(runContractCase(mutatedEmulator(mutate), byName(name), FULL)).rejects.toThrow();
  });

  it("passes the same cases against the unchanged emulator", async () => {
    const target = mutatedEmulator((r, b) => ({ status: r.status, body: b }));
    await runContractCase(target, byName("GetKeyPolicy without PolicyName answers PolicyName default"), FULL);
    await runContractCase(target, byName("ListKeyPolicies of a new key answers exactly the default policy name"), FULL);
  });

  it("says why a target without seeds, other callers or an operation cannot run a case", () => {
    const live: TargetCapabilities = { anyCaller: false, seeds: [], reportsHttpStatus: true };
    expect(capabilitySkipReason(byName("GetKeyPolicy finds the documented key by its alias name"), live)).toBe(
      'the target cannot load the seed "documented-key"',
    );
    expect(capabilitySkipReason(byName("A key is not found by its ID from another account"), live)).toBe(
      "the case calls as another account, which needs an emulator",
    );
    expect(
      capabilitySkipReason(byName("ListKeys lists a key in its own account and region"), {
        ...FULL,
        operations: ["GetKeyPolicy"],
      }),
    ).toBe("the target has no ListKeys command");
    expect(capabilitySkipReason(byName("GetKeyPolicy of an unknown key ARN echoes the ARN"), live)).toBeUndefined();
  });

  it("says why a target on its own clock, or without an operation of a later step, cannot run a case", () => {
    expect(
      capabilitySkipReason(byName("ScheduleKeyDeletion without a window dates the deletion 30 days from now"), FULL),
    ).toBe("the case needs the time of a fixed clock ({{now}}); the target runs on its own clock");
    expect(
      capabilitySkipReason(byName("ScheduleKeyDeletion without a window dates the deletion 30 days from now"), {
        ...FULL,
        fixedNow: 1,
      }),
    ).toBeUndefined();
    const cli = { ...FULL, operations: ["GetKeyPolicy", "PutKeyPolicy", "ListKeyPolicies"] };
    expect(
      capabilitySkipReason(
        byName("DisableKey and EnableKey answer no output members, twice in a row, and DescribeKey follows the state"),
        cli,
      ),
    ).toBe("the target has no DisableKey command");
    expect(
      capabilitySkipReason(
        byName("GetKeyPolicy, ListKeyPolicies and PutKeyPolicy answer for a key pending deletion"),
        cli,
      ),
    ).toBeUndefined();
  });
});

describe("multi-step cases", () => {
  const NOW = 1_704_067_200;
  const FIXED: TargetCapabilities = { ...FULL, fixedNow: NOW };

  /** The emulator with the body of every answer to `operation` passed through `change`. */
  function changing(operation: string, change: (body: string) => string) {
    return mutatedEmulator((r, b, op) => ({ status: r.status, body: op === operation ? change(b) : b }));
  }

  it.each([
    [
      "a state DescribeKey does not follow in a later step",
      "DisableKey and EnableKey answer no output members, twice in a row, and DescribeKey follows the state",
      (b: string) => b.replace('"KeyState":"Enabled"', '"KeyState":"Disabled"'),
    ],
    [
      "a DeletionDate left after CancelKeyDeletion (an absent path)",
      "CancelKeyDeletion answers the key ARN and leaves the key Disabled without a DeletionDate",
      (b: string) => b.replace('"KeyState":"Disabled"', '"KeyState":"Disabled","DeletionDate":1'),
    ],
    [
      "a DeletionDate other than the one learnt from ScheduleKeyDeletion",
      "ScheduleKeyDeletion without a window answers the key ARN, PendingDeletion and 30 days, and DescribeKey shows the same date",
      (b: string) => b.replace(/"DeletionDate":(\d+)/, (_m, d: string) => `"DeletionDate":${Number(d) + 1}`),
    ],
  ])("fails a target that answers %s", async (_what, name, change) => {
    const c = byName(name);
    // The unchanged emulator passes, so the failure is the change's.
    await runContractCase(
      mutatedEmulator((r, b) => ({ status: r.status, body: b })),
      c,
      FIXED,
    );
    await expect(runContractCase(changing("DescribeKey", change), c, FIXED)).rejects.toThrow();
  });

  it("fails a target whose deletion date is not 30 days after the fixed clock's now", async () => {
    const c = byName("ScheduleKeyDeletion without a window dates the deletion 30 days from now");
    await runContractCase(
      mutatedEmulator((r, b) => ({ status: r.status, body: b })),
      c,
      FIXED,
    );
    await expect(
      runContractCase(
        mutatedEmulator((r, b) => ({ status: r.status, body: b })),
        c,
        { ...FIXED, fixedNow: NOW + 1 },
      ),
    ).rejects.toThrow();
  });

  it.each([
    [
      "both a request and steps",
      {
        request: { operation: "ListKeys" },
        expect: { response: {}, httpStatus: 200 },
        steps: [{ operation: "ListKeys", expect: { response: {}, httpStatus: 200 } }],
      },
    ],
    ["neither a request nor steps", {}],
    ["a request without an expectation", { request: { operation: "ListKeys" } }],
    [
      "partial on an error",
      {
        steps: [
          { operation: "ListKeys", expect: { error: { name: "X", message: "" }, httpStatus: 400, partial: true } },
        ],
      },
    ],
    [
      "an error with status 200",
      { steps: [{ operation: "ListKeys", expect: { error: { name: "X", message: "" }, httpStatus: 200 } }] },
    ],
    [
      "a learnt placeholder named like a target value",
      { learn: { now: "number" }, steps: [{ operation: "ListKeys", expect: { response: {}, httpStatus: 200 } }] },
    ],
    [
      "a learnt placeholder nothing uses",
      { learn: { unused: "number" }, steps: [{ operation: "ListKeys", expect: { response: {}, httpStatus: 200 } }] },
    ],
    [
      "a learn format that is not an anchored expression",
      { learn: { x: "[a-z]+" }, steps: [{ operation: "ListKeys", expect: { response: {}, httpStatus: 200 } }] },
    ],
  ])("refuses a case with %s", (_what, members) => {
    expect(ContractCase.safeParse({ name: "n", source: "a source of evidence", ...members }).success).toBe(false);
  });

  it("reads a one-request case as one step", () => {
    const c = ContractCase.parse({
      name: "n",
      source: "s",
      request: { operation: "ListKeys" },
      expect: { response: {}, httpStatus: 200 },
    });
    expect(caseSteps(c)).toEqual([{ operation: "ListKeys", input: {}, expect: { response: {}, httpStatus: 200 } }]);
  });
});
