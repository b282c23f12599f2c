// @keypolicy/emulator-node: the emulator on Node (HTTP server, signals-free start/stop, YAML seed and identities
// files, request and fault log lines). The SQLite store is `@keypolicy/emulator-node/sqlite`, loaded only when asked
// for, so in-memory users never load the native module.
export { startNodeServer, type NodeServerOptions, type RunningServer } from "./serve.js";
export { loadSeedFile, SeedError } from "./load-seed.js";
export { StoreError } from "./store-error.js";
export { randomIds, systemClock } from "./runtime.js";
export { IdentitiesError, loadIdentitiesFile } from "./load-identities.js";
export { formatFaultLine, formatRequestLine } from "./log-lines.js";
