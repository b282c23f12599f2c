import type { KeyPatch, KeyStore, Page, Scope, StoredAlias, StoredGrant, StoredKey } from "./types.js";

interface ScopeData {
  readonly keys: Map<string, StoredKey>;
  /** Key IDs in creation order, and each one's position, so pages start in O(1). */
  readonly order: string[];
  readonly position: Map<string, number>;
  readonly aliases: Map<string, StoredAlias>;
}

/**
 * Creates a store that keeps everything in this process's memory. Lookups are O(1) in the number of keys; nothing
 * survives a restart. Records are replaced whole, never mutated, so readers always see a complete record.
 */
export function createMemoryStore(): KeyStore {
  const scopes = new Map<string, ScopeData>();
  /** Each account's copies of each key ID, `<account>/<key ID>` to the copies' Regions, oldest first. */
  const copies = new Map<string, string[]>();
  /** Every grant, `<account>/<region>/<grant ID>` to the grant, in creation order (a Map keeps insertion order). */
  const grants = new Map<string, StoredGrant>();
  const grantKey = (scope: Scope, grantId: string) => `${scope.accountId}/${scope.region}/${grantId}`;
  const after = (all: StoredGrant[], from: string | undefined, limit: number): Page<StoredGrant> => {
    const start = from === undefined ? 0 : all.findIndex((g) => g.grantId === from) + 1;
    const begin = start <= 0 && from !== undefined ? all.length : start;
    return page(all.slice(begin, begin + limit), begin + limit < all.length);
  };

  function data(scope: Scope): ScopeData {
    const id = `${scope.accountId}/${scope.region}`;
    let found = scopes.get(id);
    if (!found) {
      found = { keys: new Map(), order: [], position: new Map(), aliases: new Map() };
      scopes.set(id, found);
    }
    return found;
  }

  return {
    async getKey(scope, keyId) {
      return scopes.get(`${scope.accountId}/${scope.region}`)?.keys.get(keyId);
    },
    async createKey(key) {
      const d = data(key);
      if (d.keys.has(key.keyId)) return false;
      d.keys.set(key.keyId, key);
      d.position.set(key.keyId, d.order.length);
      d.order.push(key.keyId);
      const id = `${key.accountId}/${key.keyId}`;
      copies.set(id, [...(copies.get(id) ?? []), key.region]);
      return true;
    },
    async updateKey(scope, keyId, patch) {
      const d = data(scope);
      const current = d.keys.get(keyId);
      if (!current) return undefined;
      const next = applyPatch(current, patch);
      d.keys.set(keyId, next);
      return next;
    },
    async listKeys(scope, { after, limit }) {
      const d = data(scope);
      const start = after === undefined ? 0 : (d.position.get(after) ?? d.order.length) + 1;
      const ids = d.order.slice(start, start + limit);
      return page(
        ids.map((id) => d.keys.get(id) as StoredKey),
        start + limit < d.order.length,
      );
    },
    async hasKey(scope, keyId) {
      return data(scope).keys.has(keyId);
    },
    async getAlias(scope, aliasName) {
      return scopes.get(`${scope.accountId}/${scope.region}`)?.aliases.get(aliasName);
    },
    async createAlias(alias) {
      const d = data(alias);
      if (d.aliases.has(alias.aliasName)) return false;
      d.aliases.set(alias.aliasName, alias);
      return true;
    },
    async updateAlias(scope, aliasName, targetKeyId, now) {
      const d = data(scope);
      const current = d.aliases.get(aliasName);
      if (!current) return undefined;
      const next: StoredAlias = { ...current, targetKeyId, lastUpdatedDate: now };
      d.aliases.set(aliasName, next);
      return next;
    },
    async deleteAlias(scope, aliasName) {
      return data(scope).aliases.delete(aliasName);
    },
    async listAliases(scope, { after, limit, targetKeyId }) {
      const all = [...data(scope).aliases.values()]
        .filter((a) => targetKeyId === undefined || a.targetKeyId === targetKeyId)
        .sort((a, b) => (a.aliasName < b.aliasName ? -1 : a.aliasName > b.aliasName ? 1 : 0));
      const start = after === undefined ? 0 : all.findIndex((a) => a.aliasName > after);
      const from = start === -1 ? all.length : start;
      return page(all.slice(from, from + limit), from + limit < all.length);
    },
    async listKeyCopies(accountId, keyId) {
      const regions = copies.get(`${accountId}/${keyId}`) ?? [];
      return regions.map((region) => scopes.get(`${accountId}/${region}`)?.keys.get(keyId) as StoredKey);
    },
    async updatePrimaryRegion(accountId, keyId, primaryRegion) {
      const regions = copies.get(`${accountId}/${keyId}`) ?? [];
      return regions.map((region) => {
        const keys = scopes.get(`${accountId}/${region}`)?.keys as Map<string, StoredKey>;
        const next: StoredKey = { ...(keys.get(keyId) as StoredKey), primaryRegion };
        keys.set(keyId, next);
        return next;
      });
    },
    async createGrant(grant) {
      const id = grantKey(grant, grant.grantId);
      if (grants.has(id)) return false;
      grants.set(id, grant);
      return true;
    },
    async getGrant(scope, grantId) {
      return grants.get(grantKey(scope, grantId));
    },
    async listGrants(scope, keyId, options) {
      const all = [...grants.values()].filter(
        (g) =>
          g.accountId === scope.accountId &&
          g.region === scope.region &&
          g.keyId === keyId &&
          (options.grantId === undefined || g.grantId === options.grantId) &&
          (options.granteePrincipal === undefined || g.granteePrincipal === options.granteePrincipal),
      );
      return after(all, options.after, options.limit);
    },
    async listRetirableGrants(region, retiringPrincipal, options) {
      const all = [...grants.values()].filter((g) => g.region === region && g.retiringPrincipal === retiringPrincipal);
      return after(all, options.after, options.limit);
    },
    async deleteGrant(scope, grantId) {
      return grants.delete(grantKey(scope, grantId));
    },
    async clear() {
      scopes.clear();
      copies.clear();
      grants.clear();
    },
  };
}

function page<T>(items: readonly T[], truncated: boolean): Page<T> {
  return { items, truncated };
}

/** Applies a {@link KeyPatch}: `null` removes an optional member. Shared by every store. */
export function applyPatch(key: StoredKey, patch: KeyPatch): StoredKey {
  const { deletionDate, pendingDeletionWindowInDays, rotationPeriodInDays, nextRotationDate, ...rest } = patch;
  const next: Record<string, unknown> = { ...key, ...rest };
  const nullable = { deletionDate, pendingDeletionWindowInDays, rotationPeriodInDays, nextRotationDate };
  for (const [member, value] of Object.entries(nullable)) {
    if (value === null) delete next[member];
    else if (value !== undefined) next[member] = value;
  }
  return next as unknown as StoredKey;
}
