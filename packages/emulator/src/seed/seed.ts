import {
  isAccountId,
  isAliasName,
  isKeyId,
  isRegion,
  type KmsError,
  KeySpec,
  KeyState,
  KeyUsageType,
  OriginType,
  partitionOfRegion,
  Tag,
} from "@keypolicy/core";
import { validateKeyPolicy } from "@keypolicy/policy";
import { z } from "zod";
import { checkCustomerAliasName } from "../app/aliases.js";
import { type Clock, DEFAULT_CONFIG, type IdSource } from "../app/deps.js";
import { buildStoredKey, type StoredKeyDeps, type StoredKeyInput } from "../app/stored-key.js";
import type { KeyStore, Scope } from "../store/types.js";

const SeedKey = z
  .object({
    KeyId: z.string().refine(isKeyId, "must be a key ID: a lowercase UUID or mrk- + 32 lowercase hex"),
    AccountId: z.string().refine(isAccountId, "must be a 12-digit account ID").optional(),
    Region: z.string().refine(isRegion, "must be a region name such as us-east-2").optional(),
    Description: z.string().max(8192).optional(),
    KeySpec: KeySpec.optional(),
    KeyUsage: KeyUsageType.optional(),
    Origin: OriginType.optional(),
    KeyState: KeyState.optional(),
    /** A JSON object, or its text. Absent: the default key policy for the key's account. */
    Policy: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
    Tags: z.array(Tag).optional(),
    /** Alias names (`alias/…`) that point at this key. */
    Aliases: z
      .array(z.string().refine(isAliasName, "must be an alias name: alias/ followed by [a-zA-Z0-9/_-]"))
      .optional(),
    /** Creation time, ISO 8601 or epoch seconds. Default: start-up time. */
    CreationDate: z.union([z.number(), z.string()]).optional(),
  })
  .strict();
type SeedKey = z.infer<typeof SeedKey>;

/**
 * The seed file: keys (with their aliases) to create at start-up. Member names follow AWS's shapes. Unknown members
 * are errors, so typos do not pass silently.
 */
export const SeedFile = z
  .object({
    keys: z.array(SeedKey).default([]),
  })
  .strict();
export type SeedFile = z.infer<typeof SeedFile>;

/** A seed file that failed validation: each problem with the path of the bad member, e.g. `keys[0].KeyId`. */
export interface SeedProblem {
  readonly path: string;
  readonly message: string;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, segment) =>
      typeof segment === "number" ? `${out}[${segment}]` : out ? `${out}.${String(segment)}` : String(segment),
    "",
  );
}

/** A seed's `Policy` as JSON text: given as text, or as an object (YAML) in its member order. */
function seedPolicyText(policy: string | Record<string, unknown>): string {
  return typeof policy === "string" ? policy : JSON.stringify(policy);
}

/** A seed entry's `CreationDate` (ISO 8601 or epoch seconds) in epoch milliseconds; `NaN` when unreadable. */
function seedCreationDate(date: string | number | undefined): number | undefined {
  if (date === undefined) return undefined;
  return typeof date === "number" ? date * 1000 : Date.parse(date);
}

/** A seed entry as the input of CreateKey's rules (`buildStoredKey`). */
function storedKeyInput(key: SeedKey): StoredKeyInput {
  return {
    keyId: key.KeyId,
    Description: key.Description,
    KeySpec: key.KeySpec,
    KeyUsage: key.KeyUsage,
    Origin: key.Origin,
    Tags: key.Tags,
    Policy: key.Policy === undefined ? undefined : seedPolicyText(key.Policy),
    keyState: key.KeyState,
    creationDate: seedCreationDate(key.CreationDate),
  };
}

/**
 * The policy check of a seeded key: the checks PutKeyPolicy makes (KMS-FIDELITY.md §7), so a seeded key holds a
 * policy AWS would accept, but not the lockout check, as a seed has no caller.
 */
function seedPolicyCheck(scope: Scope): StoredKeyDeps["preparePolicy"] {
  const { accountId, region } = scope;
  const principalArn = `arn:${partitionOfRegion(region)}:iam::${accountId}:root`;
  return (text, keyArn) => {
    const policy = validateKeyPolicy(text, { principalArn, accountId, keyArn, bypassPolicyLockoutSafetyCheck: true });
    return policy.success ? { success: true, data: policy.data.formatted } : policy;
  };
}

/**
 * Time and IDs for checking a seed without making its keys: what `buildStoredKey` draws from them is thrown away
 * with the key (seed keys name their KeyId, so no key ID is drawn).
 */
const CHECK_ONLY: Pick<StoredKeyDeps, "clock" | "ids"> = {
  clock: { now: () => 0 },
  ids: { keyId: () => "", keyMaterialId: () => "", randomBytes: (length) => new Uint8Array(length) },
};

/** Where a seed entry's key lives: its AccountId and Region, else `defaults`. */
function seedScope(key: SeedKey, defaults: Scope): Scope {
  return { accountId: key.AccountId ?? defaults.accountId, region: key.Region ?? defaults.region };
}

/** `(CreateKey would answer …)`: a seed problem that is a rule of CreateKey (or CreateAlias) says so. */
function wouldAnswer(operation: "CreateKey" | "CreateAlias", error: KmsError, emptyText: string): string {
  return `${error.message || emptyText} (${operation} would answer ${error.name})`;
}

/**
 * Validates a parsed seed document: the shape, then per key CreateKey's rules (`buildStoredKey`, the first rule a key
 * breaks), CreateAlias's alias-name rules, and what must be unique in an account and region.
 */
export function parseSeed(
  value: unknown,
): { success: true; data: SeedFile } | { success: false; error: readonly SeedProblem[] } {
  const parsed = SeedFile.safeParse(value ?? {});
  if (!parsed.success) {
    return {
      success: false,
      error: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path) || "(root)", message: issue.message })),
    };
  }
  const problems: SeedProblem[] = [];
  const keyIds = new Map<string, number>();
  const multiRegionKeyIds = new Map<string, number>();
  const aliases = new Map<string, string>();
  // Entries without AccountId/Region are checked in the server's defaults (the rules do not depend on them).
  const defaults = { accountId: DEFAULT_CONFIG.defaultAccountId, region: DEFAULT_CONFIG.defaultRegion };
  parsed.data.keys.forEach((key, index) => {
    const at = (member: string) => `keys[${index}]${member}`;
    // CreateKey's rules (one function for both), so a seeded key is one CreateKey would make.
    const scope = seedScope(key, defaults);
    const built = buildStoredKey(storedKeyInput(key), scope, { ...CHECK_ONLY, preparePolicy: seedPolicyCheck(scope) });
    if (!built.success) {
      const { member, error } = built.error;
      const path = at(`.${member.charAt(0).toUpperCase()}${member.slice(1)}`);
      problems.push({ path, message: wouldAnswer("CreateKey", error, "must be a JSON object (or its text)") });
    }
    // Where the key lives, for uniqueness: entries without AccountId/Region share the server's defaults.
    const place = `${key.AccountId ?? "(default account)"}/${key.Region ?? "(default region)"}`;
    const first = keyIds.get(`${place}/${key.KeyId}`);
    if (first !== undefined) {
      const message = `repeats the KeyId of keys[${first}] in the same account and region`;
      problems.push({ path: at(".KeyId"), message });
    } else keyIds.set(`${place}/${key.KeyId}`, index);
    // [DEC] A seed makes primaries only (CreateKey's rules): the same mrk- ID in two Regions of an account would be two
    // primaries of one multi-Region key. Replicas come from ReplicateKey.
    if (key.KeyId.startsWith("mrk-")) {
      const account = `${key.AccountId ?? "(default account)"}/${key.KeyId}`;
      const elsewhere = multiRegionKeyIds.get(account);
      if (elsewhere !== undefined && first === undefined) {
        const message = `repeats the multi-Region KeyId of keys[${elsewhere}] in another region of the same account: seed the primary only, and make replicas with ReplicateKey`;
        problems.push({ path: at(".KeyId"), message });
      } else if (elsewhere === undefined) multiRegionKeyIds.set(account, index);
    }
    (key.Aliases ?? []).forEach((aliasName, aliasIndex) => {
      const aliasPath = at(`.Aliases[${aliasIndex}]`);
      // CreateAlias's rules for the name (one function for both), e.g. alias/aws/ names belong to AWS managed keys.
      const nameError = checkCustomerAliasName(aliasName);
      if (nameError) problems.push({ path: aliasPath, message: wouldAnswer("CreateAlias", nameError, "") });
      const owner = aliases.get(`${place}/${aliasName}`);
      if (owner !== undefined) {
        const message = `${aliasName} is already the alias of ${owner} in the same account and region`;
        problems.push({ path: aliasPath, message });
      } else aliases.set(`${place}/${aliasName}`, at(""));
    });
    // [DOC] PendingImport is the state of a key waiting for imported material: only Origin EXTERNAL has it.
    if (key.KeyState === "PendingImport" && key.Origin !== "EXTERNAL") {
      const message = "PendingImport needs Origin: EXTERNAL (a key waiting for imported key material)";
      problems.push({ path: at(".KeyState"), message });
    }
    if (Number.isNaN(seedCreationDate(key.CreationDate))) {
      problems.push({ path: at(".CreationDate"), message: "must be an ISO 8601 date or epoch seconds" });
    }
  });
  return problems.length > 0 ? { success: false, error: problems } : { success: true, data: parsed.data };
}

/**
 * What {@link applySeed} did: keys and aliases created, and those already present; of those, the ones set back to the
 * seed's values (`overwrite`), the others being kept as they are.
 */
export interface SeedReport {
  readonly keysCreated: number;
  readonly keysExisting: number;
  /** Existing keys set back to the seed's values; `keysExisting - keysOverwritten` were kept. */
  readonly keysOverwritten: number;
  readonly aliasesCreated: number;
  readonly aliasesExisting: number;
  /** Existing aliases pointed at the seed's key again; `aliasesExisting - aliasesOverwritten` were kept. */
  readonly aliasesOverwritten: number;
}

/** Options of {@link applySeed}. */
export interface ApplySeedOptions {
  /**
   * Make keys and aliases that already exist match the seed again: Description, KeyState, Policy and Tags of a key,
   * the target of an alias. KeySpec, KeyUsage, Origin and CreationDate of an existing key stay (KMS never changes
   * them either). Default `false`: what exists is left as it is.
   */
  readonly overwrite?: boolean;
}

/**
 * Creates the seed's keys and aliases in `store`. Idempotent: a key or alias that already exists is left as it is,
 * so restarting a persistent store with the same seed neither duplicates nor overwrites later changes, unless
 * `options.overwrite` asks for the seed's values back (counted as existing in the report either way). Keys are made
 * by CreateKey's rules (`buildStoredKey`), all at one seeding time.
 *
 * @param defaults - account and region for keys that name none.
 * @throws Error when an entry breaks CreateKey's rules: a bug, as {@link parseSeed} refuses such seeds.
 */
export async function applySeed(
  store: KeyStore,
  seed: SeedFile,
  defaults: { accountId: string; region: string },
  deps: { clock: Clock; ids: IdSource },
  options: ApplySeedOptions = {},
): Promise<SeedReport> {
  let keysCreated = 0;
  let keysExisting = 0;
  let aliasesCreated = 0;
  let aliasesExisting = 0;
  let keysOverwritten = 0;
  let aliasesOverwritten = 0;
  const now = deps.clock.now();
  const clock = { now: () => now };
  for (const entry of seed.keys) {
    const scope = seedScope(entry, defaults);
    const using = { clock, ids: deps.ids, preparePolicy: seedPolicyCheck(scope) };
    const built = buildStoredKey(storedKeyInput(entry), scope, using);
    if (!built.success) {
      const { member, error } = built.error;
      const problem = `${member} (${error.name})`;
      throw new Error(`seed key ${entry.KeyId}: ${problem}: validate seeds with parseSeed before applying them`);
    }
    const key = built.data;
    const { accountId, region } = scope;
    if (await store.createKey(key)) keysCreated++;
    else {
      keysExisting++;
      if (options.overwrite) {
        await store.updateKey(scope, key.keyId, {
          description: key.description,
          keyState: key.keyState,
          policy: key.policy,
          tags: key.tags,
          deletionDate: key.deletionDate ?? null,
          pendingDeletionWindowInDays: key.pendingDeletionWindowInDays ?? null,
        });
        keysOverwritten++;
      }
    }
    for (const aliasName of entry.Aliases ?? []) {
      const created = await store.createAlias({
        accountId,
        region,
        aliasName,
        targetKeyId: entry.KeyId,
        creationDate: now,
        lastUpdatedDate: now,
      });
      if (created) aliasesCreated++;
      else {
        aliasesExisting++;
        if (options.overwrite) {
          await store.updateAlias(scope, aliasName, entry.KeyId, now);
          aliasesOverwritten++;
        }
      }
    }
  }
  return { keysCreated, keysExisting, keysOverwritten, aliasesCreated, aliasesExisting, aliasesOverwritten };
}
