import type { Partition } from "@keypolicy/core";
import type { KeyPolicyReader } from "./auth/key-policy-cache.js";
import type { KeyStore } from "../store/types.js";
import type { AuthConfig } from "./auth/authenticate.js";
import type { ControlOptions } from "./control.js";
import type { Identity } from "./auth/identities.js";
import type { RequestLogEntry } from "./request-log.js";

/** The current time, passed in so the app never reads it (Workers and tests control time). */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

/** Sources of identifiers, passed in so the app never draws randomness itself. */
export interface IdSource {
  /** A new key ID: a lowercase UUID v4. */
  keyId(): string;
  /** A request ID for `x-amzn-RequestId`: a UUID. */
  requestId(): string;
  /** A key material ID: 64 lowercase hex characters. */
  keyMaterialId(): string;
  /** A grant ID: 64 lowercase hex characters (CreateGrant). */
  grantId(): string;
  /**
   * `length` bytes from a cryptographically secure source: key material secrets, GCM nonces, data keys and
   * GenerateRandom's answer (Web Crypto's `getRandomValues` in every runtime entry).
   */
  randomBytes(length: number): Uint8Array;
}

/** Settings of one emulator instance. */
export interface EmulatorConfig {
  /** Region used when a request carries no SigV4 credential scope. Default `us-east-1`. */
  readonly defaultRegion: string;
  /** Account used for access keys that are not 12-digit account IDs, and for unsigned requests. Default `111122223333`. */
  readonly defaultAccountId: string;
  /** Largest request body accepted, in bytes. Default 1 MiB. */
  readonly maxBodyBytes: number;
  /** Largest total size of the header lines accepted, in bytes. Default 16 KiB [DEC]. */
  readonly maxHeaderBytes: number;
  /**
   * Set by runtime entries whose HTTP server itself refuses header lines over `maxHeaderBytes` with the same AWS
   * answer (the Node entry does), so the app does not measure every request's headers again. Default `false`.
   */
  readonly headerLimitEnforcedByServer?: boolean;
  /** Deepest JSON nesting accepted in a request body (objects and arrays). Default 64 [DEC]. */
  readonly maxJsonDepth: number;
  /** How requests are authenticated. Default `{ mode: "none" }` (lenient, for local use). See SECURITY in docs/security.md. */
  readonly auth: AuthConfig;
  /** Whether every operation on a key is first authorized by the key's policy (KMS-FIDELITY.md §8). Default `false`. */
  readonly enforceKeyPolicies: boolean;
  /**
   * How GetKeyPolicy, PutKeyPolicy and ListKeyPolicies treat an alias name or alias ARN in `KeyId`
   * (KMS-FIDELITY.md §4b). `"resolve"` (default, [DEC]): as DescribeKey does, an unknown alias being
   * `Alias <alias ARN> is not found.`. `"refuse"`: as the API reference documents (key ID or key ARN only),
   * NotFoundException `Invalid keyId '<KeyId>'`, AWS's text for a KeyId it cannot parse as a key ID or key ARN.
   */
  readonly policyOperationAliases: "resolve" | "refuse";
  /**
   * `aws:SecureTransport` of every request. Default `true`: KMS endpoints accept only HTTPS, so in AWS the key is
   * always `true` [DOC]; a policy requiring TLS should pass against a local plain-HTTP endpoint too (docs/security.md).
   */
  readonly secureTransport: boolean;
  /**
   * Where causes of internal errors go (never to the wire). Default: nowhere; the `fetch` and Bun entries and the
   * Worker pass {@link consoleLogError}, the Node server its log lines.
   */
  readonly logError?: (message: string, cause: unknown) => void;
}

/**
 * Reads the caller's IP address (IPv4 or IPv6) of a request from what the runtime hands the app: the Fetch request
 * and the runtime's `env` (Node: `{ incoming }`). `undefined` when unknown; then policies see no `aws:SourceIp`.
 */
export type SourceIpReader = (request: Request, env: unknown) => string | undefined;

/** What {@link createEmulatorApp} needs: a store, a clock, an ID source and settings. */
export interface EmulatorDeps {
  readonly store: KeyStore;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly config?: Partial<EmulatorConfig>;
  /** Where `aws:SourceIp` comes from (the runtime entry supplies it: {@link SourceIpReader}). Default: unknown. */
  readonly sourceIp?: SourceIpReader;
  /**
   * Called once per answered request, after its answer is made (never on the wire). The app itself writes nowhere:
   * runtime entries pass a writer, e.g. the Node server's stderr lines. Default: nothing is logged.
   */
  readonly log?: (entry: RequestLogEntry) => void;
  /**
   * The test-control endpoints (`/_keypolicy/health`, `/_keypolicy/reset`, moto's `/moto-api/reset`), answered only
   * to loopback peers or to callers with the control token (docs/security.md). Default: absent, the paths are not
   * found like any other.
   */
  readonly control?: ControlOptions;
}

/** The defaults of {@link EmulatorConfig}. */
export const DEFAULT_CONFIG: EmulatorConfig = {
  defaultRegion: "us-east-1",
  defaultAccountId: "111122223333",
  maxBodyBytes: 1024 * 1024,
  maxHeaderBytes: 16 * 1024,
  maxJsonDepth: 64,
  auth: { mode: "none" },
  enforceKeyPolicies: false,
  policyOperationAliases: "resolve",
  secureTransport: true,
};

/** Everything a handler may use for one request. */
export interface OperationContext {
  readonly store: KeyStore;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly config: EmulatorConfig;
  readonly caller: {
    readonly partition: Partition;
    readonly region: string;
    readonly accountId: string;
    readonly principalArn: string;
    /** The identity that signed the request (`sigv4` mode only). */
    readonly identity?: Identity;
  };
  /** Reads stored key policies for enforcement, remembering what it read (one per app). */
  readonly readPolicy: KeyPolicyReader;
  /** What the transport knows about the request: the peer's address (`aws:SourceIp`), when known. */
  readonly request?: { readonly sourceIp?: string };
}
