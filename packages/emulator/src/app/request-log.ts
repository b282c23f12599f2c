import type { OperationName } from "@keypolicy/core";

/**
 * One answered request, as `EmulatorDeps.log` receives it: what an operator needs to see which calls fail and
 * why. Never sent to the client. Every member is present (one object per request, built without copies).
 */
export interface RequestLogEntry {
  /** The `x-amzn-RequestId` the answer carried. */
  readonly requestId: string;
  /** The KMS operation `X-Amz-Target` named; `undefined` when it named none this emulator answers. */
  readonly operation: OperationName | undefined;
  readonly httpStatus: number;
  /** The AWS error name answered (`NotFoundException`); `undefined` on 200. */
  readonly errorName: string | undefined;
  /** The caller's account and region; `undefined` when the request failed before the caller was known. */
  readonly accountId: string | undefined;
  readonly region: string | undefined;
  /** Milliseconds from receiving the request to its answer, by the app's `clock`. */
  readonly durationMs: number;
  /**
   * Only for 5xx answers (else `undefined`): what caused it, the value thrown (a store's `SqliteError`, a bug) or,
   * when nothing was thrown, the KMS error the handler answered.
   */
  readonly cause: unknown;
}

/** What the app learns of a request as it answers it, for its {@link RequestLogEntry}. */
export interface RequestFacts {
  readonly requestId: string;
  operation?: OperationName;
  caller?: { readonly accountId: string; readonly region: string };
}
