import { join } from "node:path";
import { clientEnv, run } from "./clients.js";

/** One boto3 call of a plan (see scripts/run-plan.py). */
export interface PlanStep {
  readonly name: string;
  /** The boto3 method, e.g. `get_key_policy`, or the paginator name with `paginate`. */
  readonly op: string;
  readonly params?: Record<string, unknown>;
  readonly region?: string;
  readonly accessKey?: string;
  /** Values to keep for later steps' `${var}`: var → dotted path into this step's result. */
  readonly save?: Record<string, string>;
  /** Page size: run the operation's boto3 paginator and collect `items` across pages. */
  readonly paginate?: number;
  readonly items?: string;
  /** `false`: a client with botocore's parameter validation off, so the request reaches the server as sent. */
  readonly parameterValidation?: boolean;
  /** Params whose values are base64 text, sent as those bytes (blobs come back in base64 too). */
  readonly blobs?: readonly string[];
}

/** What one step gave. */
export type StepResult =
  | { readonly response: Record<string, any> }
  | { readonly pages: number; readonly items: any[] }
  | { readonly error: { readonly code: string; readonly message: string; readonly status: number } }
  /** botocore refused the parameters itself (its ParamValidationError text); nothing was sent. */
  | { readonly paramError: string };

const SCRIPT = join(import.meta.dirname, "..", "scripts", "run-plan.py");

/** Runs a plan in one Python process (one process for many calls keeps the suite fast). */
export async function runBoto3Plan(
  python: string,
  endpoint: string,
  region: string,
  steps: readonly PlanStep[],
): Promise<Record<string, StepResult>> {
  const result = await run(python, [SCRIPT, JSON.stringify({ endpoint, region, steps })], {
    env: clientEnv(region),
    timeoutMs: 60_000,
  });
  if (result.code !== 0) throw new Error(`boto3 plan failed (exit ${result.code}):\n${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, StepResult>;
}
