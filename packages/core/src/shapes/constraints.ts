import { z } from "zod";

/**
 * Builders for AWS model constraints, so each zod schema carries the Coral constraint text real KMS prints
 * (KMS-FIDELITY.md §3). Length checks come before pattern checks [DEC: the order of two violations of one member is
 * not recorded].
 */

/** The issue `params` key that carries a Coral constraint text. */
export const CONSTRAINT_PARAM = "constraint";

/** A string member with the model's `length` (UTF-16 code units, as Java counts) and optional `pattern` traits. */
export function awsString(options: { min?: number; max?: number; pattern?: string } = {}) {
  let schema = z.string();
  if (options.min !== undefined) schema = schema.min(options.min);
  if (options.max !== undefined) schema = schema.max(options.max);
  const { pattern } = options;
  if (pattern !== undefined) {
    const re = new RegExp(`^(?:${pattern})$`, "u");
    schema = schema.refine((s) => re.test(s), {
      params: { [CONSTRAINT_PARAM]: `Member must satisfy regular expression pattern: ${pattern}` },
    });
  }
  return schema;
}

/** An integer member with the model's `range` trait. */
export function awsInteger(options: { min?: number; max?: number } = {}) {
  let schema = z.number().int();
  if (options.min !== undefined) schema = schema.min(options.min);
  if (options.max !== undefined) schema = schema.max(options.max);
  return schema;
}

/**
 * Java's `String.hashCode()`: `s[0]·31^(n-1) + … + s[n-1]` over UTF-16 code units, as a signed 32-bit integer.
 */
export function javaStringHashCode(s: string): number {
  let hash = 0;
  for (let i = 0; i < s.length; i++) hash = (Math.imul(31, hash) + s.charCodeAt(i)) | 0;
  return hash;
}

/**
 * The order in which Coral lists an enum's values in `Member must satisfy enum value set: [...]`, from the model's
 * order: ascending by the low five bits of each value's Java `String.hashCode()` (`hashCode & 31`), values with the
 * same bits in reverse model order. [REC] The rule reproduces every one of the 20 recorded AWS enum messages whose
 * value set is a model enum (KMS `macAlgorithm` among them) and KMS's `keySpec` of 2023; KMS's `keyUsage` message is
 * the known exception (KMS-FIDELITY.md §3).
 */
export function coralEnumOrder<const T extends readonly string[]>(modelOrder: T): T[number][] {
  return modelOrder
    .map((value, index) => ({ value, index, bucket: javaStringHashCode(value) & 31 }))
    .sort((a, b) => a.bucket - b.bucket || b.index - a.index)
    .map((entry) => entry.value);
}

/**
 * An enum member. `modelOrder` is the values in the AWS model's order; `printedOrder` the order AWS lists them in
 * `Member must satisfy enum value set: [...]`, by default {@link coralEnumOrder}. Give `printedOrder` only where a
 * recorded AWS message contradicts the rule.
 *
 * @throws Error when `printedOrder` is not a permutation of `modelOrder` (a bug in a shape definition).
 */
export function awsEnum<const T extends readonly [string, ...string[]]>(
  modelOrder: T,
  printedOrder: readonly T[number][] = coralEnumOrder(modelOrder),
) {
  const same = printedOrder.length === modelOrder.length && modelOrder.every((v) => printedOrder.includes(v));
  if (!same) throw new Error(`enum printed order ${printedOrder.join(",")} is not a permutation of the model's`);
  return z.enum(printedOrder as unknown as T);
}
