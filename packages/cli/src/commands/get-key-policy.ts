import { safeGetKeyPolicy } from "@keypolicy/sdk-adapter";
import { reportSendError } from "../aws/errors.js";
import { requestUrl } from "../aws/kms-client.js";
import { formatJsonOutput } from "../aws/output.js";
import type { AwsCommonOptions } from "../aws/settings.js";
import { withKmsClient } from "../aws/with-kms-client.js";
import { type CliIo, type CommandDone, done } from "../io.js";

/** Options of `keypolicy get-key-policy`. */
export interface GetKeyPolicyOptions extends AwsCommonOptions {
  /** `--key-id`: key ID, key ARN, alias name or alias ARN. */
  readonly keyId: string;
  /** `--policy-name`; KMS's only policy is `default`, also when left out. */
  readonly policyName?: string;
}

/**
 * `keypolicy get-key-policy`: GetKeyPolicy through `safeGetKeyPolicy`, which refuses malformed input before any
 * request with the error KMS would send.
 *
 * Output: `--output json` prints `{"Policy": …, "PolicyName": …}` as the AWS CLI does (4-space indent); `--output
 * text` prints the policy document alone [DEC: what `aws kms get-key-policy --query Policy --output text` prints; the
 * AWS CLI's plain `--output text` would print `<Policy>\t<PolicyName>`, useless to read a document].
 *
 * @returns exit 0 and the output; 254 for errors KMS sent or would send; 252/253/255 for bad flags, missing
 *   configuration and connection failures (see `withKmsClient`).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyPolicy.html
 */
export function getKeyPolicyCommand(options: GetKeyPolicyOptions, io: CliIo): Promise<CommandDone> {
  return withKmsClient("GetKeyPolicy", options, io, async (client, settings) => {
    const input = {
      KeyId: options.keyId,
      ...(options.policyName !== undefined ? { PolicyName: options.policyName } : {}),
    };
    const result = await safeGetKeyPolicy(client, input);
    if (!result.success) return reportSendError("GetKeyPolicy", result.error, requestUrl(client, settings));
    const { Policy, PolicyName } = result.data;
    return done(0, { stdout: settings.output === "text" ? `${Policy}\n` : formatJsonOutput({ Policy, PolicyName }) });
  });
}
