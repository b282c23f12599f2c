/**
 * A response as the AWS CLI prints it with `--output json`: Python's `json.dumps(…, indent=4, ensure_ascii=False)`
 * plus a newline. JSON.stringify with an indent of 4 gives the same bytes for AWS responses (strings, booleans,
 * lists, objects; member order as in the response) [REC compared with AWS CLI v2.9.19's output].
 */
export function formatJsonOutput(value: unknown): string {
  return `${JSON.stringify(value, null, 4)}\n`;
}

/**
 * One row of the AWS CLI's `--output text` for a list of strings: the member name upper-cased, then the values, tab
 * separated (`POLICYNAMES\tdefault`) [REC AWS CLI v2.9.19].
 */
export function formatTextRow(identifier: string, values: readonly string[]): string {
  return `${[identifier.toUpperCase(), ...values].join("\t")}\n`;
}
