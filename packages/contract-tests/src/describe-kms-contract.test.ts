import { describe, expect, it } from "vitest";
import { type ContractCase, loadContractCases } from "./cases.js";
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

/** The emulator, with every answer passed through `mutate` first: a target that is wrong in one known way. */
function mutatedEmulator(mutate: (response: Response, body: string) => { status: number; body: string }) {
  const emulator = createEmulatorHarness();
  return createFetchTarget({
    seed: emulator.seed,
    fetch: async (request) => {
      const response = await emulator.app.request(request);
      const changed = mutate(response, await response.text());
      return new Response(changed.body, { status: changed.status, headers: response.headers });
    },
  });
}

describe("the contract suite", () => {
  it("has a source for every case, unique names, and status 400 for every error", () => {
    expect(cases.length).toBeGreaterThan(40);
    for (const c of cases) {
      expect(c.source.length, c.name).toBeGreaterThan(10);
      if (c.expect.error) expect(c.expect.httpStatus, c.name).toBe(400);
      else expect(c.expect.httpStatus, c.name).toBe(200);
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
    ["status 404 for NotFoundException", "GetKeyPolicy of an unknown key ID names the full key ARN of the caller's region and account", (r: Response, b: string) => ({ status: r.status === 400 ? 404 : r.status, body: b })],
    [
      "a bare key ID in the not-found message",
      "GetKeyPolicy of an unknown key ID names the full key ARN of the caller's region and account",
      (r: Response, b: string) => ({ status: r.status, body: b.replace(/arn:aws:kms:[^']*key\//, "") }),
    ],
    [
      "a NextMarker in ListKeyPolicies",
      "ListKeyPolicies of a new key answers exactly the default policy name",
      (r: Response, b: string) => ({ status: r.status, body: b.replace(/"Truncated":false/, '"Truncated":false,"NextMarker":"x"') }),
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
    expect(capabilitySkipReason(byName("ListKeys lists a key in its own account and region"), { ...FULL, operations: ["GetKeyPolicy"] })).toBe(
      "the target has no ListKeys command",
    );
    expect(capabilitySkipReason(byName("GetKeyPolicy of an unknown key ARN echoes the ARN"), live)).toBeUndefined();
  });
});
