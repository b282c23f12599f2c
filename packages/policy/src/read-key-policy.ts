import type { Result } from "@keypolicy/core";
import type { JsonNode } from "./json-node.js";
import type { KeyPolicy, PrincipalType } from "./key-policy.js";
import { readPolicyDocument } from "./read-policy-document.js";

/** Options of {@link readKeyPolicy}. */
export interface ReadKeyPolicyOptions {
  /**
   * Whether a well-formed principal exists (e.g. the emulator's IAM view). AWS rejects policies naming principals
   * that do not exist with the invalid-principals message [RPT]; without this option only the form is checked.
   */
  readonly principalExists?: (type: PrincipalType, value: string) => boolean;
}

/**
 * Applies the statement rules of KMS-FIDELITY.md §7 step 5 to a parsed document and returns it in the evaluator's
 * shape. Rules are checked in document order, statement by statement; the first broken rule is the answer.
 *
 * Per statement, in this order [DEC]: known elements only; `Sid` a string; `Effect` `"Allow"` or `"Deny"`; a
 * `Principal` or `NotPrincipal` (not both) → `Policy contains a statement with no principal.` [RPT]; every principal
 * well formed ({@link isValidPrincipal}) and existing → `Policy contains a statement with one or more invalid
 * principals.` [RPT]; an `Action` or `NotAction` of `service:action` patterns or `*`; a `Resource` of exactly `"*"`
 * (also `["*"]`) and no `NotResource` [RPT since 2025-08-18]; a well-formed `Condition`.
 *
 * Repeated member names: the last value counts ({@link uniqueMembers}, [DEC]).
 *
 * @returns the policy, or a `MalformedPolicyDocumentException` (empty message when `document` is not an object).
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html
 */
export function readKeyPolicy(document: JsonNode, options: ReadKeyPolicyOptions = {}): Result<KeyPolicy> {
  return readPolicyDocument(document, "key", options);
}
