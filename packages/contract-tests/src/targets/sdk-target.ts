import * as kms from "@aws-sdk/client-kms";
import { isOperationName, type OperationName } from "@keypolicy/core";
import { fromSdkError, type SafeSendError, safeGetKeyPolicy, safeSend } from "@keypolicy/sdk-adapter";
import type { CallResult, CallerScope, KmsTarget, TargetDefaults } from "../target.js";

type AnyCommand = new (input: never) => Parameters<kms.KMSClient["send"]>[0];

/**
 * Output members as plain data: SDK metadata dropped, `Date`s as epoch seconds (the wire's form, KMS-FIDELITY.md §1),
 * members the SDK set to `undefined` left out.
 */
export function plainOutput(output: object): Record<string, unknown> {
  const convert = (value: unknown): unknown => {
    if (value instanceof Date) return value.getTime() / 1000;
    // Blobs as on the wire: base64.
    if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
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

/** The blob members of the implemented operations' inputs: base64 text in a case, bytes to the SDK. */
const BLOB_MEMBERS = ["Plaintext", "CiphertextBlob"] as const;

/**
 * A case's input as the SDK takes it: blob members given as base64 text (the wire's form, as cases write them)
 * become the bytes they encode. Text that is not base64 is sent as the bytes of its UTF-8, as the SDK would.
 */
export function sdkInput(input: Record<string, unknown>): Record<string, unknown> {
  const out = { ...input };
  for (const member of BLOB_MEMBERS) {
    const value = out[member];
    if (typeof value !== "string") continue;
    const bytes = Buffer.from(value, "base64");
    out[member] = bytes.toString("base64") === value ? new Uint8Array(bytes) : new TextEncoder().encode(value);
  }
  return out;
}

/** What the SDK puts in `message` when the error body carries none (`fromSdkError` reads it as `""`). */
export { SDK_NO_MESSAGE } from "@keypolicy/sdk-adapter";

/**
 * An SDK exception as a {@link CallResult} error with the wire status, read by the adapter's `fromSdkError` (AWS
 * sent no message: `""`).
 *
 * @throws the cause itself when it is not an answer from the service (a connection failure: the target broke).
 */
export function sdkErrorResult(cause: unknown): CallResult {
  return errorResult(fromSdkError(cause));
}

function errorResult(error: SafeSendError): CallResult {
  const { name, message } = error;
  if (error.kind === "local") return { ok: false, error: { name, message }, local: true };
  if (error.kind === "service") return { ok: false, error: { name, message }, httpStatus: error.status };
  throw error.cause instanceof Error ? error.cause : new Error(String(error.cause));
}

/** One call through the SDK adapter: GetKeyPolicy through `safeGetKeyPolicy`, the rest through `safeSend`. */
async function sendThroughAdapter(
  client: kms.KMSClient,
  operation: OperationName,
  input: Record<string, unknown>,
): Promise<CallResult> {
  if (operation === "GetKeyPolicy") {
    const result = await safeGetKeyPolicy(client, input as never);
    if (!result.success) return errorResult(result.error);
    // safeGetKeyPolicy answers the policy, not the SDK's metadata; it only answers for a 200.
    return { ok: true, output: { Policy: result.data.Policy, PolicyName: result.data.PolicyName }, httpStatus: 200 };
  }
  const result = await safeSend(client, operation, input as never);
  if (!result.success) return errorResult(result.error);
  const status = result.data.$metadata.httpStatusCode;
  return { ok: true, output: plainOutput(result.data), ...(status === undefined ? {} : { httpStatus: status }) };
}

/**
 * A target that calls KMS through `@aws-sdk/client-kms`: `<Operation>Command` on a client per caller scope. With
 * `via: "adapter"`, every operation of core's table goes through `@keypolicy/sdk-adapter`'s `safeSend` (GetKeyPolicy
 * through `safeGetKeyPolicy`), whose errors found before sending come back with `local: true`.
 */
export function createSdkTarget(options: {
  readonly clientFor: (scope: CallerScope) => kms.KMSClient;
  readonly defaults: TargetDefaults;
  /** `command` (the default): the SDK's commands as they are; `adapter`: the SDK adapter's `safeSend`. */
  readonly via?: "command" | "adapter";
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
      const input = sdkInput(options.prepare ? options.prepare(operation, rawInput) : { ...rawInput });
      const client = clientFor(scope);
      if (options.via === "adapter" && isOperationName(operation)) {
        const result = await sendThroughAdapter(client, operation, input);
        if (result.ok) options.observe?.(operation, result.output, scope);
        return result;
      }
      const Command = (kms as unknown as Record<string, AnyCommand | undefined>)[`${operation}Command`];
      if (!Command) throw new Error(`@aws-sdk/client-kms has no ${operation}Command`);
      try {
        const response = (await client.send(new Command(input as never))) as {
          $metadata?: { httpStatusCode?: number };
        };
        const output = plainOutput(response);
        options.observe?.(operation, output, scope);
        return {
          ok: true,
          output,
          ...(response.$metadata?.httpStatusCode === undefined
            ? {}
            : { httpStatus: response.$metadata.httpStatusCode }),
        };
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
