import { GetKeyPolicyCommand, KMSServiceException, type KMSClient } from "@aws-sdk/client-kms";
import {
  DEFAULT_POLICY_NAME,
  GetKeyPolicyRequest,
  isKmsErrorName,
  KMS_ERRORS,
  type KmsError,
  parseKeyIdentifier,
  type Result,
  validateRequest,
} from "@keypolicy/core";
import { type JsonNode, parseJson } from "@keypolicy/policy";

/** What {@link getKeyPolicy} answers. */
export interface KeyPolicyOutput {
  /** The policy text exactly as KMS returned it (AWS's pretty format). */
  readonly Policy: string;
  /** The policy name; `default`, the only one KMS has. */
  readonly PolicyName: string;
  /** The policy parsed, member order kept; `undefined` if the text is not JSON (KMS never returns such a policy). */
  readonly document: JsonNode | undefined;
}

/**
 * A failure of {@link safeGetKeyPolicy}: the AWS error as data, plus the SDK's exception when AWS (or the emulator)
 * answered, so `error.cause instanceof NotFoundException` keeps working.
 */
export interface KeyPolicyError extends KmsError {
  /** `client` or `server`, as the core's error table says (unknown names count as `server`). */
  readonly fault: "client" | "server";
  /** True when the input was refused here, before any request was sent. */
  readonly local: boolean;
  /** The SDK exception (a `KMSServiceException` subclass), or the network error, when one was thrown. */
  readonly cause?: unknown;
}

/** The `KmsError` view of an SDK exception, attached to exceptions {@link getKeyPolicy} throws. */
export type WithKmsError<E> = E & { readonly kmsError: KmsError };

/**
 * GetKeyPolicy with validation first: the input is checked against the AWS model (and the key identifier's format)
 * before any network call, with the exact errors KMS would send; then `GetKeyPolicyCommand` is sent on the caller's
 * client. `PolicyName` may be left out (it means `default`).
 *
 * @returns the policy text, its name and the parsed document, or a {@link KeyPolicyError}: `ValidationException`,
 *   `NotFoundException` (`Invalid keyId '…'` locally; `Key '…' does not exist` from KMS), `InvalidArnException`,
 *   `KMSInvalidStateException`, `DependencyTimeoutException`, `KMSInternalException`, `AccessDeniedException`, or a
 *   network error (name of the thrown error, fault `server`).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyPolicy.html
 */
export async function safeGetKeyPolicy(
  client: KMSClient,
  input: { KeyId: string; PolicyName?: string },
): Promise<Result<KeyPolicyOutput, KeyPolicyError>> {
  const valid = validateRequest(GetKeyPolicyRequest, input);
  if (!valid.success) return { success: false, error: localError(valid.error) };
  const id = parseKeyIdentifier(valid.data.KeyId);
  if (!id.success) return { success: false, error: localError(id.error) };
  try {
    const output = await client.send(new GetKeyPolicyCommand(valid.data));
    const Policy = output.Policy ?? "";
    const parsed = parseJson(Policy);
    return {
      success: true,
      data: { Policy, PolicyName: output.PolicyName ?? DEFAULT_POLICY_NAME, document: parsed.success ? parsed.data : undefined },
    };
  } catch (cause) {
    return { success: false, error: remoteError(cause) };
  }
}

/**
 * Like {@link safeGetKeyPolicy}, but throws as the SDK does: the SDK's own exception class for AWS errors
 * (`instanceof NotFoundException` works), with the error as data on `kmsError`. Inputs refused before sending throw a
 * `KMSServiceException` named after the AWS error (`ValidationException`, `NotFoundException`).
 */
export async function getKeyPolicy(client: KMSClient, input: { KeyId: string; PolicyName?: string }): Promise<KeyPolicyOutput> {
  const result = await safeGetKeyPolicy(client, input);
  if (result.success) return result.data;
  const { error } = result;
  if (error.cause !== undefined) {
    if (typeof error.cause === "object" && error.cause !== null) {
      Object.defineProperty(error.cause, "kmsError", { value: { name: error.name, message: error.message }, enumerable: false });
    }
    throw error.cause;
  }
  const exception = new KMSServiceException({
    name: error.name,
    $fault: error.fault,
    $metadata: {},
    message: error.message,
  });
  Object.defineProperty(exception, "kmsError", { value: { name: error.name, message: error.message }, enumerable: false });
  throw exception;
}

function localError(error: KmsError): KeyPolicyError {
  return { ...error, fault: KMS_ERRORS[error.name].fault, local: true };
}

function remoteError(cause: unknown): KeyPolicyError {
  const name = typeof cause === "object" && cause !== null && "name" in cause ? String((cause as { name: unknown }).name) : "Error";
  const message = cause instanceof Error ? cause.message : String(cause);
  const known = isKmsErrorName(name);
  const fault = known ? KMS_ERRORS[name].fault : ((cause as { $fault?: "client" | "server" })?.$fault ?? "server");
  return { name: (known ? name : "InternalFailure") as KmsError["name"], message, fault, local: false, cause, ...(known ? {} : { sdkName: name }) } as KeyPolicyError;
}
