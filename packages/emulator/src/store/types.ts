import type { KeySpec, KeyState, KeyUsageType, OriginType, RotationType, Tag } from "@keypolicy/core";

/** Where a key or alias lives: KMS keeps keys per account and region (KMS-FIDELITY.md §8). */
export interface Scope {
  readonly accountId: string;
  readonly region: string;
}

/** A key as the emulator stores it. Times are epoch milliseconds. */
export interface StoredKey {
  readonly accountId: string;
  readonly region: string;
  readonly keyId: string;
  readonly partition: string;
  readonly description: string;
  readonly keySpec: KeySpec;
  readonly keyUsage: KeyUsageType;
  readonly origin: OriginType;
  readonly keyState: KeyState;
  readonly creationDate: number;
  /** Set while `keyState` is `PendingDeletion`. */
  readonly deletionDate?: number;
  readonly pendingDeletionWindowInDays?: number;
  readonly multiRegion: boolean;
  /**
   * Multi-Region keys only: the Region of the key's primary copy. The copies of one multi-Region key are the rows with
   * its key ID in the other Regions of the account ({@link KeyStore.listKeyCopies}); the copy in `primaryRegion` is the
   * primary, the others are replicas. Absent: the key is its own primary (keys stored before ReplicateKey existed,
   * schema 2, read so too).
   */
  readonly primaryRegion?: string;
  /** 64 hex characters; absent where AWS shows none (HMAC keys, keys pending import). */
  readonly currentKeyMaterialId?: string;
  /**
   * Every key material the key has had, oldest first, the last being `currentKeyMaterialId`: the first material
   * (no rotation) and one per rotation. Absent: the key has not rotated, its only material is `currentKeyMaterialId`
   * (keys stored before rotation existed read so too). Old material stays listed: ciphertexts made with it stay
   * decryptable.
   */
  readonly keyMaterials?: readonly StoredKeyMaterial[];
  /**
   * The 256-bit secret of each key material, base64, by key material ID: what Encrypt and Decrypt use (AES-256-GCM,
   * app/crypto). Old materials keep theirs, so ciphertexts made before a rotation stay decryptable. Absent for keys
   * without KMS-made material, and for keys stored before schema 5 until their first cryptographic use.
   */
  readonly keyMaterialSecrets?: Readonly<Record<string, string>>;
  /** Days between automatic rotations (90..2560), set exactly while automatic rotation is enabled. */
  readonly rotationPeriodInDays?: number;
  /** When automatic rotation next rotates the key material, set exactly while it is enabled. */
  readonly nextRotationDate?: number;
  /** The key policy, already in AWS's pretty format: GetKeyPolicy returns it as is. */
  readonly policy: string;
  readonly tags: readonly Tag[];
  /**
   * `AWS` for an AWS managed key (made on first use of its predefined `alias/aws/…` alias, app/managed-keys.ts).
   * Absent: a customer managed key (`CUSTOMER`), as every key stored before AWS managed keys existed reads.
   */
  readonly keyManager?: "AWS";
}

/** One key material of a key. Times are epoch milliseconds. */
export interface StoredKeyMaterial {
  /** 64 lowercase hex characters. */
  readonly keyMaterialId: string;
  /** When the rotation that made this material completed; absent for the key's first material. */
  readonly rotationDate?: number;
  /** The rotation that made this material; absent for the key's first material. */
  readonly rotationType?: RotationType;
}

/** A stored alias: `aliasName` keeps its `alias/` prefix. Times are epoch milliseconds. */
export interface StoredAlias {
  readonly accountId: string;
  readonly region: string;
  readonly aliasName: string;
  readonly targetKeyId: string;
  readonly creationDate: number;
  readonly lastUpdatedDate: number;
}

/** The changes {@link KeyStore.updateKey} may apply; `null` clears an optional member. */
export type KeyPatch = {
  readonly [K in "description" | "keyState" | "policy" | "tags"]?: StoredKey[K];
} & {
  readonly deletionDate?: number | null;
  readonly pendingDeletionWindowInDays?: number | null;
} & {
  /** A rotation: the new current material and the whole list (see {@link StoredKey.keyMaterials}). */
  readonly currentKeyMaterialId?: string;
  readonly keyMaterials?: readonly StoredKeyMaterial[];
  /** The whole map of material secrets (see {@link StoredKey.keyMaterialSecrets}). */
  readonly keyMaterialSecrets?: Readonly<Record<string, string>>;
  readonly rotationPeriodInDays?: number | null;
  readonly nextRotationDate?: number | null;
};

/**
 * A grant on a key (CreateGrant), stored in the key's account and Region. Times are epoch milliseconds. The grant's
 * `Constraints` are kept as given (`EncryptionContextSubset`, `EncryptionContextEquals`).
 */
export interface StoredGrant {
  readonly accountId: string;
  readonly region: string;
  readonly keyId: string;
  /** 64 lowercase hex characters. */
  readonly grantId: string;
  readonly name?: string;
  readonly creationDate: number;
  readonly granteePrincipal: string;
  readonly retiringPrincipal?: string;
  /** The account of the caller that made the grant (`IssuingAccount` is `arn:<partition>:iam::<account>:root`). */
  readonly issuingAccount: string;
  readonly operations: readonly string[];
  readonly constraints?: {
    readonly EncryptionContextSubset?: Readonly<Record<string, string>>;
    readonly EncryptionContextEquals?: Readonly<Record<string, string>>;
  };
}

/** A page of a listing: the items and whether more follow. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly truncated: boolean;
}

/**
 * Where the emulator keeps keys and aliases. Every method is atomic: a reader sees one complete record that some
 * write stored, never a mix. Implementations: in memory, SQLite (Node), D1 (Cloudflare Workers).
 */
export interface KeyStore {
  getKey(scope: Scope, keyId: string): Promise<StoredKey | undefined>;
  /** Inserts a key; answers `false` (and changes nothing) when the key ID is taken in that scope. */
  createKey(key: StoredKey): Promise<boolean>;
  /** Applies `patch` to a key and answers the updated key, or `undefined` when there is no such key. */
  updateKey(scope: Scope, keyId: string, patch: KeyPatch): Promise<StoredKey | undefined>;
  /** Keys in creation order, starting after key `after` (exclusive) when given. */
  listKeys(scope: Scope, options: { after?: string; limit: number }): Promise<Page<StoredKey>>;
  /** Whether the scope holds a key `keyId` (used to validate pagination markers). */
  hasKey(scope: Scope, keyId: string): Promise<boolean>;
  getAlias(scope: Scope, aliasName: string): Promise<StoredAlias | undefined>;
  /** Inserts an alias; answers `false` (and changes nothing) when the name is taken in that scope. */
  createAlias(alias: StoredAlias): Promise<boolean>;
  /** Points an alias at another key; answers the updated alias or `undefined` when there is none. */
  updateAlias(scope: Scope, aliasName: string, targetKeyId: string, now: number): Promise<StoredAlias | undefined>;
  deleteAlias(scope: Scope, aliasName: string): Promise<boolean>;
  /** Aliases in name order, after alias `after` (exclusive), optionally only those pointing at `targetKeyId`. */
  listAliases(
    scope: Scope,
    options: { after?: string; limit: number; targetKeyId?: string },
  ): Promise<Page<StoredAlias>>;
  /**
   * Every Region's copy of key `keyId` in `accountId` (a multi-Region key's primary and replicas), oldest first;
   * empty when there is none. Copies share the key ID (ReplicateKey), so one lookup by account and key ID finds them.
   */
  listKeyCopies(accountId: string, keyId: string): Promise<readonly StoredKey[]>;
  /**
   * Makes the copy in `primaryRegion` the primary of multi-Region key `keyId` (UpdatePrimaryRegion): sets
   * `primaryRegion` on every copy at once, so no reader sees two primaries or none. Answers the updated copies, oldest
   * first.
   */
  updatePrimaryRegion(accountId: string, keyId: string, primaryRegion: string): Promise<readonly StoredKey[]>;
  /** Inserts a grant; answers `false` (and changes nothing) when the grant ID is taken in that scope. */
  createGrant(grant: StoredGrant): Promise<boolean>;
  getGrant(scope: Scope, grantId: string): Promise<StoredGrant | undefined>;
  /**
   * The grants of key `keyId` in creation order, after grant `after` (exclusive) when given, optionally only the grant
   * `grantId` or those of `granteePrincipal`.
   */
  listGrants(
    scope: Scope,
    keyId: string,
    options: { after?: string; limit: number; grantId?: string; granteePrincipal?: string },
  ): Promise<Page<StoredGrant>>;
  /** The grants of every account in `region` whose retiring principal is `retiringPrincipal`, in creation order. */
  listRetirableGrants(
    region: string,
    retiringPrincipal: string,
    options: { after?: string; limit: number },
  ): Promise<Page<StoredGrant>>;
  /** Removes a grant; answers whether there was one. */
  deleteGrant(scope: Scope, grantId: string): Promise<boolean>;
  /**
   * Removes every key, alias and grant of every account and region, at once: a reader sees the store as it was or empty,
   * never half cleared. Used by the test-control reset (`POST /_keypolicy/reset`) before the seed is applied again.
   */
  clear(): Promise<void>;
}
