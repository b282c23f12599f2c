import { createKmsError } from "./errors.js";
import { messages } from "./messages.js";
import { err, ok, type Result } from "./result.js";

/** The one key policy name KMS supports; an omitted `PolicyName` means this ([DOC] §6). */
export const DEFAULT_POLICY_NAME = "default";

/**
 * Resolves an (already model-validated) `PolicyName` member: absent means `default`; any other well-formed name is
 * `NotFoundException` `No such policy exists` [DEC §6: moto's and LocalStack's text, unverified on AWS].
 */
export function resolvePolicyName(policyName: string | undefined): Result<typeof DEFAULT_POLICY_NAME> {
  if (policyName === undefined || policyName === DEFAULT_POLICY_NAME) return ok(DEFAULT_POLICY_NAME);
  return err(createKmsError("NotFoundException", messages.noSuchPolicy()));
}
