import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type CallStep,
  type ContractCase,
  caseSteps,
  type LearnFormat,
  loadContractCases,
  type Step,
} from "./cases.js";
import type { CallResult, CallerScope, KmsTarget, TargetCapabilities } from "./target.js";
import {
  type Bindings,
  fillTemplate,
  learnBindings,
  type PlaceholderFormat,
  placeholdersIn,
  valueAt,
} from "./template.js";

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
  const steps = caseSteps(c);
  if (capabilities.operations) {
    const missing = steps.find((s) => !capabilities.operations?.includes(s.operation));
    if (missing) return `the target has no ${missing.operation} command`;
  }
  for (const step of c.setup) {
    if ("seed" in step && !capabilities.seeds.includes(step.seed))
      return `the target cannot load the seed "${step.seed}"`;
  }
  if (!capabilities.anyCaller) {
    const calls: readonly Pick<CallStep, "accessKeyId">[] = [
      ...c.setup.filter((s): s is CallStep => !("seed" in s)),
      ...steps,
    ];
    if (calls.some((s) => s.accessKeyId !== undefined))
      return "the case calls as another account, which needs an emulator";
  }
  if (capabilities.fixedNow === undefined && placeholdersIn(steps).some((name) => /^now(\+|$)/.test(name))) {
    return "the case needs the time of a fixed clock ({{now}}); the target runs on its own clock";
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

function learnFormats(learn: ContractCase["learn"]): Record<string, PlaceholderFormat> {
  return Object.fromEntries(
    Object.entries(learn ?? {}).map(([name, format]: [string, LearnFormat]) => [
      name,
      format === "number" ? "number" : new RegExp(format),
    ]),
  );
}

function saveOutputs(vars: Record<string, unknown>, save: CallStep["save"], result: CallResult, label: string): void {
  for (const [name, path] of Object.entries(save ?? {})) {
    const value = result.ok ? valueAt(result.output, path) : undefined;
    if (value === undefined) throw new Error(`${label}: no ${path} in ${describeResult(result)}`);
    vars[name] = value;
  }
}

/**
 * Runs one case against a target: its setup steps (each must succeed; `save` binds placeholders), then its request
 * or each of its steps in order, whose answers must equal their expectations (response members, exactly or, with
 * `partial`, as a subset, none of the `absent` paths; or error name and message) with the expected HTTP status where
 * the target reports one. Placeholders the case declares under `learn` are learnt from the first answer that shows
 * them. `{{now}}` is the target's fixed clock (`capabilities.fixedNow`).
 */
export async function runContractCase(
  target: KmsTarget,
  c: ContractCase,
  capabilities: TargetCapabilities,
): Promise<void> {
  const d = target.defaults;
  const vars: Record<string, unknown> = {
    region: d.region,
    account: d.accountId,
    otherRegion: d.otherRegion,
    otherAccount: d.otherAccount,
    ...(capabilities.fixedNow === undefined ? {} : { now: capabilities.fixedNow }),
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
    saveOutputs(vars, step.save, result, `setup step ${index} (${step.operation})`);
  }
  const formats = learnFormats(c.learn);
  const steps = caseSteps(c);
  for (const [index, step] of steps.entries()) {
    const label = steps.length === 1 ? step.operation : `step ${index} (${step.operation})`;
    const input = fillTemplate(step.input, vars) as Record<string, unknown>;
    const result = await target.call(step.operation, input, scopeOf(step, target, vars));
    const actual = result.ok
      ? { response: result.output }
      : { error: { name: result.error.name, message: result.error.message } };
    const learnt = learnBindings(step.expect, { ...actual, httpStatus: step.expect.httpStatus }, vars, formats);
    for (const name of Object.keys(formats))
      if (!Object.hasOwn(vars, name) && Object.hasOwn(learnt, name)) vars[name] = learnt[name];
    const expected = fillTemplate(step.expect, vars) as Step["expect"];
    const response = expected.response ?? {};
    const shown = target.view ? target.view(step.operation, response) : response;
    if (expected.error) {
      expect(actual, label).toEqual({ error: expected.error });
    } else if (expected.partial) {
      expect(actual, label).toMatchObject({ response: shown });
    } else {
      expect(actual, label).toEqual({ response: shown });
    }
    for (const path of expected.absent ?? []) {
      expect(result.ok ? valueAt(result.output, path) : undefined, `${label}: ${path} must be absent`).toBeUndefined();
    }
    if (capabilities.reportsHttpStatus && !(!result.ok && result.local)) {
      expect(result.httpStatus, `${label}: HTTP status`).toBe(expected.httpStatus);
    }
    saveOutputs(vars, step.save, result, label);
  }
}

function checkNames(
  kind: string,
  map: Readonly<Record<string, string>> | undefined,
  cases: readonly ContractCase[],
): void {
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
