/** What the orchestrator asks of one emulator process (servers/emulator.mjs). */
export interface LaunchOptions {
  /** Keys to seed (IDs from benchKeyId(0..keys-1)). */
  readonly keys?: number;
  readonly store?: "memory" | "sqlite";
  /** A directory for the SQLite store (created by the orchestrator, removed afterwards). */
  readonly dataDir?: string;
  readonly auth?: "sigv4";
  readonly identitiesFile?: string;
  readonly enforceKeyPolicies?: boolean;
  readonly seedFile?: string;
  readonly port?: number;
  /** Collect garbage after seeding, so RSS shows live data rather than seeding garbage (needs --expose-gc). */
  readonly gc?: boolean;
}
