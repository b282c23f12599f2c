import type { KeyIdentifierRules } from "@keypolicy/core";
import type { OperationContext } from "./deps.js";

/**
 * The key identifier rules of a key-policy operation (GetKeyPolicy, PutKeyPolicy, ListKeyPolicies) under the
 * emulator's settings: `rules` as `core` defines them (aliases resolved), or with aliases refused when
 * `config.policyOperationAliases` is `"refuse"` (KMS-FIDELITY.md §4b: the one place this decision is made).
 */
export function policyKeyIdentifiers(ctx: OperationContext, rules: KeyIdentifierRules): KeyIdentifierRules {
  return ctx.config.policyOperationAliases === "refuse" ? { ...rules, aliases: false } : rules;
}
