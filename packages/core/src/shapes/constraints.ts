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

/** An enum member; `values` in the order AWS prints them in `Member must satisfy enum value set: [...]`. */
export function awsEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values);
}
