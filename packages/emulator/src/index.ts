export { createEmulatorApp } from "./app/create-app.js";
export type { Clock, EmulatorConfig, EmulatorDeps, IdSource, OperationContext } from "./app/deps.js";
export { DEFAULT_CONFIG } from "./app/deps.js";
export { toKeyMetadata } from "./app/keys.js";
export { createMemoryStore, applyPatch } from "./store/memory.js";
export type { KeyPatch, KeyStore, Page, Scope, StoredAlias, StoredKey } from "./store/types.js";
export { applySeed, parseSeed, SeedFile, type SeedProblem, type SeedReport } from "./seed/seed.js";
