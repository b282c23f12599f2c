import { type KeyPolicy, parseJson, readKeyPolicy } from "@keypolicy/policy";

/** Reads a stored key policy text into statements, or `undefined` when it cannot be read (it then allows nothing). */
export type KeyPolicyReader = (text: string) => KeyPolicy | undefined;

/** How many distinct policy texts one reader keeps read; past it the cache starts again. */
const MAX_CACHED_POLICIES = 4096;

/**
 * Creates a {@link KeyPolicyReader} that remembers what it read, by policy text: enforcement evaluates the same stored
 * policy on every request, and parsing it each time cost about as much as the rest of GetKeyPolicy. Stored policies
 * are immutable strings (a PutKeyPolicy stores a new one), so a text always reads the same. One per app instance.
 */
export function createKeyPolicyReader(): KeyPolicyReader {
  const read = new Map<string, KeyPolicy | undefined>();
  return (text) => {
    if (read.has(text)) return read.get(text);
    const parsed = parseJson(text);
    const policy = parsed.success ? readKeyPolicy(parsed.data) : undefined;
    const result = policy?.success ? policy.data : undefined;
    if (read.size >= MAX_CACHED_POLICIES) read.clear();
    read.set(text, result);
    return result;
  };
}
