import {
  applySeed,
  createEmulatorApp,
  createMemoryStore,
  type EmulatorConfig,
  type IdSource,
  type KeyStore,
  parseSeed,
} from "@keypolicy/emulator";
import { loadSeedFixture } from "../cases.js";

/** 2024-01-01T00:00:00Z in epoch milliseconds: the fixed time of deterministic emulators. */
export const FIXED_NOW = 1_704_067_200_000;

/**
 * Deterministic identifiers: the n-th key ID is the lowercase UUID v4 `00000000-0000-4000-8000-<n in 12 hex>`,
 * request IDs and key material IDs count the same way, so runs repeat exactly.
 */
export function createCountingIds(prefix = 0): IdSource {
  let keys = 0;
  let requests = 0;
  let materials = 0;
  let grants = 0;
  let random = 0;
  const hex = (n: number, width: number) => n.toString(16).padStart(width, "0");
  return {
    keyId: () => `${hex(prefix, 8)}-0000-4000-8000-${hex(++keys, 12)}`,
    requestId: () => `${hex(prefix, 8)}-0000-4000-9000-${hex(++requests, 12)}`,
    keyMaterialId: () => hex(++materials, 64),
    grantId: () => `${hex(prefix, 8)}${hex(++grants, 56)}`,
    // Counting bytes, so ciphertexts repeat exactly too (test ids only: nothing here is secret).
    randomBytes: (length) => {
      const seed = ++random;
      return Uint8Array.from({ length }, (_, i) => (seed * 131 + i * 7) & 0xff);
    },
  };
}

/** An emulator app with its store and a function loading the named seeds of `fixtures/seeds/`. */
export interface EmulatorHarness {
  readonly app: ReturnType<typeof createEmulatorApp>;
  readonly store: KeyStore;
  readonly ids: IdSource;
  readonly clock: { now(): number };
  seed(name: string): Promise<void>;
}

/**
 * Creates an emulator with a fresh memory store, a fixed clock ({@link FIXED_NOW}) and counting IDs; `config` as
 * `createEmulatorApp` takes it (e.g. `auth` and `enforceKeyPolicies`).
 */
export function createEmulatorHarness(config: Partial<EmulatorConfig> = {}): EmulatorHarness {
  const store = createMemoryStore();
  const clock = { now: () => FIXED_NOW };
  const ids = createCountingIds();
  const app = createEmulatorApp({ store, clock, ids, config });
  return {
    app,
    store,
    ids,
    clock,
    async seed(name) {
      await seedStore(store, name, { clock, ids });
    },
  };
}

/**
 * Loads `fixtures/seeds/<name>.json` into a store (idempotent, as `applySeed` is).
 *
 * @throws Error when the seed fixture is not a valid seed file.
 */
export async function seedStore(
  store: KeyStore,
  name: string,
  deps: { clock: { now(): number }; ids: IdSource },
): Promise<void> {
  const seed = parseSeed(loadSeedFixture(name));
  if (!seed.success)
    throw new Error(`fixtures/seeds/${name}.json: ${seed.error.map((p) => `${p.path}: ${p.message}`).join("; ")}`);
  await applySeed(store, seed.data, { accountId: "111122223333", region: "us-east-1" }, deps);
}
