import { createKmsError, err, messages, ok, type Result } from "@keypolicy/core";
import type { ConditionKeys } from "./evaluate-condition.js";
import { evaluateKeyPolicyStatements } from "./evaluate-key-policy.js";
import { formatPolicy } from "./format.js";
import type { JsonNode } from "./json-node.js";
import type { KeyPolicy } from "./key-policy.js";
import { parseJson } from "./parse.js";
import { policyMessages } from "./policy-messages.js";
import { type ReadKeyPolicyOptions, readKeyPolicy } from "./read-key-policy.js";
import { utf8ByteLength } from "./utf8-length.js";

/** The largest key policy KMS accepts, in UTF-8 bytes [DOC]. */
export const MAX_KEY_POLICY_BYTES = 32_768;

/** Who is putting the policy, and how to check it. */
export interface ValidateKeyPolicyOptions extends ReadKeyPolicyOptions {
  /** The calling principal's ARN, e.g. `arn:aws:iam::111122223333:user/alice`. */
  readonly principalArn: string;
  /** The caller's 12-digit account (the key's account: PutKeyPolicy is not cross-account). */
  readonly accountId: string;
  /** `BypassPolicyLockoutSafetyCheck` of the request; skips step 6 when `true`. */
  readonly bypassPolicyLockoutSafetyCheck?: boolean;
  /** The key's ARN, the resource of the lockout check; key policies name `"*"`, so any value works. */
  readonly keyArn?: string;
  /**
   * The request's condition keys for the lockout check. `aws:PrincipalArn`, `aws:PrincipalAccount` and
   * `kms:CallerAccount` are filled in from the caller unless given.
   */
  readonly conditionKeys?: ConditionKeys;
}

/** An accepted key policy: the parsed document, its text as GetKeyPolicy will return it, and its statements. */
export interface ValidatedKeyPolicy {
  readonly document: JsonNode;
  /** {@link formatPolicy} of the document: what to store and return from GetKeyPolicy. */
  readonly formatted: string;
  readonly policy: KeyPolicy;
}

/**
 * Validates a key policy for PutKeyPolicy or CreateKey: steps 3 to 6 of KMS-FIDELITY.md §7, in that order (the model
 * constraints and key resolution, steps 1 and 2, are the caller's).
 *
 * 3. over {@link MAX_KEY_POLICY_BYTES} UTF-8 bytes → `LimitExceededException` [DOC; text DEC];
 * 4. not JSON, or JSON but not an object → `MalformedPolicyDocumentException` with an empty message [RPT];
 * 5. the statement rules of {@link readKeyPolicy} → `MalformedPolicyDocumentException`;
 * 6. unless `bypassPolicyLockoutSafetyCheck`: the policy must allow the caller `kms:PutKeyPolicy` (directly, through
 *    its account's root or account ID, or `*`) without a matching Deny → `MalformedPolicyDocumentException`
 *    `The new key policy will not allow you to update the key policy in the future.` [RPT].
 *
 * Repeated member names keep the last value at the first position, as Jackson does [DEC]; `__proto__` is an ordinary
 * member name everywhere (documents are never turned into objects to be read).
 *
 * @param text - the `Policy` member of the request.
 * @returns the accepted policy, or the error KMS answers.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_PutKeyPolicy.html
 */
export function validateKeyPolicy(text: string, options: ValidateKeyPolicyOptions): Result<ValidatedKeyPolicy> {
  const bytes = utf8ByteLength(text);
  if (bytes > MAX_KEY_POLICY_BYTES)
    return err(createKmsError("LimitExceededException", messages.policyTooLarge(bytes)));

  const parsed = parseJson(text);
  if (!parsed.success || parsed.data.kind !== "object") {
    return err(createKmsError("MalformedPolicyDocumentException", policyMessages.notAJsonObject()));
  }
  const policy = readKeyPolicy(parsed.data, options);
  if (!policy.success) return policy;

  if (options.bypassPolicyLockoutSafetyCheck !== true && !allowsPolicyUpdates(policy.data, options)) {
    return err(createKmsError("MalformedPolicyDocumentException", messages.policyLockout()));
  }
  return ok({ document: parsed.data, formatted: formatPolicy(parsed.data), policy: policy.data });
}

/**
 * Step 6, the lockout safety check: whether the caller could call PutKeyPolicy under the new policy. Conditions are
 * evaluated against the caller's request context [DEC: AWS does not document how conditions take part].
 */
function allowsPolicyUpdates(policy: KeyPolicy, options: ValidateKeyPolicyOptions): boolean {
  const result = evaluateKeyPolicyStatements(policy, {
    principalArn: options.principalArn,
    accountId: options.accountId,
    action: "kms:PutKeyPolicy",
    resourceArn: options.keyArn ?? "",
    keyAccountId: options.accountId,
    conditionKeys: {
      "aws:PrincipalArn": options.principalArn,
      "aws:PrincipalAccount": options.accountId,
      "kms:CallerAccount": options.accountId,
      ...options.conditionKeys,
    },
  });
  return result.decision === "allow";
}
