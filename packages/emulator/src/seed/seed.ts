import {
  isAccountId,
  isAliasName,
  isKeyId,
  isRegion,
  isMultiRegionKeyId,
  keyAlgorithms,
  KeySpec,
  KeyState,
  KeyUsageType,
  OriginType,
  partitionOfRegion,
  Tag,
} from "@keypolicy/core";
import { defaultKeyPolicy, formatPolicy, parseJson, validateKeyPolicy } from "@keypolicy/policy";
import { z } from "zod";
import type { Clock, IdSource } from "../app/deps.js";
import { resolveKeyUsage } from "../app/key-usage.js";
import { checkTags } from "../app/tags.js";
import type { KeyStore, StoredKey } from "../store/types.js";

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
    Aliases: z.array(z.string().refine(isAliasName, "must be an alias name: alias/ followed by [a-zA-Z0-9/_-]")).optional(),
    /** Creation time, ISO 8601 or epoch seconds. Default: start-up time. */
    CreationDate: z.union([z.number(), z.string()]).optional(),
  })
  .strict();

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
    (out, segment) => (typeof segment === "number" ? `${out}[${segment}]` : out ? `${out}.${String(segment)}` : String(segment)),
    "",
  );
}

/** A seed's `Policy` as JSON text: given as text, or as an object (YAML) in its member order. */
function seedPolicyText(policy: string | Record<string, unknown>): string {
  return typeof policy === "string" ? policy : JSON.stringify(policy);
}

/**
 * A seed's `Policy` in AWS's format, as GetKeyPolicy will return it.
 *
 * @throws Error when the policy is not a JSON object: a bug, as {@link parseSeed} refuses such seeds.
 */
function formatSeedPolicy(policy: string | Record<string, unknown>): string {
  const parsed = parseJson(seedPolicyText(policy));
  if (!parsed.success) throw new Error("seed policy is not JSON: validate seeds with parseSeed before applying them");
  return formatPolicy(parsed.data);
}

/** Validates a parsed seed document. */
export function parseSeed(value: unknown): { success: true; data: SeedFile } | { success: false; error: readonly SeedProblem[] } {
  const parsed = SeedFile.safeParse(value ?? {});
  if (!parsed.success) {
    return {
      success: false,
      error: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path) || "(root)", message: issue.message })),
    };
  }
  const problems: SeedProblem[] = [];
  const keyIds = new Map<string, number>();
  const aliases = new Map<string, string>();
  parsed.data.keys.forEach((key, index) => {
    const at = (member: string) => `keys[${index}]${member}`;
    const spec = key.KeySpec ?? "SYMMETRIC_DEFAULT";
    // CreateKey's rule (one function for both): KeyUsage may be left out for symmetric encryption keys only.
    const usage = resolveKeyUsage(spec, key.KeyUsage);
    if (!usage.success) problems.push({ path: at(".KeyUsage"), message: `${usage.error.message} (CreateKey would answer ${usage.error.name})` });
    // Where the key lives, for uniqueness: entries without AccountId/Region share the server's defaults.
    const scope = `${key.AccountId ?? "(default account)"}/${key.Region ?? "(default region)"}`;
    const first = keyIds.get(`${scope}/${key.KeyId}`);
    if (first !== undefined) problems.push({ path: at(".KeyId"), message: `repeats the KeyId of keys[${first}] in the same account and region` });
    else keyIds.set(`${scope}/${key.KeyId}`, index);
    (key.Aliases ?? []).forEach((aliasName, aliasIndex) => {
      const aliasPath = at(`.Aliases[${aliasIndex}]`);
      // [DOC] alias/aws/ names belong to AWS managed keys; CreateAlias refuses them, so a seed may not hold them.
      if (aliasName.startsWith("alias/aws/")) problems.push({ path: aliasPath, message: "alias/aws/ is reserved for AWS managed keys" });
      const owner = aliases.get(`${scope}/${aliasName}`);
      if (owner !== undefined) problems.push({ path: aliasPath, message: `${aliasName} is already the alias of ${owner} in the same account and region` });
      else aliases.set(`${scope}/${aliasName}`, at(""));
    });
    if (key.Tags !== undefined) {
      // The rule CreateKey applies (one function for both), so a seeded key holds tags AWS would accept.
      const tags = checkTags(key.Tags);
      if (!tags.success) problems.push({ path: at(".Tags"), message: `${tags.error.message} (CreateKey would answer ${tags.error.name})` });
    }
    if (key.Policy !== undefined) {
      // The checks PutKeyPolicy makes (KMS-FIDELITY.md §7), so a seeded key holds a policy AWS would accept. The
      // lockout check is skipped: a seed has no caller.
      const text = seedPolicyText(key.Policy);
      const accountId = key.AccountId ?? "111122223333";
      const policy = validateKeyPolicy(text, {
        principalArn: `arn:aws:iam::${accountId}:root`,
        accountId,
        bypassPolicyLockoutSafetyCheck: true,
      });
      if (!policy.success) {
        problems.push({ path: at(".Policy"), message: policy.error.message || "must be a JSON object (or its text)" });
      }
    }
    // [DOC] PendingImport is the state of a key waiting for imported material: only Origin EXTERNAL has it.
    if (key.KeyState === "PendingImport" && key.Origin !== "EXTERNAL") {
      problems.push({ path: at(".KeyState"), message: "PendingImport needs Origin: EXTERNAL (a key waiting for imported key material)" });
    }
    if (typeof key.CreationDate === "string" && Number.isNaN(Date.parse(key.CreationDate))) {
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

/** [DOC] ScheduleKeyDeletion's default waiting period, used for keys seeded in `PendingDeletion`. */
const SEEDED_DELETION_WINDOW_DAYS = 30;

/**
 * Creates the seed's keys and aliases in `store`. Idempotent: a key or alias that already exists is left as it is,
 * so restarting a persistent store with the same seed neither duplicates nor overwrites later changes, unless
 * `options.overwrite` asks for the seed's values back (counted as existing in the report either way).
 *
 * @param defaults - account and region for keys that name none.
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
  for (const entry of seed.keys) {
    const accountId = entry.AccountId ?? defaults.accountId;
    const region = entry.Region ?? defaults.region;
    const partition = partitionOfRegion(region);
    const keySpec = entry.KeySpec ?? "SYMMETRIC_DEFAULT";
    const origin = entry.Origin ?? "AWS_KMS";
    const policy =
      entry.Policy === undefined
        ? defaultKeyPolicy(accountId, partition)
        : formatSeedPolicy(entry.Policy);
    const creationDate =
      entry.CreationDate === undefined ? now : typeof entry.CreationDate === "number" ? entry.CreationDate * 1000 : Date.parse(entry.CreationDate);
    const keyState = entry.KeyState ?? (origin === "EXTERNAL" ? "PendingImport" : "Enabled");
    // A key pending deletion has a DeletionDate (KMS-FIDELITY.md §5): the default window from the seeding time.
    const deletion =
      keyState === "PendingDeletion"
        ? { deletionDate: now + SEEDED_DELETION_WINDOW_DAYS * 86_400_000, pendingDeletionWindowInDays: SEEDED_DELETION_WINDOW_DAYS }
        : undefined;
    const key: StoredKey = {
      accountId,
      region,
      partition,
      keyId: entry.KeyId,
      description: entry.Description ?? "",
      keySpec,
      // parseSeed refused any other omission: only symmetric encryption keys default.
      keyUsage: entry.KeyUsage ?? "ENCRYPT_DECRYPT",
      origin,
      keyState,
      creationDate,
      ...deletion,
      multiRegion: isMultiRegionKeyId(entry.KeyId),
      ...(keySpec === "SYMMETRIC_DEFAULT" && origin === "AWS_KMS" ? { currentKeyMaterialId: deps.ids.keyMaterialId() } : {}),
      policy,
      tags: entry.Tags ?? [],
    };
    const scope = { accountId, region };
    if (await store.createKey(key)) keysCreated++;
    else {
      keysExisting++;
      if (options.overwrite) {
        await store.updateKey(scope, key.keyId, {
          description: key.description,
          keyState,
          policy,
          tags: key.tags,
          deletionDate: deletion?.deletionDate ?? null,
          pendingDeletionWindowInDays: deletion?.pendingDeletionWindowInDays ?? null,
        });
        keysOverwritten++;
      }
    }
    for (const aliasName of entry.Aliases ?? []) {
      const created = await store.createAlias({ accountId, region, aliasName, targetKeyId: entry.KeyId, creationDate: now, lastUpdatedDate: now });
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
