import { readFileSync } from "node:fs";
import { join } from "node:path";

/** One recorded AWS vector (fixtures/aws-recorded.json, see fixtures/README.md). */
export interface Vector {
  readonly name: string;
  readonly operation: string;
  readonly request: Record<string, unknown>;
  readonly expected: {
    readonly response?: Record<string, unknown>;
    readonly responseAssertions?: Record<string, unknown>;
    readonly responseBodyPrefix?: string;
    readonly rawBody?: string;
    readonly error?: { readonly code: string; readonly message: string | null; readonly messageInferred?: string };
    readonly httpStatus?: number;
    readonly then?: { readonly operation: string; readonly request: Record<string, unknown>; readonly responseAssertions: Record<string, unknown> };
  };
  readonly evidence: string;
  readonly source: string;
  readonly setup?: readonly { readonly operation: string; readonly region?: string; readonly request: Record<string, unknown> }[];
}

/** Every vector of the fixture file. */
export const VECTORS: readonly Vector[] = (
  JSON.parse(readFileSync(join(import.meta.dirname, "..", "fixtures", "aws-recorded.json"), "utf8")) as { vectors: Vector[] }
).vectors;

/** Replaces `{{name}}` placeholders in every string of `value` with `vars[name]` when known. */
export function fill<T>(value: T, vars: Readonly<Record<string, string>>): T {
  if (typeof value === "string") {
    return value.replace(/\{\{([^{}]+)\}\}/g, (whole, name: string) => vars[name] ?? whole) as T;
  }
  if (Array.isArray(value)) return value.map((item) => fill(item, vars)) as T;
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, vars)])) as T;
  }
  return value;
}
