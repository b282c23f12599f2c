import type { Result } from "@keypolicy/core";
import type { JsonNode } from "./json-node.js";
import type { KeyPolicy } from "./key-policy.js";
import { readPolicyDocument } from "./read-policy-document.js";

/**
 * Applies IAM's identity-policy rules to a parsed document (a policy attached to a user or role) and returns it in
 * the evaluator's shape, with `kind: "identity"`: {@link evaluateKeyPolicyStatements} then applies each statement to
 * the identity it is attached to and matches `Resource` / `NotResource` against the request's resource ARN.
 *
 * The rules are those of {@link readKeyPolicy} (known elements, `Version`, `Sid`, `Effect`, actions, conditions)
 * except, per statement [DOC]:
 * - no `Principal` or `NotPrincipal` → `Policy document should not specify a principal.` [RPT, IAM's text];
 * - a `Resource` or a `NotResource`, not both, of `"*"` or ARN patterns (`arn:aws:kms:*:111122223333:key/*`,
 *   `arn:aws:kms:us-east-1:111122223333:alias/app-*`) → otherwise `Resource <value> must be in ARN format or "*".`
 *   [RPT, IAM's text] or the key-policy texts for a missing or conflicting element.
 *
 * @returns the policy, or a `MalformedPolicyDocumentException` naming the first broken rule.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 */
export function readIdentityPolicy(document: JsonNode): Result<KeyPolicy> {
  return readPolicyDocument(document, "identity");
}
