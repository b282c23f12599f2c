import { createKmsError, type Result, err, ok } from "@keypolicy/core";
import { formatPolicy, parseJson } from "@keypolicy/policy";

/**
 * Checks a submitted key policy and returns it in AWS's pretty format, the form GetKeyPolicy answers with
 * (KMS-FIDELITY.md §7: stored policies are re-serialised). Not JSON, or not a JSON object:
 * `MalformedPolicyDocumentException` with an empty message [RPT].
 */
export function preparePolicy(text: string): Result<string> {
  const parsed = parseJson(text);
  if (!parsed.success || parsed.data.kind !== "object") return err(createKmsError("MalformedPolicyDocumentException"));
  return ok(formatPolicy(parsed.data));
}
