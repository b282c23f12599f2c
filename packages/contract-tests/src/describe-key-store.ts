// The KeyStore behaviour suite: one set of cases, run against every store (memory, SQLite, D1 in Miniflare), in the
// manner of unstorage's driver tests. The in-memory store's behaviour is the reference. It lives here, with the KMS
// contract, so that every package and app runs it through `@keypolicy/contract-tests` (no package reaches into
// another's test folder).
import type { KeyStore, Scope, StoredAlias, StoredKey } from "@keypolicy/emulator";
import { describe, expect, it } from "vitest";

/** How the suite reaches a store: opened once for the file; every case works in a scope of its own. */
export interface StoreUnderTest {
  readonly name: string;
  open(): Promise<KeyStore>;
}

let scopes = 0;
/** A scope no other case uses, so cases need no cleanup and can share one database. */
function freshScope(): Scope {
  scopes += 1;
  // Steps of 10 leave room for the "+ 1" account of the isolation case.
  return { accountId: String(200000000000 + scopes * 10), region: "eu-west-3" };
}

const POLICY = '{\n  "Version" : "2012-10-17",\n  "Id" : "key-default-1",\n  "Statement" : [ ]\n}';

function makeKey(scope: Scope, keyId: string, overrides: Partial<StoredKey> = {}): StoredKey {
  return {
    ...scope,
    keyId,
    partition: "aws",
    description: "",
    keySpec: "SYMMETRIC_DEFAULT",
    keyUsage: "ENCRYPT_DECRYPT",
    origin: "AWS_KMS",
    keyState: "Enabled",
    creationDate: 1_700_000_000_123,
    multiRegion: false,
    policy: POLICY,
    tags: [],
    ...overrides,
  };
}

function makeAlias(scope: Scope, aliasName: string, targetKeyId: string): StoredAlias {
  return { ...scope, aliasName, targetKeyId, creationDate: 1_700_000_000_000, lastUpdatedDate: 1_700_000_000_000 };
}

const ID = (n: number): string => `0000000${n}-1111-4222-8333-444444444444`.slice(-36);

/**
 * Declares the KeyStore behaviour suite for one store: keys, `updateKey`, `listKeys`, aliases, `clear` and concurrent
 * writes.
 * `target.open()` runs once for the suite; every case works in an account and region of its own.
 */
export function describeKeyStore(target: StoreUnderTest): void {
  describe(`KeyStore behaviour: ${target.name}`, () => {
    let store: KeyStore;
    const use = async (): Promise<KeyStore> => (store ??= await target.open());

    describe("keys", () => {
      it.each([
        ["a minimal key", {}],
        [
          "a key with every optional member",
          {
            description: "full ✓ “quotes” \n newline",
            keySpec: "ECC_NIST_P256",
            keyUsage: "SIGN_VERIFY",
            origin: "EXTERNAL",
            keyState: "PendingDeletion",
            deletionDate: 1_700_600_000_000,
            pendingDeletionWindowInDays: 7,
            multiRegion: true,
            primaryRegion: "us-west-2",
            currentKeyMaterialId: "a".repeat(64),
            keyMaterials: [
              { keyMaterialId: "b".repeat(64) },
              { keyMaterialId: "a".repeat(64), rotationDate: 1_700_300_000_000, rotationType: "ON_DEMAND" },
            ],
            rotationPeriodInDays: 2560,
            nextRotationDate: 1_900_000_000_000,
            tags: [
              { TagKey: "team", TagValue: "payments" },
              { TagKey: "empty", TagValue: "" },
            ],
          },
        ],
        ["an AWS managed key", { keyManager: "AWS", rotationPeriodInDays: 365, nextRotationDate: 1_731_536_000_000 }],
      ] as const)("stores and returns %s exactly as created", async (_, overrides) => {
        const s = await use();
        const scope = freshScope();
        const key = makeKey(scope, ID(1), overrides as Partial<StoredKey>);
        expect(await s.createKey(key)).toBe(true);
        expect(await s.getKey(scope, key.keyId)).toStrictEqual(key);
        expect(await s.hasKey(scope, key.keyId)).toBe(true);
      });

      it("answers undefined and false for a key that does not exist", async () => {
        const s = await use();
        const scope = freshScope();
        expect(await s.getKey(scope, ID(9))).toBeUndefined();
        expect(await s.hasKey(scope, ID(9))).toBe(false);
      });

      it("refuses a second key with a taken ID and keeps the first one", async () => {
        const s = await use();
        const scope = freshScope();
        const first = makeKey(scope, ID(1), { description: "first" });
        expect(await s.createKey(first)).toBe(true);
        expect(await s.createKey(makeKey(scope, ID(1), { description: "second" }))).toBe(false);
        expect(await s.getKey(scope, ID(1))).toStrictEqual(first);
      });

      it("keeps keys apart by account and by region", async () => {
        const s = await use();
        const scope = freshScope();
        const otherRegion = { ...scope, region: "ap-south-1" };
        const otherAccount = { ...scope, accountId: String(Number(scope.accountId) + 1) };
        expect(await s.createKey(makeKey(scope, ID(1), { description: "home" }))).toBe(true);
        expect(await s.createKey(makeKey(otherRegion, ID(1), { description: "region" }))).toBe(true);
        expect(await s.getKey(scope, ID(1))).toMatchObject({ description: "home" });
        expect(await s.getKey(otherRegion, ID(1))).toMatchObject({ description: "region" });
        expect(await s.getKey(otherAccount, ID(1))).toBeUndefined();
      });

      it("keeps a policy byte for byte, however long and whatever characters it holds", async () => {
        const s = await use();
        const scope = freshScope();
        const policy = `{\n  "Sid" : "ünïcödé 𝔘 \\u0000 \\" '; DROP TABLE kms_keys; --",\n  "Pad" : "${"x".repeat(32 * 1024)}"\n}`;
        await s.createKey(makeKey(scope, ID(1), { policy }));
        expect((await s.getKey(scope, ID(1)))?.policy).toBe(policy);
        const next = `${policy}\r\n\t`;
        await s.updateKey(scope, ID(1), { policy: next });
        expect((await s.getKey(scope, ID(1)))?.policy).toBe(next);
      });
    });

    describe("updateKey", () => {
      it("applies the patch's members, leaves the others, and answers the updated key", async () => {
        const s = await use();
        const scope = freshScope();
        const key = makeKey(scope, ID(1), { tags: [{ TagKey: "a", TagValue: "1" }] });
        await s.createKey(key);
        const updated = await s.updateKey(scope, ID(1), {
          description: "changed",
          keyState: "PendingDeletion",
          deletionDate: 1_800_000_000_000,
          pendingDeletionWindowInDays: 30,
          policy: "{ }",
          tags: [],
        });
        const expected: StoredKey = {
          ...key,
          description: "changed",
          keyState: "PendingDeletion",
          deletionDate: 1_800_000_000_000,
          pendingDeletionWindowInDays: 30,
          policy: "{ }",
          tags: [],
        };
        expect(updated).toStrictEqual(expected);
        expect(await s.getKey(scope, ID(1))).toStrictEqual(expected);
      });

      it("removes optional members patched to null", async () => {
        const s = await use();
        const scope = freshScope();
        const key = makeKey(scope, ID(1), {
          keyState: "PendingDeletion",
          deletionDate: 1,
          pendingDeletionWindowInDays: 7,
        });
        await s.createKey(key);
        const updated = await s.updateKey(scope, ID(1), {
          keyState: "Disabled",
          deletionDate: null,
          pendingDeletionWindowInDays: null,
        });
        const { deletionDate: _d, pendingDeletionWindowInDays: _w, ...rest } = key;
        expect(updated).toStrictEqual({ ...rest, keyState: "Disabled" });
        expect(await s.getKey(scope, ID(1))).toStrictEqual({ ...rest, keyState: "Disabled" });
      });

      it("applies a rotation: the new current material, the material list and the schedule, then clears the schedule", async () => {
        const s = await use();
        const scope = freshScope();
        const first = "c".repeat(64);
        const key = makeKey(scope, ID(1), { currentKeyMaterialId: first });
        await s.createKey(key);
        const keyMaterials = [
          { keyMaterialId: first },
          { keyMaterialId: "d".repeat(64), rotationDate: 1_700_100_000_000, rotationType: "AUTOMATIC" as const },
        ];
        const rotated = await s.updateKey(scope, ID(1), {
          currentKeyMaterialId: "d".repeat(64),
          keyMaterials,
          rotationPeriodInDays: 90,
          nextRotationDate: 1_707_876_000_000,
        });
        const expected: StoredKey = {
          ...key,
          currentKeyMaterialId: "d".repeat(64),
          keyMaterials,
          rotationPeriodInDays: 90,
          nextRotationDate: 1_707_876_000_000,
        };
        expect(rotated).toStrictEqual(expected);
        expect(await s.getKey(scope, ID(1))).toStrictEqual(expected);
        const { rotationPeriodInDays: _p, nextRotationDate: _n, ...disabled } = expected;
        expect(await s.updateKey(scope, ID(1), { rotationPeriodInDays: null, nextRotationDate: null })).toStrictEqual(
          disabled,
        );
        expect(await s.getKey(scope, ID(1))).toStrictEqual(disabled);
      });

      it("answers the key unchanged for an empty patch", async () => {
        const s = await use();
        const scope = freshScope();
        const key = makeKey(scope, ID(1));
        await s.createKey(key);
        expect(await s.updateKey(scope, ID(1), {})).toStrictEqual(key);
      });

      it("answers undefined for a key that does not exist, and does not create it", async () => {
        const s = await use();
        const scope = freshScope();
        expect(await s.updateKey(scope, ID(1), { policy: "{ }" })).toBeUndefined();
        expect(await s.updateKey(scope, ID(1), {})).toBeUndefined();
        expect(await s.hasKey(scope, ID(1))).toBe(false);
      });
    });

    describe("listKeys", () => {
      it("lists keys in creation order, a page at a time", async () => {
        const s = await use();
        const scope = freshScope();
        // IDs deliberately out of lexical order: the order is creation, not ID.
        const ids = [ID(5), ID(2), ID(9), ID(1), ID(7)];
        for (const id of ids) await s.createKey(makeKey(scope, id));
        await s.createKey(makeKey({ ...scope, region: "us-west-1" }, ID(3)));

        const all = await s.listKeys(scope, { limit: 100 });
        expect(all.items.map((k) => k.keyId)).toEqual(ids);
        expect(all.truncated).toBe(false);

        const first = await s.listKeys(scope, { limit: 2 });
        expect(first.items.map((k) => k.keyId)).toEqual(ids.slice(0, 2));
        expect(first.truncated).toBe(true);
        const second = await s.listKeys(scope, { after: ids[1] as string, limit: 2 });
        expect(second.items.map((k) => k.keyId)).toEqual(ids.slice(2, 4));
        expect(second.truncated).toBe(true);
        const last = await s.listKeys(scope, { after: ids[3] as string, limit: 2 });
        expect(last.items.map((k) => k.keyId)).toEqual(ids.slice(4));
        expect(last.truncated).toBe(false);
        const exact = await s.listKeys(scope, { limit: 5 });
        expect(exact.truncated).toBe(false);
      });

      it("answers full records, an empty page for an empty scope, and an empty page after an unknown key", async () => {
        const s = await use();
        const scope = freshScope();
        expect(await s.listKeys(scope, { limit: 10 })).toEqual({ items: [], truncated: false });
        const key = makeKey(scope, ID(1), { tags: [{ TagKey: "k", TagValue: "v" }] });
        await s.createKey(key);
        expect((await s.listKeys(scope, { limit: 10 })).items).toStrictEqual([key]);
        expect(await s.listKeys(scope, { after: ID(8), limit: 10 })).toEqual({ items: [], truncated: false });
      });
    });

    describe("aliases", () => {
      it("creates, finds, refuses a taken name, and keeps the first", async () => {
        const s = await use();
        const scope = freshScope();
        const alias = makeAlias(scope, "alias/Example_1-a/b", ID(1));
        expect(await s.getAlias(scope, alias.aliasName)).toBeUndefined();
        expect(await s.createAlias(alias)).toBe(true);
        expect(await s.createAlias(makeAlias(scope, alias.aliasName, ID(2)))).toBe(false);
        expect(await s.getAlias(scope, alias.aliasName)).toStrictEqual(alias);
        expect(await s.getAlias({ ...scope, region: "us-west-1" }, alias.aliasName)).toBeUndefined();
      });

      it("points an alias at another key, keeping its creation date", async () => {
        const s = await use();
        const scope = freshScope();
        const alias = makeAlias(scope, "alias/moving", ID(1));
        await s.createAlias(alias);
        const updated = await s.updateAlias(scope, "alias/moving", ID(2), 1_750_000_000_000);
        const expected = { ...alias, targetKeyId: ID(2), lastUpdatedDate: 1_750_000_000_000 };
        expect(updated).toStrictEqual(expected);
        expect(await s.getAlias(scope, "alias/moving")).toStrictEqual(expected);
        expect(await s.updateAlias(scope, "alias/none", ID(2), 1)).toBeUndefined();
        expect(await s.getAlias(scope, "alias/none")).toBeUndefined();
      });

      it("deletes an alias once", async () => {
        const s = await use();
        const scope = freshScope();
        await s.createAlias(makeAlias(scope, "alias/gone", ID(1)));
        expect(await s.deleteAlias(scope, "alias/gone")).toBe(true);
        expect(await s.deleteAlias(scope, "alias/gone")).toBe(false);
        expect(await s.getAlias(scope, "alias/gone")).toBeUndefined();
      });

      it("lists aliases in name order, a page at a time, optionally for one key", async () => {
        const s = await use();
        const scope = freshScope();
        const names = ["alias/b", "alias/B", "alias/a/z", "alias/a-1", "alias/a_1", "alias/c"];
        for (const [i, name] of names.entries())
          await s.createAlias(makeAlias(scope, name, i % 2 === 0 ? ID(1) : ID(2)));
        await s.createAlias(makeAlias({ ...scope, region: "us-west-1" }, "alias/other", ID(1)));
        const sorted = [...names].sort();

        const all = await s.listAliases(scope, { limit: 100 });
        expect(all.items.map((a) => a.aliasName)).toEqual(sorted);
        expect(all.truncated).toBe(false);

        const first = await s.listAliases(scope, { limit: 4 });
        expect(first.items.map((a) => a.aliasName)).toEqual(sorted.slice(0, 4));
        expect(first.truncated).toBe(true);
        const rest = await s.listAliases(scope, { after: sorted[3] as string, limit: 4 });
        expect(rest.items.map((a) => a.aliasName)).toEqual(sorted.slice(4));
        expect(rest.truncated).toBe(false);

        const forKey = await s.listAliases(scope, { limit: 2, targetKeyId: ID(1) });
        const expectedForKey = names.filter((_, i) => i % 2 === 0).sort();
        expect(forKey.items.map((a) => a.aliasName)).toEqual(expectedForKey.slice(0, 2));
        expect(forKey.truncated).toBe(true);
        const forKeyRest = await s.listAliases(scope, {
          after: expectedForKey[1] as string,
          limit: 2,
          targetKeyId: ID(1),
        });
        expect(forKeyRest.items.map((a) => a.aliasName)).toEqual(expectedForKey.slice(2));
        expect(forKeyRest.truncated).toBe(false);
        expect(await s.listAliases(scope, { after: "alias/zzz", limit: 2 })).toEqual({ items: [], truncated: false });
      });
    });

    describe("multi-Region copies", () => {
      const MRK = "mrk-1234abcd12ab34cd56ef1234567890ab";

      it("lists every Region's copy of a key ID in one account, oldest first, and no other account's", async () => {
        const s = await use();
        const scope = freshScope();
        const primary = makeKey(scope, MRK, { multiRegion: true, description: "primary" });
        const east = makeKey({ ...scope, region: "us-east-1" }, MRK, {
          multiRegion: true,
          primaryRegion: scope.region,
          description: "east",
        });
        const south = makeKey({ ...scope, region: "ap-south-1" }, MRK, {
          multiRegion: true,
          primaryRegion: scope.region,
        });
        const elsewhere = { accountId: String(Number(scope.accountId) + 1), region: "us-east-1" };
        for (const key of [primary, east, south, makeKey(elsewhere, MRK, { multiRegion: true })]) {
          expect(await s.createKey(key)).toBe(true);
        }
        await s.createKey(makeKey(scope, ID(1)));
        expect(await s.listKeyCopies(scope.accountId, MRK)).toStrictEqual([primary, east, south]);
        expect(await s.listKeyCopies(scope.accountId, ID(1))).toStrictEqual([makeKey(scope, ID(1))]);
        expect(await s.listKeyCopies(scope.accountId, ID(2))).toEqual([]);
      });

      it("moves the primary Region of every copy at once and answers them, oldest first", async () => {
        const s = await use();
        const scope = freshScope();
        const regions = [scope.region, "us-east-1", "ap-south-1"];
        for (const region of regions) {
          const primaryRegion = region === scope.region ? {} : { primaryRegion: scope.region };
          await s.createKey(makeKey({ ...scope, region }, MRK, { multiRegion: true, ...primaryRegion }));
        }
        const moved = await s.updatePrimaryRegion(scope.accountId, MRK, "us-east-1");
        expect(moved.map((k) => [k.region, k.primaryRegion])).toEqual(regions.map((r) => [r, "us-east-1"]));
        expect(await s.listKeyCopies(scope.accountId, MRK)).toStrictEqual(moved);
        expect(await s.getKey({ ...scope, region: "ap-south-1" }, MRK)).toMatchObject({ primaryRegion: "us-east-1" });
        expect(await s.updatePrimaryRegion(scope.accountId, ID(7), "us-east-1")).toEqual([]);
      });

      it("forgets the copies on clear", async () => {
        const s = await use();
        const scope = freshScope();
        await s.createKey(makeKey(scope, MRK, { multiRegion: true }));
        await s.clear();
        expect(await s.listKeyCopies(scope.accountId, MRK)).toEqual([]);
      });
    });

    // clear() empties the whole store the cases share; every case makes its own data first, so order does not matter.
    describe("clear", () => {
      it("removes every key and alias of every account and region, and the store takes new ones after", async () => {
        const s = await use();
        const scope = freshScope();
        const other = { accountId: String(Number(scope.accountId) + 1), region: "ap-south-1" };
        for (const where of [scope, other]) {
          await s.createKey(makeKey(where, ID(1)));
          await s.createKey(makeKey(where, ID(2)));
          await s.createAlias(makeAlias(where, "alias/one", ID(1)));
        }
        await s.clear();
        for (const where of [scope, other]) {
          expect(await s.getKey(where, ID(1))).toBeUndefined();
          expect(await s.hasKey(where, ID(2))).toBe(false);
          expect(await s.getAlias(where, "alias/one")).toBeUndefined();
          expect(await s.listKeys(where, { limit: 10 })).toEqual({ items: [], truncated: false });
          expect(await s.listAliases(where, { limit: 10 })).toEqual({ items: [], truncated: false });
        }
        // The same IDs and names are free again, and listing order starts afresh.
        const again = makeKey(scope, ID(2), { description: "after clear" });
        expect(await s.createKey(again)).toBe(true);
        expect(await s.createKey(makeKey(scope, ID(1)))).toBe(true);
        expect(await s.createAlias(makeAlias(scope, "alias/one", ID(2)))).toBe(true);
        expect((await s.listKeys(scope, { limit: 10 })).items.map((k) => k.keyId)).toEqual([ID(2), ID(1)]);
        expect(await s.getKey(scope, ID(2))).toStrictEqual(again);
      });

      it("clears an empty store without complaint", async () => {
        const s = await use();
        await s.clear();
        await s.clear();
        expect(await s.listKeys(freshScope(), { limit: 1 })).toEqual({ items: [], truncated: false });
      });
    });

    describe("concurrency", () => {
      it("lets exactly one of many concurrent creates of one key ID win", async () => {
        const s = await use();
        const scope = freshScope();
        const results = await Promise.all(
          Array.from({ length: 8 }, (_, i) => s.createKey(makeKey(scope, ID(1), { description: `writer ${i}` }))),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
        const winner = results.indexOf(true);
        expect((await s.getKey(scope, ID(1)))?.description).toBe(`writer ${winner}`);
      });

      it("answers every read during concurrent updates with one complete policy that some write stored", async () => {
        const s = await use();
        const scope = freshScope();
        await s.createKey(makeKey(scope, ID(1)));
        const policies = Array.from(
          { length: 12 },
          (_, i) => `{\n  "Writer" : ${i},\n  "Pad" : "${String(i).repeat(2000)}"\n}`,
        );
        const seen: string[] = [];
        await Promise.all([
          ...policies.map((policy) => s.updateKey(scope, ID(1), { policy })),
          ...policies.map(async () => {
            const key = await s.getKey(scope, ID(1));
            if (key) seen.push(key.policy);
          }),
        ]);
        const allowed = new Set([POLICY, ...policies]);
        expect(seen).toHaveLength(policies.length);
        for (const policy of seen) expect(allowed.has(policy)).toBe(true);
        expect(policies).toContain((await s.getKey(scope, ID(1)))?.policy);
      });
    });
  });
}
