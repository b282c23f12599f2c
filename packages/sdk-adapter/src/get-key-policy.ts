import type { KMSClient } from "@aws-sdk/client-kms";
import { DEFAULT_POLICY_NAME, ok, type Result } from "@keypolicy/core";
import { type JsonNode, parseJson } from "@keypolicy/policy";
import type { OperationInput } from "./commands.js";
import { type SafeSendError, safeSend } from "./safe-send.js";
import { toThrown } from "./send.js";

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
 * A failure of {@link safeGetKeyPolicy}: a {@link SafeSendError} (the name of the type before every operation had
 * one). `local` tells errors found before sending; `cause` holds the SDK's exception when KMS answered, so
 * `error.cause instanceof NotFoundException` keeps working.
 */
export type KeyPolicyError = SafeSendError;

/**
 * GetKeyPolicy with validation first: the input is checked against the AWS model (and the key identifier's format)
 * before any network call, with the exact errors KMS would send; then `GetKeyPolicyCommand` is sent on the caller's
 * client (see `safeSend`). `PolicyName` may be left out (it means `default`).
 *
 * @returns the policy text, its name and the parsed document, or a {@link KeyPolicyError}: `ValidationException`,
 *   `NotFoundException` (`Invalid keyId '…'` locally; `Key '…' does not exist` from KMS), `InvalidArnException`,
 *   `KMSInvalidStateException`, `DependencyTimeoutException`, `KMSInternalException`, `AccessDeniedException`, or why
 *   no answer came (`kind` `no-credentials`, `connect-timeout`, `read-timeout`, `unreachable`, `other`).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyPolicy.html
 */
export async function safeGetKeyPolicy(
  client: KMSClient,
  input: OperationInput<"GetKeyPolicy">,
): Promise<Result<KeyPolicyOutput, KeyPolicyError>> {
  const result = await safeSend(client, "GetKeyPolicy", input);
  if (!result.success) return result;
  const Policy = result.data.Policy ?? "";
  const parsed = parseJson(Policy);
  return ok({
    Policy,
    PolicyName: result.data.PolicyName ?? DEFAULT_POLICY_NAME,
    document: parsed.success ? parsed.data : undefined,
  });
}

/**
 * Like {@link safeGetKeyPolicy}, but throws as the SDK does (see `send`): the SDK's own exception class for AWS errors
 * (`instanceof NotFoundException` works), with the error as data on `kmsError`. Inputs refused before sending throw a
 * `KMSServiceException` named after the AWS error (`ValidationException`, `NotFoundException`).
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyPolicy.html
 */
export async function getKeyPolicy(client: KMSClient, input: OperationInput<"GetKeyPolicy">): Promise<KeyPolicyOutput> {
  const result = await safeGetKeyPolicy(client, input);
  if (result.success) return result.data;
  throw toThrown(result.error);
}
