import { type JsonMember, type JsonNode, type KeyPolicy, parseJson, readKeyPolicy } from "@keypolicy/policy";

/**
 * Reads a policy text into statements, or `undefined` when it cannot be read (it then allows nothing). `kind` says
 * whether the text is a key policy (the default) or an IAM identity policy ({@link identityPolicyDocument}).
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
    const document = kind === "key" ? keyPolicyDocument(text) : identityPolicyDocument(text);
    const policy = document === undefined ? undefined : readKeyPolicy(document);
    const result = policy?.success ? policy.data : undefined;
    if (cache.size >= MAX_CACHED_POLICIES) cache.clear();
    cache.set(text, result);
    return result;
  };
}

function keyPolicyDocument(text: string): JsonNode | undefined {
  const parsed = parseJson(text);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Reads an IAM identity policy as the key-policy reader does: an identity policy has no `Principal` (it is attached to
 * its principal), so each statement is read as if it named `"*"`.
 *
 * @returns the document ready for `evaluateKeyPolicy`, or `undefined` when the text is not a JSON object.
 */
export function identityPolicyDocument(text: string): JsonNode | undefined {
  const parsed = parseJson(text);
  if (!parsed.success || parsed.data.kind !== "object") return undefined;
  const principal: JsonMember = { name: "Principal", value: { kind: "string", value: "*" } };
  const withPrincipal = (statement: JsonNode): JsonNode =>
    statement.kind === "object" && !statement.members.some((m) => m.name === "Principal" || m.name === "NotPrincipal")
      ? { kind: "object", members: [...statement.members, principal] }
      : statement;
  return {
    kind: "object",
    members: parsed.data.members.map((member): JsonMember => {
      if (member.name !== "Statement") return member;
      const value = member.value.kind === "array" ? { kind: "array" as const, items: member.value.items.map(withPrincipal) } : withPrincipal(member.value);
      return { name: member.name, value };
    }),
  };
}
