import type { KmsError, Result } from "@keypolicy/core";
import { type KeyPolicy, parseJson, readIdentityPolicy, readKeyPolicy } from "@keypolicy/policy";

/**
 * Reads a policy text into statements, or `undefined` when it cannot be read (it then allows nothing). `kind` says
 * whether the text is a key policy (the default, KMS's rules) or an IAM identity policy (IAM's rules,
 * {@link readIdentityPolicyText}); either result goes to `evaluateKeyPolicyStatements`, which applies the rules of
 * its kind.
 */
export type KeyPolicyReader = (text: string, kind?: "key" | "identity") => KeyPolicy | undefined;

/** How many distinct policy texts one reader keeps read; past it the cache starts again. */
const MAX_CACHED_POLICIES = 4096;

/**
 * Creates a {@link KeyPolicyReader} that remembers what it read, by kind and text: enforcement evaluates the same
 * stored key policy (and the same identity policies of the caller) on every request, and parsing them each time cost
 * about as much as the rest of GetKeyPolicy. Policy texts are immutable strings (a PutKeyPolicy stores a new one), so
 * a text always reads the same. One per app instance.
 */
export function createKeyPolicyReader(): KeyPolicyReader {
  const read = { key: new Map<string, KeyPolicy | undefined>(), identity: new Map<string, KeyPolicy | undefined>() };
  return (text, kind = "key") => {
    const cache = read[kind];
    if (cache.has(text)) return cache.get(text);
    const policy = kind === "key" ? readKeyPolicyText(text) : readIdentityPolicyText(text);
    const result = policy?.success ? policy.data : undefined;
    if (cache.size >= MAX_CACHED_POLICIES) cache.clear();
    cache.set(text, result);
    return result;
  };
}

function readKeyPolicyText(text: string): Result<KeyPolicy, KmsError> | undefined {
  const parsed = parseJson(text);
  return parsed.success ? readKeyPolicy(parsed.data) : undefined;
}

/**
 * Reads an IAM identity policy (JSON text) with IAM's identity-policy rules (`readIdentityPolicy`): no `Principal`,
 * a `Resource` or `NotResource` of `"*"` or ARN patterns.
 *
 * @returns the policy, its `MalformedPolicyDocumentException`, or `undefined` when the text is not JSON.
 */
export function readIdentityPolicyText(text: string): Result<KeyPolicy, KmsError> | undefined {
  const parsed = parseJson(text);
  return parsed.success ? readIdentityPolicy(parsed.data) : undefined;
}
