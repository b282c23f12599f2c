import { readFileSync } from "node:fs";
import { OPERATIONS } from "@keypolicy/core";
import type { EmulatorConfig, Identity } from "@keypolicy/emulator";
import { describe, expect, it } from "vitest";
import { FIXTURES_DIR } from "./cases.js";
import {
  ADJUST,
  KNOWN_FAILURES,
  SECONDARY_REGION,
  VECTOR_CALLER,
  VECTOR_IDENTITIES,
  type VectorAdjustment,
  type VectorStep,
} from "./recorded-vector-adjustments.js";
import type { CallResult, CallerScope } from "./target.js";
import { decodeAnswer, type FetchLike, type RawAnswer, sendAwsJson } from "./targets/aws-json.js";
import { type Bindings, fillTemplate, learnBindings, type PlaceholderFormat, valueAt } from "./template.js";

/** One vector of `fixtures/aws-recorded-vectors.json`: a request and what real AWS answered (see its `_meta`). */
export interface RecordedVector {
  readonly name: string;
  readonly operation: string;
  readonly request: Record<string, unknown>;
  readonly setup?: readonly VectorStep[];
  readonly expected: {
    readonly response?: Record<string, unknown>;
    /** `message: null`: AWS's text was not captured; `messageInferred` is the vector author's reading of it. */
    readonly error?: { readonly code: string; readonly message: string | null; readonly messageInferred?: string };
    readonly httpStatus?: number;
    readonly rawBody?: string;
    readonly responseBodyPrefix?: string;
    readonly responseAssertions?: Record<string, unknown>;
    readonly then?: {
      readonly operation: string;
      readonly request: Record<string, unknown>;
      readonly responseAssertions: Record<string, unknown>;
    };
  };
  readonly source: string;
  readonly evidence: string;
}

/** Every vector of `fixtures/aws-recorded-vectors.json`, in file order. */
export function loadRecordedVectors(): readonly RecordedVector[] {
  const file = JSON.parse(readFileSync(new URL("aws-recorded-vectors.json", FIXTURES_DIR), "utf8")) as {
    vectors: RecordedVector[];
  };
  return file.vectors;
}

/** What one call answered: the decoded result, and the raw answer when the target sees the wire. */
export interface VectorAnswer {
  readonly result: CallResult;
  readonly wire?: RawAnswer;
}

/**
 * The callers of an emulator created for a vector that needs IAM identities: it verifies SigV4 against `identities`
 * and authorizes every operation on a key by the key's policy ({@link vectorEmulatorConfig}).
 */
export interface VectorSecurity {
  readonly identities: readonly Identity[];
}

/** One way of sending the vectors' requests to a fresh emulator. */
export interface RecordedVectorTarget {
  /** Placeholder values the target fixes in advance (a fixed clock's `creationDate`). */
  readonly bindings?: Bindings;
  /** Sends one request as the caller of `scope`; answers data, throws only when the target itself broke. */
  send(operation: string, input: Readonly<Record<string, unknown>>, scope: CallerScope): Promise<VectorAnswer>;
  /** Loads a seed of `fixtures/seeds/` into the emulator's store. */
  seed(name: string): Promise<void>;
  close(): Promise<void>;
}

/** Options of {@link describeRecordedVectors}. */
export interface RecordedVectorsOptions {
  /** The target's name, shown in test names. */
  readonly name: string;
  /**
   * A fresh target (emulator and store) for one vector. With `security`, the emulator is configured with
   * {@link vectorEmulatorConfig} and the target signs each request as the identity owning the scope's access key.
   */
  createTarget(security?: VectorSecurity): Promise<RecordedVectorTarget>;
  /** Why the target cannot send `operation` (the SDK has no command for an unknown one), or `undefined`. */
  readonly cannotSend?: (operation: string) => string | undefined;
}

/** The emulator settings for `security`: SigV4 verification for its identities, key policies enforced. */
export function vectorEmulatorConfig(security: VectorSecurity | undefined): Partial<EmulatorConfig> {
  return security ? { auth: { mode: "sigv4", identities: security.identities }, enforceKeyPolicies: true } : {};
}

/** The identity of `security` that owns `accessKeyId`, if any. */
export function identityOf(security: VectorSecurity | undefined, accessKeyId: string): Identity | undefined {
  return security?.identities.find((identity) => identity.accessKeyId === accessKeyId);
}

/**
 * A target that speaks awsJson1_1 through `fetch` (an app's `request`, or the global `fetch` with `url` a local
 * server): every answer carries its wire bytes. Unsigned requests carry the fake SigV4 header with the caller scope;
 * with `security`, requests are signed with the secret of the scope's identity at `now()`.
 *
 * @throws Error (from `send`) when `security` knows no identity for the scope's access key.
 */
export function createWireVectorTarget(options: {
  readonly fetch: FetchLike;
  readonly url?: string;
  readonly security?: VectorSecurity;
  /** The emulator's clock, epoch milliseconds, for signing. */
  readonly now: () => number;
  readonly bindings?: Bindings;
  readonly seed: (name: string) => Promise<void>;
  readonly close?: () => Promise<void>;
}): RecordedVectorTarget {
  return {
    ...(options.bindings ? { bindings: options.bindings } : {}),
    async send(operation, input, scope) {
      let signWith: { secretAccessKey: string; date: number } | undefined;
      if (options.security) {
        const identity = identityOf(options.security, scope.accessKeyId);
        if (!identity) throw new Error(`no identity owns the access key ${scope.accessKeyId}`);
        signWith = { secretAccessKey: identity.secretAccessKey, date: options.now() };
      }
      const wire = await sendAwsJson(options.fetch, operation, input, scope, {
        ...(options.url === undefined ? {} : { url: options.url }),
        ...(signWith ? { signWith } : {}),
      });
      return { result: decodeAnswer(wire), wire };
    },
    seed: options.seed,
    close: options.close ?? (async () => {}),
  };
}

/** Shapes of values the emulator makes up, for placeholders no setup step binds. */
const FORMATS: Readonly<Record<string, PlaceholderFormat>> = {
  keyId: /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
  mrkKeyId: /^mrk-[0-9a-f]{32}$/,
  creationDate: "number",
  currentKeyMaterialId: /^[0-9a-f]{64}$/,
};

/** Vectors about the awsJson1_1 front end rather than an operation. */
const PROTOCOL_VECTORS = new Set(["unknown-operation"]);

// [DOC] KMS-FIDELITY.md §1: every answer has this content type and an x-amzn-RequestId that is a UUID.
const CONTENT_TYPE = "application/x-amz-json-1.1";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const implemented = (operation: string): boolean => Object.hasOwn(OPERATIONS, operation);

function unimplemented(vector: RecordedVector): string[] {
  if (PROTOCOL_VECTORS.has(vector.name)) return [];
  const ops = [
    vector.operation,
    ...(vector.setup ?? []).map((s) => s.operation),
    ...(vector.expected.then ? [vector.expected.then.operation] : []),
  ];
  return [...new Set(ops.filter((op) => !implemented(op)))];
}

function show(result: CallResult): string {
  return result.ok ? JSON.stringify(result.output) : `${result.error.name}: ${result.error.message}`;
}

/**
 * The prefix of a raw body `{"<Member>":"<text…` as a parser shows it: the member and the decoded start of its
 * string, for targets that see parsed output only.
 *
 * @throws Error when the prefix is not the start of a first string member.
 */
function parsedPrefix(prefix: string): { member: string; start: string } {
  const match = /^\{"(\w+)":"(.*)$/s.exec(prefix);
  const fragment = (match?.[2] ?? "").replace(/\\$/, "");
  if (!match?.[1]) throw new Error(`responseBodyPrefix is not the start of a string member: ${prefix.slice(0, 40)}`);
  return { member: match[1], start: JSON.parse(`"${fragment}"`) as string };
}

/** Runs one vector against a fresh target and compares everything the vector knows that the target can see. */
export async function runRecordedVector(vector: RecordedVector, options: RecordedVectorsOptions): Promise<void> {
  const adjust: VectorAdjustment = ADJUST[vector.name] ?? {};
  const target = await options.createTarget(adjust.signedCallers ? { identities: VECTOR_IDENTITIES } : undefined);
  try {
    await checkVector(vector, adjust, target);
  } finally {
    await target.close();
  }
}

type Send = (
  operation: string,
  request: unknown,
  at?: Pick<VectorStep, "region" | "accessKeyId">,
) => Promise<VectorAnswer>;

async function checkVector(
  vector: RecordedVector,
  adjust: VectorAdjustment,
  target: RecordedVectorTarget,
): Promise<void> {
  let vars: Record<string, unknown> = { secondaryRegion: SECONDARY_REGION, ...target.bindings, ...adjust.bindings };
  const send: Send = (operation, request, at = {}) =>
    target.send(operation, fillTemplate(request, vars) as Record<string, unknown>, {
      region: String(fillTemplate(at.region ?? VECTOR_CALLER.region, vars)),
      accessKeyId: at.accessKeyId ?? VECTOR_CALLER.accessKeyId,
    });

  if (adjust.seed) await target.seed(adjust.seed);
  for (const step of vector.setup ?? adjust.setup ?? []) {
    const { result } = await send(step.operation, step.request, step);
    if (!result.ok) throw new Error(`setup ${step.operation} failed: ${show(result)}`);
    const meta = result.output["KeyMetadata"] as Record<string, unknown> | undefined;
    if (step.operation === "CreateKey" && meta) {
      const keyId = String(meta["KeyId"]);
      vars = { ...vars, [keyId.startsWith("mrk-") ? "mrkKeyId" : "keyId"]: keyId, creationDate: meta["CreationDate"] };
      if (meta["CurrentKeyMaterialId"] !== undefined) vars["currentKeyMaterialId"] = meta["CurrentKeyMaterialId"];
    }
  }

  for (const name of adjust.learn ?? []) delete vars[name];

  const caller = {
    ...(adjust.region ? { region: adjust.region } : {}),
    ...(adjust.accessKeyId ? { accessKeyId: adjust.accessKeyId } : {}),
  };
  const { result, wire } = await send(vector.operation, vector.request, caller);
  const { expected } = vector;
  expect(result.httpStatus, show(result)).toBe(expected.httpStatus ?? (expected.error ? 400 : 200));

  if (wire) {
    if (expected.rawBody !== undefined) expect(wire.text).toBe(expected.rawBody);
    if (expected.responseBodyPrefix !== undefined) {
      expect(wire.text.startsWith(String(fillTemplate(expected.responseBodyPrefix, vars))), wire.text).toBe(true);
    }
    expect(wire.headers.get("content-type")).toBe(CONTENT_TYPE);
    expect(wire.headers.get("x-amzn-requestid")).toMatch(UUID);
  } else if (expected.responseBodyPrefix !== undefined) {
    const { member, start } = parsedPrefix(String(fillTemplate(expected.responseBodyPrefix, vars)));
    const value = result.ok ? result.output[member] : undefined;
    expect(typeof value === "string" && value.startsWith(start), `${member}: ${String(value)}`).toBe(true);
  }

  if (expected.error) {
    expect(result.ok, show(result)).toBe(false);
    const error = result.ok ? { name: "", message: "" } : result.error;
    expect(error.name).toBe(expected.error.code);
    // message null: not captured; the inferred text is what the emulator claims to send ([DEC], its vector's evidence).
    const message = expected.error.message ?? expected.error.messageInferred;
    if (message !== undefined) {
      vars = learnBindings(message, error.message, vars, FORMATS);
      expect(error.message).toBe(fillTemplate(message, vars));
    }
  }
  if (expected.response) {
    expect(result.ok, show(result)).toBe(true);
    const output = result.ok ? result.output : {};
    const wanted = { ...expected.response, ...adjust.extendResponse };
    vars = learnBindings(wanted, output, vars, FORMATS);
    expect(output).toEqual(fillTemplate(wanted, vars));
  }
  const assertions = { vector, send, vars, caller };
  if (expected.responseAssertions) await checkAssertions(expected.responseAssertions, result, assertions);
  if (expected.then) {
    const next = await send(expected.then.operation, expected.then.request, caller);
    expect(next.result.httpStatus, show(next.result)).toBe(200);
    await checkAssertions(expected.then.responseAssertions, next.result, assertions);
  }
}

/** The keys of `responseAssertions` the vectors use, each checked; an unknown key fails rather than passing silently. */
async function checkAssertions(
  assertions: Record<string, unknown>,
  result: CallResult,
  context: { vector: RecordedVector; send: Send; vars: Bindings; caller: Pick<VectorStep, "region" | "accessKeyId"> },
): Promise<void> {
  if (!result.ok) throw new Error(`expected a response, got ${show(result)}`);
  const body = result.output;
  for (const [key, want] of Object.entries(assertions)) {
    if (key === "json.loads(Policy)") {
      expect(JSON.parse(String(body["Policy"]))).toEqual(fillTemplate(want, context.vars));
      // test_get_put_list_key_policies, the source of these vectors: "AWS policy string has newlines littered in the
      // response" [aws-validated-assertion].
      expect(String(body["Policy"])).toContain("\n");
    } else if (key === "Policy is reformatted") {
      // "contains newlines although the submitted policy was single-line …; key order of the submitted document
      // preserved": compare the member order of the answer with the document the setup submitted.
      const submitted = (context.vector.setup ?? []).map((s) => s.request["Policy"]).find((p) => typeof p === "string");
      expect(String(body["Policy"])).toContain("\n");
      expect(JSON.stringify(JSON.parse(String(body["Policy"])))).toBe(JSON.stringify(JSON.parse(String(submitted))));
    } else if (key === "afterCancelKeyDeletion") {
      const cancel = await context.send("CancelKeyDeletion", { KeyId: "{{keyId}}" }, context.caller);
      expect(cancel.result.httpStatus, show(cancel.result)).toBe(200);
      const described = await context.send("DescribeKey", { KeyId: "{{keyId}}" }, context.caller);
      await checkAssertions(want as Record<string, unknown>, described.result, context);
    } else if (/^[A-Z][A-Za-z]*(\.[A-Z][A-Za-z]*)+$/.test(key)) {
      const value = valueAt(body, key);
      if (want === "present") expect(value, key).toBeDefined();
      else if (want === "absent") expect(value, key).toBeUndefined();
      else expect(value, key).toEqual(want);
    } else {
      throw new Error(`vector ${context.vector.name}: no check for responseAssertions key ${key}`);
    }
  }
}

/**
 * Registers one test per recorded AWS vector against one target (a fresh emulator per vector), with the adjustment
 * table of `recorded-vector-adjustments.ts`: vectors of operations the emulator does not implement, or that the
 * target cannot send, are skipped with the reason printed; known failures run as `it.fails`. Also registers a test
 * that every operation listed as unimplemented is answered with `UnknownOperationException`.
 *
 * @see KMS-FIDELITY.md (the vectors' evidence levels)
 */
export function describeRecordedVectors(options: RecordedVectorsOptions): void {
  const vectors = loadRecordedVectors();
  describe(`AWS-recorded vectors: ${options.name}`, () => {
    for (const vector of vectors) {
      const title = `${vector.name}: ${vector.operation} (${vector.evidence})`;
      const missing = unimplemented(vector);
      const unsendable = options.cannotSend?.(vector.operation);
      const known = KNOWN_FAILURES[vector.name];
      const skipped = missing.length > 0 ? `the emulator does not implement ${missing.join(", ")} yet` : unsendable;
      if (skipped !== undefined) {
        console.info(`[vectors] ${options.name}: skipped ${vector.name}: ${skipped}`);
        it.skip(`${title} (skipped: ${skipped})`, () => {});
      } else if (known !== undefined) {
        console.info(`[vectors] ${options.name}: known failure ${vector.name}: ${known}`);
        it.fails(`${title} (known failure: ${known})`, () => runRecordedVector(vector, options));
      } else {
        it(title, () => runRecordedVector(vector, options));
      }
    }

    it("lists as unimplemented only operations the emulator answers with UnknownOperationException", async () => {
      const pending = [...new Set(vectors.flatMap(unimplemented))].filter(
        (op) => options.cannotSend?.(op) === undefined,
      );
      expect(pending.length).toBeGreaterThan(0);
      const target = await options.createTarget();
      try {
        for (const operation of pending) {
          const { result, wire } = await target.send(operation, {}, VECTOR_CALLER);
          const seen = {
            operation,
            status: result.httpStatus,
            answer: show(result),
            ...(wire ? { body: wire.text } : {}),
          };
          const want = {
            operation,
            status: 400,
            answer: "UnknownOperationException: ",
            ...(wire ? { body: '{"__type":"UnknownOperationException"}' } : {}),
          };
          expect(seen).toEqual(want);
        }
      } finally {
        await target.close();
      }
    });
  });
}
