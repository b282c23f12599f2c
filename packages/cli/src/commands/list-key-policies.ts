import { safeListKeyPolicies } from "@keypolicy/sdk-adapter";
import { reportSendError } from "../aws/errors.js";
import { requestUrl } from "../aws/kms-client.js";
import { formatJsonOutput, formatTextRow } from "../aws/output.js";
import type { AwsCommonOptions } from "../aws/settings.js";
import { withKmsClient } from "../aws/with-kms-client.js";
import { type CliIo, type CommandDone, done } from "../io.js";

/** Options of `keypolicy list-key-policies`. */
export interface ListKeyPoliciesOptions extends AwsCommonOptions {
  readonly keyId: string;
}

/** Most pages read before giving up: KMS has one policy per key, so one page is the norm. */
const MAX_PAGES = 1000;

/**
 * `keypolicy list-key-policies`: ListKeyPolicies through `safeListKeyPolicies` (input KMS would refuse is refused
 * before sending, with KMS's error), every page, printed as the AWS CLI's automatic pagination does:
 * `{"PolicyNames": [...]}` (no `Truncated`, no `NextMarker`) with `--output json`, `POLICYNAMES\t<name>…` with
 * `--output text` [REC AWS CLI v2.9.19].
 *
 * @returns exit 0 and the names; 254 for errors KMS sent or would send.
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ListKeyPolicies.html
 */
export function listKeyPoliciesCommand(options: ListKeyPoliciesOptions, io: CliIo): Promise<CommandDone> {
  return withKmsClient("ListKeyPolicies", options, io, async (client, settings) => {
    const PolicyNames: string[] = [];
    let Marker: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const result = await safeListKeyPolicies(client, {
        KeyId: options.keyId,
        ...(Marker !== undefined ? { Marker } : {}),
      });
      if (!result.success) return reportSendError("ListKeyPolicies", result.error, requestUrl(client, settings));
      const output = result.data;
      PolicyNames.push(...(output.PolicyNames ?? []));
      Marker = output.Truncated === true ? output.NextMarker : undefined;
      if (Marker === undefined) break;
    }
    return done(0, {
      stdout:
        settings.output === "text" ? formatTextRow("PolicyNames", PolicyNames) : formatJsonOutput({ PolicyNames }),
    });
  });
}
