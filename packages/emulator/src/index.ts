export { createEmulatorApp } from "./app/create-app.js";
export type { Clock, EmulatorConfig, EmulatorDeps, IdSource, OperationContext, SourceIpReader } from "./app/deps.js";
export { DEFAULT_CONFIG } from "./app/deps.js";
export type { RequestLogEntry } from "./app/request-log.js";
export { CONTROL_TOKEN_HEADER, type ControlOptions, isLoopbackAddress } from "./app/control.js";
export { toKeyMetadata } from "./app/keys.js";
export { createMemoryStore, applyPatch } from "./store/memory.js";
export type { KeyPatch, KeyStore, Page, Scope, StoredAlias, StoredKey } from "./store/types.js";
export {
  applySeed,
  type ApplySeedOptions,
  parseSeed,
  SeedFile,
  type SeedProblem,
  type SeedReport,
} from "./seed/seed.js";
export {
  createSqlStore,
  type SqlBatch,
  type SqlQuery,
  type SqlRow,
  type SqlStatement,
  type SqlStoreOptions,
  type SqlValue,
} from "./store/sql.js";
export {
  createD1Store,
  type D1BoundStatementLike,
  type D1DatabaseLike,
  type D1PreparedStatementLike,
} from "./store/d1.js";
export { consoleLogError, webClock, webIds } from "./runtime/web.js";
export { cloudflareSourceIp } from "./runtime/cloudflare-source-ip.js";
export { sourceIpOfPeer } from "./runtime/socket-address.js";
export type { AuthConfig, AuthenticatedCaller, Authenticator } from "./app/auth/authenticate.js";
export { createSigV4Authenticator } from "./app/auth/authenticate.js";
export {
  IdentitiesFile,
  parseIdentities,
  type Identities,
  type IdentitiesProblem,
  type Identity,
} from "./app/auth/identities.js";
export {
  checkClockSkew,
  MAX_CLOCK_SKEW_MS,
  type ReceivedRequest,
  type SigV4Options,
  type VerifiedRequest,
  verifySigV4,
} from "./app/auth/verify-sigv4.js";
export { authMessages } from "./app/auth/messages.js";
export { limitMessages } from "./app/request-limits.js";
