export { startNodeServer, type NodeServerOptions, type RunningServer } from "./serve.js";
export { loadSeedFile, SeedError } from "./load-seed.js";
export { randomIds, systemClock } from "./runtime.js";
export { IdentitiesError, loadIdentitiesFile } from "./load-identities.js";
export { formatFaultLine, formatRequestLine } from "./log-lines.js";
