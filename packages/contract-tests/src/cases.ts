import { readdirSync, readFileSync } from "node:fs";
import { z } from "zod";
import { placeholdersIn } from "./template.js";

const Input = z.record(z.string(), z.unknown());

/** A call made before the request; its answer must succeed. `save` binds placeholders to members of its output. */
export const CallStep = z
  .object({
    operation: z.string().regex(/^[A-Z][A-Za-z]+$/),
    input: Input.default({}),
    /** Caller region; default: the target's region. Placeholders allowed (`{{otherRegion}}`). */
    region: z.string().optional(),
    /** Caller access key ID; default: the target's. A 12-digit ID is the caller's account. */
    accessKeyId: z.string().optional(),
    /** Placeholder name → dotted path in the output (`KeyMetadata.KeyId`). */
    save: z.record(z.string(), z.string()).optional(),
  })
  .strict();
export type CallStep = z.infer<typeof CallStep>;

/** Loads a named seed into the target (`fixtures/seeds/<name>.json`); targets without a store skip such cases. */
export const SeedStep = z.object({ seed: z.string().min(1) }).strict();
export type SeedStep = z.infer<typeof SeedStep>;

/** A setup step: load a seed, or make a call that must succeed. */
export const SetupStep = z.union([SeedStep, CallStep]);
export type SetupStep = z.infer<typeof SetupStep>;

/**
 * What a request must answer: exactly this `response`, or this `error`; and the HTTP status on the wire. With
 * `partial`, the response need only contain the members given (objects compared as subsets, arrays item by item);
 * `absent` lists dotted paths (`KeyMetadata.DeletionDate`) the response must not have.
 */
export const Expectation = z
  .object({
    response: z.record(z.string(), z.unknown()).optional(),
    error: z
      .object({ name: z.string().min(1), message: z.string() })
      .strict()
      .optional(),
    httpStatus: z.number().int().min(200).max(599),
    partial: z.literal(true).optional(),
    absent: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict()
  .refine((e) => (e.response === undefined) !== (e.error === undefined), "exactly one of response and error")
  .refine(
    (e) => e.error === undefined || (e.partial === undefined && e.absent === undefined),
    "partial and absent are for responses",
  )
  .refine((e) => (e.error === undefined) === (e.httpStatus === 200), "httpStatus 200 exactly for a response");
export type Expectation = z.infer<typeof Expectation>;

/** One request of a multi-step case with the answer it must give; `save` binds placeholders to its output. */
export const Step = z
  .object({
    operation: CallStep.shape.operation,
    input: Input.default({}),
    region: z.string().optional(),
    accessKeyId: z.string().optional(),
    save: z.record(z.string(), z.string()).optional(),
    expect: Expectation,
  })
  .strict();
export type Step = z.infer<typeof Step>;

/**
 * How a placeholder that no step binds is learnt from an answer: `"number"` (a timestamp), or a regular expression
 * the text must match (`"^[0-9a-f-]{36}$"`).
 */
export const LearnFormat = z.union([
  z.literal("number"),
  z.string().refine((source) => {
    try {
      new RegExp(source);
      return source.startsWith("^") && source.endsWith("$");
    } catch {
      return false;
    }
  }, "an anchored regular expression (^…$)"),
]);
export type LearnFormat = z.infer<typeof LearnFormat>;

/** Placeholders reserved for the target's values; `learn` may not name them. */
const RESERVED_PLACEHOLDERS = ["region", "account", "otherRegion", "otherAccount", "now"];

/**
 * One behaviour every adapter must show, as data. `source` says where the expected answer comes from: a section of
 * KMS-FIDELITY.md with its evidence level, or the name of a vector of `fixtures/aws-recorded-vectors.json`.
 *
 * Two kinds: a single `request` with its `expect`ation, or `steps`, a sequence of requests each with its own
 * expectation (a scenario: disable, then describe). `setup` steps run first and must merely succeed. `learn` names
 * placeholders whose value only the answer knows (a `DeletionDate` on a target's own clock): the first expectation
 * that uses one learns it from the actual answer, and every later use must equal it.
 */
export const ContractCase = z
  .object({
    name: z.string().min(1),
    source: z.string().min(1),
    setup: z.array(SetupStep).default([]),
    learn: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/), LearnFormat).optional(),
    request: CallStep.omit({ save: true }).optional(),
    expect: Expectation.optional(),
    steps: z.array(Step).min(1).optional(),
  })
  .strict()
  .refine(
    (c) =>
      (c.steps === undefined) === (c.request !== undefined && c.expect !== undefined) &&
      (c.steps === undefined || (c.request === undefined && c.expect === undefined)),
    "either request and expect, or steps",
  )
  .refine(
    (c) => !Object.keys(c.learn ?? {}).some((name) => RESERVED_PLACEHOLDERS.includes(name)),
    "learn names a reserved placeholder",
  )
  .refine((c) => {
    const used = placeholdersIn([c.request, c.expect, c.steps]);
    return Object.keys(c.learn ?? {}).every((name) => used.includes(name));
  }, "learn names a placeholder no request or expectation uses");
export type ContractCase = z.infer<typeof ContractCase>;

/** The requests of a case with their expectations, in order: its `steps`, or its one `request`. */
export function caseSteps(c: ContractCase): readonly Step[] {
  if (c.steps) return c.steps;
  if (!c.request || !c.expect) throw new Error(`case "${c.name}" has neither steps nor a request`);
  return [{ ...c.request, expect: c.expect }];
}

/** The directory of the fixtures, beside `src/` and `dist/` alike. */
export const FIXTURES_DIR = new URL("../fixtures/", import.meta.url);

/**
 * Reads every case of `fixtures/<folder>/*.json` (each file an array of cases), validated, in file then array order.
 * `folder` is `cases` (the suite every adapter runs) unless a suite for another emulator setting is wanted, e.g.
 * `cases-policy-operation-aliases-refused`.
 *
 * @throws Error naming the file and member when a fixture is malformed, or when two cases share a name.
 */
export function loadContractCases(folder = "cases"): ContractCase[] {
  if (!/^[a-z0-9-]+$/.test(folder)) throw new Error(`bad case folder ${folder}`);
  const dir = new URL(`${folder}/`, FIXTURES_DIR);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort();
  const cases: ContractCase[] = [];
  const names = new Set<string>();
  for (const file of files) {
    const parsed = z.array(ContractCase).safeParse(JSON.parse(readFileSync(new URL(file, dir), "utf8")));
    if (!parsed.success) throw new Error(`fixtures/${folder}/${file} is not valid: ${z.prettifyError(parsed.error)}`);
    for (const c of parsed.data) {
      if (names.has(c.name)) throw new Error(`fixtures/${folder}/${file}: case name used twice: ${c.name}`);
      names.add(c.name);
      cases.push(c);
    }
  }
  return cases;
}

/** Reads `fixtures/seeds/<name>.json`: a seed file in the emulator's format (`{ keys: [...] }`). */
export function loadSeedFixture(name: string): unknown {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`bad seed name ${name}`);
  return JSON.parse(readFileSync(new URL(`seeds/${name}.json`, FIXTURES_DIR), "utf8"));
}
