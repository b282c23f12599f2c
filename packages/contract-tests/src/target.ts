/**
 * Who calls and where: the SigV4 credential scope of a request. The emulator derives the account from the access key
 * ID (a 12-digit ID is the account, any other maps to `111122223333`) and the region from the scope
 * (KMS-FIDELITY.md §8).
 */
export interface CallerScope {
  readonly region: string;
  readonly accessKeyId: string;
}

/** An AWS error as data: the shape name (`NotFoundException`) and its text (`""` when AWS sends none). */
export interface TargetError {
  readonly name: string;
  readonly message: string;
}

/**
 * What a target answers for one call: the output members (without SDK metadata; `{}` for operations with no output),
 * or the AWS error. `httpStatus` is the wire status when the target saw one; `local` marks an error raised before
 * anything was sent (e.g. the SDK adapter's own validation), which therefore has no status.
 */
export type CallResult =
  | { readonly ok: true; readonly output: Readonly<Record<string, unknown>>; readonly httpStatus?: number }
  | { readonly ok: false; readonly error: TargetError; readonly httpStatus?: number; readonly local?: boolean };

/**
 * The values a case's `{{placeholders}}` start from: the target's default caller scope, its account, and a second
 * region and account to test isolation against.
 */
export interface TargetDefaults {
  readonly region: string;
  readonly accessKeyId: string;
  /** The account `accessKeyId` belongs to. */
  readonly accountId: string;
  /** A region other than `region`. */
  readonly otherRegion: string;
  /** A 12-digit account other than `accountId` (used as an access key ID where the target allows it). */
  readonly otherAccount: string;
}

/**
 * One way of reaching KMS (the emulator in-process, an SDK client, the CLI, real AWS) that the contract suite drives.
 * `call` answers data, never throws for an AWS error; a throw means the target itself broke (and fails the case).
 */
export interface KmsTarget {
  readonly defaults: TargetDefaults;
  call(operation: string, input: Readonly<Record<string, unknown>>, scope: CallerScope): Promise<CallResult>;
  /** Runs setup steps when the target cannot run them through `call` (the CLI has no CreateKey). Default: `call`. */
  setup?(operation: string, input: Readonly<Record<string, unknown>>, scope: CallerScope): Promise<CallResult>;
  /**
   * How this adapter shows an expected wire answer, when it shows it differently by design (the CLI prints
   * paginated lists as the AWS CLI does, without `Truncated`). Default: as on the wire.
   */
  view?(operation: string, response: Readonly<Record<string, unknown>>): Record<string, unknown>;
  /** Loads a named seed (see `fixtures/seeds/`) into the target; only targets backed by an emulator store can. */
  seed?(name: string): Promise<void>;
  close(): Promise<void>;
}

/** What a target can do; cases needing more are skipped with the reason printed. */
export interface TargetCapabilities {
  /** Whether requests may come from any access key ID (and so any account); false for live AWS. */
  readonly anyCaller: boolean;
  /** Named seeds the target can load (`documented-key`). */
  readonly seeds: readonly string[];
  /** Whether the target reports the HTTP status of every answer that went over the wire. */
  readonly reportsHttpStatus: boolean;
  /** Operations the target can send as a case's request or step; absent means every operation. */
  readonly operations?: readonly string[];
  /**
   * The time of the target's fixed clock in epoch seconds, bound as `{{now}}`; absent for targets on a real clock,
   * which skip the cases that use it.
   */
  readonly fixedNow?: number;
}
