import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CallStep, type ContractCase, loadContractCases } from "./cases.js";
import type { CallResult, CallerScope, KmsTarget, TargetCapabilities } from "./target.js";
import { type Bindings, fillTemplate, valueAt } from "./template.js";

/** Options of {@link describeKmsContract}. */
export interface KmsContractOptions {
  /** The adapter's name, shown in test names (`emulator in-process`). */
  readonly name: string;
  /** Creates the target once for the whole suite; `close()` runs after the last case. */
  readonly createTarget: () => Promise<KmsTarget>;
  readonly capabilities: TargetCapabilities;
  /** Case name → why this adapter skips it. Every reason is printed. Unknown case names are an error. */
  readonly skip?: Readonly<Record<string, string>>;
  /** Skips the whole suite (e.g. `CLI not built`); printed. */
  readonly skipAll?: string;
  /**
   * Case name → the defect that makes this adapter fail it today. The case runs and must fail (`it.fails`), so a fix
   * turns it red until the entry is removed. Unknown case names are an error.
   */
  readonly knownFailures?: Readonly<Record<string, string>>;
  /** The cases; default: every case of `fixtures/cases/`. */
  readonly cases?: readonly ContractCase[];
  /** Per-case timeout in ms. Default 20 s (the CLI target spawns processes). */
  readonly timeout?: number;
}

/** Why `capabilities` cannot run `c`, or `undefined`. */
export function capabilitySkipReason(c: ContractCase, capabilities: TargetCapabilities): string | undefined {
  if (capabilities.operations && !capabilities.operations.includes(c.request.operation)) {
    return `the target has no ${c.request.operation} command`;
  }
  for (const step of c.setup) {
    if ("seed" in step && !capabilities.seeds.includes(step.seed)) return `the target cannot load the seed "${step.seed}"`;
  }
  if (!capabilities.anyCaller) {
    const steps: readonly Pick<CallStep, "accessKeyId">[] = [...c.setup.filter((s): s is CallStep => !("seed" in s)), c.request];
    if (steps.some((s) => s.accessKeyId !== undefined)) return "the case calls as another account, which needs an emulator";
  }
  return undefined;
}

function scopeOf(step: Pick<CallStep, "region" | "accessKeyId">, target: KmsTarget, vars: Bindings): CallerScope {
  return {
    region: String(fillTemplate(step.region ?? target.defaults.region, vars)),
    accessKeyId: String(fillTemplate(step.accessKeyId ?? target.defaults.accessKeyId, vars)),
  };
}

function describeResult(result: CallResult): string {
  return result.ok ? JSON.stringify(result.output) : `${result.error.name}: ${result.error.message}`;
}

/**
 * Runs one case against a target: its setup steps (each must succeed; `save` binds placeholders), then the request,
 * whose answer must equal the expectation exactly (response members, or error name and message) with the expected
 * HTTP status where the target reports one.
 */
export async function runContractCase(target: KmsTarget, c: ContractCase, capabilities: TargetCapabilities): Promise<void> {
  const d = target.defaults;
  const vars: Record<string, unknown> = {
    region: d.region,
    account: d.accountId,
    otherRegion: d.otherRegion,
    otherAccount: d.otherAccount,
  };
  for (const [index, step] of c.setup.entries()) {
    if ("seed" in step) {
      if (!target.seed) throw new Error(`setup step ${index}: the target cannot load seeds`);
      await target.seed(step.seed);
      continue;
    }
    const run = target.setup ?? target.call;
    const input = fillTemplate(step.input, vars) as Record<string, unknown>;
    const result = await run.call(target, step.operation, input, scopeOf(step, target, vars));
    if (!result.ok) throw new Error(`setup step ${index} (${step.operation}) failed: ${describeResult(result)}`);
    for (const [name, path] of Object.entries(step.save ?? {})) {
      const value = valueAt(result.output, path);
      if (value === undefined) throw new Error(`setup step ${index} (${step.operation}): no ${path} in ${describeResult(result)}`);
      vars[name] = value;
    }
  }
  const input = fillTemplate(c.request.input, vars) as Record<string, unknown>;
  const result = await target.call(c.request.operation, input, scopeOf(c.request, target, vars));
  const expected = fillTemplate(c.expect, vars) as ContractCase["expect"];
  const actual = result.ok ? { response: result.output } : { error: { name: result.error.name, message: result.error.message } };
  const response = expected.response ?? {};
  const wanted = expected.error
    ? { error: expected.error }
    : { response: target.view ? target.view(c.request.operation, response) : response };
  expect(actual).toEqual(wanted);
  if (capabilities.reportsHttpStatus && !(!result.ok && result.local)) {
    expect(result.httpStatus, "HTTP status").toBe(expected.httpStatus);
  }
}

function checkNames(kind: string, map: Readonly<Record<string, string>> | undefined, cases: readonly ContractCase[]): void {
  for (const [name, reason] of Object.entries(map ?? {})) {
    if (!cases.some((c) => c.name === name)) throw new Error(`${kind} names no case: ${name}`);
    if (reason.trim() === "") throw new Error(`${kind} of "${name}" needs a written reason`);
  }
}

/**
 * Declares the KMS contract suite for one adapter: one vitest test per case of `fixtures/cases/`, run against the
 * target `createTarget` makes. Cases the target cannot run (see {@link TargetCapabilities}), cases in `skip` and the
 * whole suite under `skipAll` are skipped with the reason printed; cases in `knownFailures` must fail.
 *
 * @throws Error at collection time when `skip` or `knownFailures` name an unknown case or give no reason.
 * @see /work/shared/STYLE.md "The contract suite"
 */
export function describeKmsContract(options: KmsContractOptions): void {
  const cases = options.cases ?? loadContractCases();
  checkNames("skip", options.skip, cases);
  checkNames("knownFailures", options.knownFailures, cases);
  const label = `KMS contract: ${options.name}`;
  if (options.skipAll !== undefined) {
    console.info(`[${label}] every case skipped: ${options.skipAll}`);
    describe.skip(`${label} (skipped: ${options.skipAll})`, () => {
      for (const c of cases) it(c.name, () => {});
    });
    return;
  }
  describe(label, () => {
    let target: KmsTarget | undefined;
    beforeAll(async () => {
      target = await options.createTarget();
    }, 60_000);
    afterAll(async () => {
      await target?.close();
    }, 60_000);
    for (const c of cases) {
      const reason = options.skip?.[c.name] ?? capabilitySkipReason(c, options.capabilities);
      if (reason !== undefined) {
        console.info(`[${label}] skipped "${c.name}": ${reason}`);
        it.skip(`${c.name} (skipped: ${reason})`, () => {});
        continue;
      }
      const body = async () => {
        if (!target) throw new Error("the target was not created");
        await runContractCase(target, c, options.capabilities);
      };
      const failure = options.knownFailures?.[c.name];
      if (failure !== undefined) {
        console.info(`[${label}] known failure "${c.name}": ${failure}`);
        it.fails(`${c.name} (known failure: ${failure})`, body, options.timeout ?? 20_000);
      } else {
        it(c.name, body, options.timeout ?? 20_000);
      }
    }
  });
}
