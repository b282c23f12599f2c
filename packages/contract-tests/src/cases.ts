import { readdirSync, readFileSync } from "node:fs";
import { z } from "zod";

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

/** What the request must answer: exactly this `response`, or this `error`; and the HTTP status on the wire. */
export const Expectation = z
  .object({
    response: z.record(z.string(), z.unknown()).optional(),
    error: z.object({ name: z.string().min(1), message: z.string() }).strict().optional(),
    httpStatus: z.number().int().min(200).max(599),
  })
  .strict()
  .refine((e) => (e.response === undefined) !== (e.error === undefined), "exactly one of response and error");
export type Expectation = z.infer<typeof Expectation>;

/**
 * One behaviour every adapter must show, as data. `source` says where the expected answer comes from: a section of
 * KMS-FIDELITY.md with its evidence level, or the name of a vector of `fixtures/aws-recorded-vectors.json`.
 */
export const ContractCase = z
  .object({
    name: z.string().min(1),
    source: z.string().min(1),
    setup: z.array(SetupStep).default([]),
    request: CallStep.omit({ save: true }),
    expect: Expectation,
  })
  .strict();
export type ContractCase = z.infer<typeof ContractCase>;

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
  const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
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
