/** The answer to one KMS call: its HTTP status and JSON body. */
export interface KmsAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/**
 * Calls a KMS operation on the emulator over HTTP (AWS JSON 1.1), for assertions on what a client left behind.
 * Unsigned: the Authorization header carries only the credential scope, from which the emulator (auth mode `none`)
 * takes the region, and the access key `test` maps to the default account.
 */
export async function kmsCall(
  endpoint: string,
  region: string,
  operation: string,
  input: Record<string, unknown> = {},
): Promise<KmsAnswer> {
  const response = await fetch(endpoint, {
    method: "POST",
    headers: {
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": `TrentService.${operation}`,
      authorization: `AWS4-HMAC-SHA256 Credential=test/20240101/${region}/kms/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: JSON.stringify(input),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/**
 * Whether the emulator implements `operation`: an empty request is answered with anything but
 * `UnknownOperationException` (a ValidationException, typically) when it does.
 */
export async function implementsOperation(endpoint: string, operation: string): Promise<boolean> {
  const answer = await kmsCall(endpoint, "us-east-1", operation);
  return answer.body["__type"] !== "UnknownOperationException";
}
