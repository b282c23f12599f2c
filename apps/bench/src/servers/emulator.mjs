// Launches the emulator from built output (@keypolicy/emulator-node → dist) for one scenario. Options come as one
// JSON argument (LaunchOptions in ../launch-options.ts); keys are seeded straight through the store API (no HTTP),
// then startNodeServer serves the store. Prints `READY {"url","port","seeded","seedMs"}` once it accepts connections.
// Plain JavaScript so that start-up and memory figures are the emulator's, not Node's type stripping's.
import { randomBytes } from "node:crypto";
import { createMemoryStore } from "@keypolicy/emulator";
import { startNodeServer } from "@keypolicy/emulator-node";
import { defaultKeyPolicy } from "@keypolicy/policy";
import { ACCOUNT_ID, announce, benchKeyId, REGION } from "../fixtures.mjs";

/** @type {import("../launch-options.ts").LaunchOptions} */
const options = JSON.parse(process.argv[2] ?? "{}");

/** @returns {Promise<import("@keypolicy/emulator").KeyStore>} */
async function createStore() {
  if (options.store !== "sqlite") return createMemoryStore();
  // Loaded only for SQLite runs, so memory figures don't include the native module.
  const { createSqliteStore } = await import("@keypolicy/emulator-node/sqlite");
  return createSqliteStore({ path: `${options.dataDir ?? "."}/keypolicy.sqlite` });
}

/**
 * A key as CreateKey stores it: its own default-policy text and key material ID, so memory figures are honest.
 * @param {number} index
 * @param {number} now
 * @returns {import("@keypolicy/emulator").StoredKey}
 */
function benchKey(index, now) {
  return {
    accountId: ACCOUNT_ID,
    region: REGION,
    partition: "aws",
    keyId: benchKeyId(index),
    description: "",
    keySpec: "SYMMETRIC_DEFAULT",
    keyUsage: "ENCRYPT_DECRYPT",
    origin: "AWS_KMS",
    keyState: "Enabled",
    creationDate: now,
    multiRegion: false,
    currentKeyMaterialId: randomBytes(32).toString("hex"),
    policy: defaultKeyPolicy(ACCOUNT_ID, "aws"),
    tags: [],
  };
}

const store = await createStore();
const seedStart = performance.now();
let seeded = 0;
if (store) {
  const now = Date.now();
  for (let i = 0; i < (options.keys ?? 0); i++) if (await store.createKey(benchKey(i, now))) seeded++;
}
const seedMs = performance.now() - seedStart;
if (options.gc) /** @type {{ gc?: () => void }} */ (globalThis).gc?.();

const server = await startNodeServer(
  /** @type {import("@keypolicy/emulator-node").NodeServerOptions} */ ({
    port: options.port ?? 0,
    ...(store ? { store } : {}),
    ...(options.seedFile ? { seedFile: options.seedFile } : {}),
    config: { defaultRegion: REGION, defaultAccountId: ACCOUNT_ID },
    // Options other branches are adding; a build without them ignores them (the orchestrator checks support).
    ...(options.dataDir && !store ? { dataDir: options.dataDir } : {}),
    ...(options.auth ? { auth: options.auth } : {}),
    ...(options.identitiesFile ? { identitiesFile: options.identitiesFile } : {}),
    ...(options.enforceKeyPolicies ? { enforceKeyPolicies: true } : {}),
  }),
);
announce({ url: server.url, port: server.port, seeded, seedMs: Math.round(seedMs) });

// Exit normally on a signal, so `--cpu-prof` writes its profile.
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) {
  process.once(signal, () => void server.close().then(() => process.exit(0)));
}
