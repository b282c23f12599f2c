import * as kms from "@aws-sdk/client-kms";
import { safeGetKeyPolicy } from "@keypolicy/sdk-adapter";
import type { CallResult, CallerScope, KmsTarget, TargetDefaults } from "../target.js";

type AnyCommand = new (input: never) => Parameters<kms.KMSClient["send"]>[0];

/**
 * Output members as plain data: SDK metadata dropped, `Date`s as epoch seconds (the wire's form, KMS-FIDELITY.md §1),
 * members the SDK set to `undefined` left out.
 */
export function plainOutput(output: object): Record<string, unknown> {
  const convert = (value: unknown): unknown => {
    if (value instanceof Date) return value.getTime() / 1000;
    if (Array.isArray(value)) return value.map(convert);
    if (value !== null && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([k, v]) => k !== "$metadata" && v !== undefined)
          .map(([k, v]) => [k, convert(v)]),
      );
    }
    return value;
  };
  return convert(output) as Record<string, unknown>;
}

/** What the SDK puts in `message` when the error body carries none. */
export const SDK_NO_MESSAGE = "UnknownError";

/** An SDK exception (or any thrown value) as a {@link CallResult} error with the wire status when there was one. */
export function sdkErrorResult(cause: unknown): CallResult {
  if (cause === null || typeof cause !== "object" || !("$metadata" in cause)) {
    throw cause instanceof Error ? cause : new Error(String(cause));
  }
  const e = cause as { name?: unknown; message?: unknown; $metadata?: { httpStatusCode?: number } };
  const status = e.$metadata?.httpStatusCode;
  // The SDK writes "UnknownError" where the body has no message (smithy-client decorateServiceException:
  // `exception.message || exception.Message || "UnknownError"`); AWS sent none, which the suite writes as "".
  const message = typeof e.message === "string" && e.message !== SDK_NO_MESSAGE ? e.message : "";
  return {
    ok: false,
    error: { name: String(e.name), message },
    ...(status === undefined ? {} : { httpStatus: status }),
  };
}

/**
 * A target that calls KMS through `@aws-sdk/client-kms`: `<Operation>Command` on a client per caller scope. With
 * `getKeyPolicy: "adapter"`, GetKeyPolicy goes through `@keypolicy/sdk-adapter`'s `safeGetKeyPolicy` (whose local
 * validation errors come back with `local: true`).
 */
export function createSdkTarget(options: {
  readonly clientFor: (scope: CallerScope) => kms.KMSClient;
  readonly defaults: TargetDefaults;
  readonly getKeyPolicy?: "command" | "adapter";
  /** Changes inputs before sending (live AWS tags the keys it creates). */
  readonly prepare?: (operation: string, input: Readonly<Record<string, unknown>>) => Record<string, unknown>;
  /** Sees every successful output (live AWS records the keys it must delete). */
  readonly observe?: (operation: string, output: Record<string, unknown>, scope: CallerScope) => void;
  readonly seed?: (name: string) => Promise<void>;
  readonly close?: () => Promise<void>;
}): KmsTarget {
  const clients = new Map<string, kms.KMSClient>();
  const clientFor = (scope: CallerScope) => {
    const id = `${scope.region}|${scope.accessKeyId}`;
    let client = clients.get(id);
    if (!client) {
      client = options.clientFor(scope);
      clients.set(id, client);
    }
    return client;
  };
  return {
    defaults: options.defaults,
    async call(operation, rawInput, scope): Promise<CallResult> {
      const input = options.prepare ? options.prepare(operation, rawInput) : { ...rawInput };
      const client = clientFor(scope);
      if (operation === "GetKeyPolicy" && options.getKeyPolicy === "adapter") {
        const result = await safeGetKeyPolicy(client, input as { KeyId: string; PolicyName?: string });
        if (result.success) {
          const output = { Policy: result.data.Policy, PolicyName: result.data.PolicyName };
          options.observe?.(operation, output, scope);
          return { ok: true, output, httpStatus: 200 };
        }
        const { error } = result;
        if (error.local) return { ok: false, error: { name: error.name, message: error.message }, local: true };
        return sdkErrorResult(error.cause);
      }
      const Command = (kms as unknown as Record<string, AnyCommand | undefined>)[`${operation}Command`];
      if (!Command) throw new Error(`@aws-sdk/client-kms has no ${operation}Command`);
      try {
        const response = (await client.send(new Command(input as never))) as { $metadata?: { httpStatusCode?: number } };
        const output = plainOutput(response);
        options.observe?.(operation, output, scope);
        return { ok: true, output, ...(response.$metadata?.httpStatusCode === undefined ? {} : { httpStatus: response.$metadata.httpStatusCode }) };
      } catch (cause) {
        return sdkErrorResult(cause);
      }
    },
    ...(options.seed ? { seed: options.seed } : {}),
    async close() {
      await options.close?.();
      for (const client of clients.values()) client.destroy();
    },
  };
}
