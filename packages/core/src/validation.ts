import type { z } from "zod";
import { createKmsError } from "./errors.js";
import { messages } from "./messages.js";
import { err, ok, type Result } from "./result.js";
import { CONSTRAINT_PARAM } from "./shapes/constraints.js";
import { SERIALIZATION_PARAM } from "./shapes/crypto.js";

/**
 * Members the model marks sensitive: Coral prints no value for them, `Value at 'plaintext' failed to satisfy
 * constraint: …` [REC LocalStack snapshot test_plaintext_size_for_encrypt].
 */
const SENSITIVE_MEMBERS = new Set(["Plaintext"]);

/**
 * Validates a decoded request against its AWS input shape, answering exactly as KMS's front end ("Coral") does.
 *
 * - A value of the wrong JSON type: `SerializationException` [DEC: Coral/Jackson-style text, not recorded for KMS].
 * - Constraint violations, all of them at once, in member order:
 *   `ValidationException` `N validation error(s) detected: Value '<v>' at '<path>' failed to satisfy constraint: <c>`,
 *   joined with `; ` ([REC] KMS-FIDELITY.md §3). Member paths are lowerCamelCase, list members
 *   `tags.1.member.tagKey` (1-based). A missing required member is `Value null at 'keyId' … Member must not be null`.
 *
 * Unknown members are dropped, as AWS ignores them. A member whose value is JSON `null` counts as absent ([DOC] Smithy
 * awsJson1_1 protocol test `AwsJson11ServersDontDeserializeNullStructureValues`). Validation never looks at stored state, so it runs before any
 * key lookup (§3).
 *
 * @returns the parsed input, or the error AWS would send.
 */
export function validateRequest<S extends z.ZodType>(schema: S, input: unknown): Result<z.infer<S>> {
  const request = dropNullMembers(input);
  const parsed = schema.safeParse(request);
  if (parsed.success) return ok(parsed.data);
  const violations: string[] = [];
  for (const issue of parsed.error.issues) {
    const value = valueAt(request, issue.path);
    const serialization = serializationProblem(issue, value);
    if (serialization !== undefined) return err(createKmsError("SerializationException", serialization));
    const constraint =
      issue.code === "invalid_union" && (value === undefined || value === null)
        ? "Member must not be null"
        : constraintText(issue);
    const last = issue.path.at(-1);
    const shown =
      typeof last === "string" && SENSITIVE_MEMBERS.has(last) && value !== undefined && value !== null
        ? "Value"
        : formatValue(value);
    violations.push(`${shown} at '${formatMemberPath(issue.path)}' failed to satisfy constraint: ${constraint}`);
  }
  return err(createKmsError("ValidationException", messages.validationErrors(violations)));
}

/**
 * Formats a zod issue path as a Coral member path: `["Tags", 0, "TagKey"]` → `tags.1.member.tagKey`.
 */
export function formatMemberPath(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (const segment of path) {
    if (typeof segment === "number") parts.push(String(segment + 1), "member");
    else {
      const name = String(segment);
      parts.push(name.charAt(0).toLowerCase() + name.slice(1));
    }
  }
  return parts.join(".");
}

function constraintText(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return "Member must not be null";
    case "too_small":
      return issue.origin === "number" || issue.origin === "int" || issue.origin === "bigint"
        ? `Member must have value greater than or equal to ${String(issue.minimum)}`
        : `Member must have length greater than or equal to ${String(issue.minimum)}`;
    case "too_big":
      return issue.origin === "number" || issue.origin === "int" || issue.origin === "bigint"
        ? `Member must have value less than or equal to ${String(issue.maximum)}`
        : `Member must have length less than or equal to ${String(issue.maximum)}`;
    case "invalid_value":
      return `Member must satisfy enum value set: [${issue.values.map(String).join(", ")}]`;
    case "custom": {
      const text = (issue.params as Record<string, unknown> | undefined)?.[CONSTRAINT_PARAM];
      return typeof text === "string" ? text : issue.message;
    }
    default:
      return issue.message;
  }
}

/**
 * Removes `null`-valued members from every structure in `value` (lists are walked, their elements kept). Requests
 * rarely hold a null, so a value without one is returned as it is, not copied: this runs on every request.
 */
function dropNullMembers(value: unknown): unknown {
  return hasNullMember(value) ? withoutNullMembers(value) : value;
}

function hasNullMember(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  if (Array.isArray(value)) return value.some(hasNullMember);
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const member = (value as Record<string, unknown>)[key];
    if (member === null || hasNullMember(member)) return true;
  }
  return false;
}

function withoutNullMembers(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNullMembers);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, member]) => member !== null)
      .map(([name, member]) => [name, withoutNullMembers(member)]),
  );
}

const JAVA_INT_MIN = -2147483648;
const JAVA_INT_MAX = 2147483647;

/**
 * The SerializationException text when an issue is about the JSON type of a value rather than a constraint, else
 * `undefined`:
 * - a value of the wrong JSON type (a missing or null member is a constraint violation instead);
 * - [DEC] a non-string where an enum belongs: an enum is a string on the wire, so it gets the string member's text;
 * - [DEC] a number outside Java's `int` where an Integer member belongs: Coral cannot bind it, so it never reaches
 *   the range check (AWS's text is not recorded; the same text as a fraction).
 */
function serializationProblem(issue: z.core.$ZodIssue, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const serialization = (issue as { params?: Record<string, unknown> }).params?.[SERIALIZATION_PARAM];
  if (issue.code === "custom" && typeof serialization === "string") return serialization;
  // A blob member (base64 text or bytes) given another JSON type.
  if (issue.code === "invalid_union") return serializationText(value, "blob");
  if (issue.code === "invalid_type") return serializationText(value, issue.expected);
  if (issue.code === "invalid_value" && typeof value !== "string") return serializationText(value, "string");
  if (
    (issue.code === "too_big" || issue.code === "too_small") &&
    typeof value === "number" &&
    (value < JAVA_INT_MIN || value > JAVA_INT_MAX)
  ) {
    return serializationText(value, "int");
  }
  return undefined;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const segment of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

/** Coral prints values with Java's `toString`: strings bare inside quotes, lists as `[a, b]`, null unquoted. */
function formatValue(value: unknown): string {
  if (value === undefined || value === null) return "Value null";
  return `Value '${javaString(value)}'`;
}

function javaString(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(javaString).join(", ")}]`;
  if (typeof value === "object" && value !== null) {
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}=${javaString(v)}`)
      .join(", ")}}`;
  }
  return String(value);
}

function jsonTypeName(value: unknown): string {
  if (typeof value === "string") return "STRING_VALUE";
  if (typeof value === "number") return "NUMBER_VALUE";
  if (typeof value === "boolean") return "BOOLEAN_VALUE";
  return "VALUE";
}

function serializationText(value: unknown, expected: string): string {
  if (Array.isArray(value)) return "Start of list found where not expected";
  if (typeof value === "object") return "Start of structure or map found where not expected.";
  const target =
    expected === "string"
      ? "a String"
      : expected === "number" || expected === "int"
        ? "an Integer"
        : expected === "boolean"
          ? "a Boolean"
          : expected === "array"
            ? "a List"
            : expected === "blob"
              ? "a Blob"
              : "a Structure";
  return `${jsonTypeName(value)} can not be converted to ${target}`;
}
