import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { resolve } from "node:path";
import { safePutKeyPolicy } from "@keypolicy/sdk-adapter";
import { reportSendError } from "../aws/errors.js";
import { requestUrl } from "../aws/kms-client.js";
import type { AwsCommonOptions } from "../aws/settings.js";
import { cliError } from "../aws/settings.js";
import { withKmsClient } from "../aws/with-kms-client.js";
import { EXIT_CODES } from "../exit-codes.js";
import { type CliIo, type CommandDone, done } from "../io.js";

/** Options of `keypolicy put-key-policy`. */
export interface PutKeyPolicyOptions extends AwsCommonOptions {
  readonly keyId: string;
  /** `--policy`: the document, or `file://PATH` to read it from a file (UTF-8), as the AWS CLI does. */
  readonly policy: string;
  readonly policyName?: string;
  /** `--bypass-policy-lockout-safety-check` (true) / `--no-bypass-policy-lockout-safety-check` (false); absent: not sent. */
  readonly bypassPolicyLockoutSafetyCheck?: boolean;
}

/**
 * `keypolicy put-key-policy`: PutKeyPolicy through `safePutKeyPolicy`, which refuses input KMS would refuse before any
 * lookup (model constraints, the key ID's format) with the error KMS would send. Prints nothing on success, as the
 * AWS CLI.
 *
 * @returns exit 0; 252 when `file://` cannot be read (the AWS CLI's `Error parsing parameter '--policy': …`); 254 for
 *   errors KMS sent or would send (ValidationException, NotFoundException, MalformedPolicyDocumentException, …).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_PutKeyPolicy.html
 */
export async function putKeyPolicyCommand(options: PutKeyPolicyOptions, io: CliIo): Promise<CommandDone> {
  const policy = await readParameter("--policy", options.policy, io);
  if (!policy.success) return policy.error;
  return withKmsClient("PutKeyPolicy", options, io, async (client, settings) => {
    const result = await safePutKeyPolicy(client, {
      KeyId: options.keyId,
      Policy: policy.data,
      ...(options.policyName !== undefined ? { PolicyName: options.policyName } : {}),
      ...(options.bypassPolicyLockoutSafetyCheck !== undefined
        ? { BypassPolicyLockoutSafetyCheck: options.bypassPolicyLockoutSafetyCheck }
        : {}),
    });
    return result.success ? done(0) : reportSendError("PutKeyPolicy", result.error, requestUrl(client, settings));
  });
}

/** Python's errno texts for the file errors people meet, as the AWS CLI prints them [REC AWS CLI v2.9.19]. */
const ERRNO_TEXTS: Record<string, string> = {
  ENOENT: "[Errno 2] No such file or directory",
  EACCES: "[Errno 13] Permission denied",
  EISDIR: "[Errno 21] Is a directory",
};

/**
 * A parameter value as the AWS CLI reads it: `file://PATH` is the file's text (PATH relative to `io.cwd`, `~`
 * expanded), anything else is the value itself.
 */
async function readParameter(
  flag: string,
  value: string,
  io: CliIo,
): Promise<{ success: true; data: string } | { success: false; error: CommandDone }> {
  if (!value.startsWith("file://")) return { success: true, data: value };
  const path = value.slice("file://".length);
  const expanded = path === "~" || path.startsWith("~/") ? `${io.env.HOME ?? homedir()}${path.slice(1)}` : path;
  try {
    return { success: true, data: await readFile(resolve(io.cwd, expanded), "utf8") };
  } catch (cause) {
    const code = (cause as { code?: string }).code ?? "";
    const reason = ERRNO_TEXTS[code] !== undefined ? `${ERRNO_TEXTS[code]}: '${path}'` : (cause as Error).message;
    return {
      success: false,
      error: cliError(
        EXIT_CODES.usage,
        `Error parsing parameter '${flag}': Unable to load paramfile ${value}: ${reason}`,
      ),
    };
  }
}
