import type { KMSClient } from "@aws-sdk/client-kms";
import type { CliIo, CommandDone } from "../io.js";
import { sendError } from "./errors.js";
import { createKmsClient, requestUrl } from "./kms-client.js";
import { type AwsCommonOptions, type AwsSettings, resolveAwsSettings } from "./settings.js";

/**
 * Runs `body` with a `KMSClient` built from the AWS flags and `io.env`, then destroys the client (so no keep-alive
 * socket holds the process open). Whatever `body` throws while sending is reported as the AWS CLI would
 * ({@link sendError}); settings errors as {@link resolveAwsSettings} says.
 */
export async function withKmsClient(
  operation: string,
  options: AwsCommonOptions,
  io: CliIo,
  body: (client: KMSClient, settings: AwsSettings) => Promise<CommandDone>,
): Promise<CommandDone> {
  const settings = await resolveAwsSettings(options, io.env);
  if (!settings.success) return settings.error;
  const client = await createKmsClient(settings.data);
  try {
    return await body(client, settings.data);
  } catch (cause) {
    return sendError(operation, cause, requestUrl(client, settings.data));
  } finally {
    client.destroy();
  }
}
