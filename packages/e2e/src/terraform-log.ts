/**
 * Reads the AWS calls out of a `TF_LOG=DEBUG` log of the hashicorp/aws provider.
 *
 * What the log looks like (provider 5.100.0, aws-sdk-go-base v2, read from real logs of this suite): every entry
 * starts with a timestamp and a level, `2026-12-04T14:47:08.331Z [DEBUG] provider.terraform-provider-aws_v5.100.0_x5:
 * HTTP Response Received: key=value key=value …`, and goes on over the following lines until the next timestamp.
 * Each AWS call gives one `HTTP Request Sent:` entry and, when an answer arrived, one `HTTP Response Received:` entry,
 * both with `rpc.service` (`KMS`, `STS`), `rpc.method` (the operation) and `aws.region`; the response adds
 * `http.status_code` and `http.response.header.x_amzn_requestid`. Bodies are multi-line values: `http.request.body=`
 * or `http.response.body=` ends its line and the body follows on lines starting with `  | `. A field's value is
 * either bare (up to the next space) or a double-quoted string with backslash escapes.
 */

/** One AWS call of the provider, as its log tells it. */
export interface ProviderCall {
  /** `rpc.service`: `KMS`, `STS`. */
  readonly service: string;
  /** `rpc.method`: the operation, e.g. `DescribeKey`. */
  readonly operation: string;
  /** `aws.region`, when logged. */
  readonly region?: string;
  /** `http.status_code`; absent for a request that got no answer (connection refused, timeout). */
  readonly status?: number;
  /** For an answer with status 400 or more: `__type` of a JSON error body, or `<Code>` of an XML (query) one. */
  readonly errorCode?: string;
  /** `x-amzn-RequestId` of the answer. */
  readonly requestId?: string;
}

const ENTRY_START = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z \[[A-Z]+\]\s/;
const BODY_LINE = /^\s*\|(?: |$)/;

/** The log split into entries: each starts with its timestamp line and holds its continuation lines. */
function entries(log: string): string[][] {
  const result: string[][] = [];
  for (const line of log.split(/\r?\n/)) {
    const current = result.at(-1);
    if (ENTRY_START.test(line) || !current) result.push([line]);
    else current.push(line);
  }
  return result;
}

/** The `key=value` fields of an entry, body lines left out; the first occurrence of a key wins. */
function fields(lines: readonly string[]): Map<string, string> {
  const text = lines.filter((line) => !BODY_LINE.test(line)).join(" ");
  const found = new Map<string, string>();
  const field = /(?:^|\s)([A-Za-z_@][\w.@-]*)=("(?:[^"\\]|\\.)*"|\S*)/g;
  for (const match of text.matchAll(field)) {
    const [, key, raw] = match;
    if (key === undefined || raw === undefined || found.has(key)) continue;
    found.set(key, raw.startsWith('"') ? unquote(raw) : raw);
  }
  return found;
}

function unquote(raw: string): string {
  try {
    return JSON.parse(raw) as string;
  } catch {
    return raw.slice(1, -1);
  }
}

/** The body lines of an entry (`  | …`), joined without their prefix. */
function body(lines: readonly string[]): string {
  return lines
    .filter((line) => BODY_LINE.test(line))
    .map((line) => line.replace(/^\s*\|(?: |$)/, ""))
    .join("\n");
}

/** `__type` of an AWS JSON error (either `Name` or `namespace#Name`), or `<Code>` of an AWS query (XML) error. */
export function errorCodeOf(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed.startsWith("{")) {
    try {
      const parsed = JSON.parse(trimmed) as { __type?: unknown; code?: unknown };
      const type = typeof parsed.__type === "string" ? parsed.__type : undefined;
      return type?.split("#").at(-1);
    } catch {
      return undefined;
    }
  }
  return /<Code>([^<]+)<\/Code>/.exec(trimmed)?.[1];
}

/** The requests the provider sent and the answers it got, in log order. */
export interface ProviderTraffic {
  /** One entry per `HTTP Request Sent`. */
  readonly requests: readonly ProviderCall[];
  /** One entry per `HTTP Response Received`, with its status. */
  readonly responses: readonly ProviderCall[];
}

/** Every AWS request and response a `TF_LOG=DEBUG` log records (see the module comment for the format). */
export function parseProviderLog(log: string): ProviderTraffic {
  const requests: ProviderCall[] = [];
  const responses: ProviderCall[] = [];
  for (const lines of entries(log)) {
    const [first = ""] = lines;
    const isRequest = first.includes(": HTTP Request Sent:");
    const isResponse = first.includes(": HTTP Response Received:");
    if (!isRequest && !isResponse) continue;
    const values = fields(lines);
    const service = values.get("rpc.service");
    const operation = values.get("rpc.method");
    if (service === undefined || operation === undefined) continue;
    const region = values.get("aws.region");
    const base = { service, operation, ...(region ? { region } : {}) };
    if (isRequest) {
      requests.push(base);
      continue;
    }
    const status = Number(values.get("http.status_code"));
    const requestId = values.get("http.response.header.x_amzn_requestid");
    const errorCode = status >= 400 ? errorCodeOf(body(lines)) : undefined;
    responses.push({
      ...base,
      ...(Number.isInteger(status) ? { status } : {}),
      ...(errorCode ? { errorCode } : {}),
      ...(requestId ? { requestId } : {}),
    });
  }
  return { requests, responses };
}

/** An answer with status 400 or more that a step expects (e.g. a read of a key that was just deleted). */
export interface ExpectedFailure {
  readonly operation: string;
  readonly errorCode: string;
}

/** The answers with status 400 or more (or no status) that none of `expected` names. */
export function unexpectedFailures(
  responses: readonly ProviderCall[],
  expected: readonly ExpectedFailure[] = [],
): ProviderCall[] {
  return responses.filter(
    (call) =>
      (call.status === undefined || call.status >= 400) &&
      !expected.some((allowed) => allowed.operation === call.operation && allowed.errorCode === call.errorCode),
  );
}

/** The requests that no response answered, per `service operation` (request count minus response count). */
export function unanswered(traffic: ProviderTraffic): Record<string, number> {
  const balance = new Map<string, number>();
  for (const call of traffic.requests) {
    const key = `${call.service} ${call.operation}`;
    balance.set(key, (balance.get(key) ?? 0) + 1);
  }
  for (const call of traffic.responses) {
    const key = `${call.service} ${call.operation}`;
    balance.set(key, (balance.get(key) ?? 0) - 1);
  }
  return Object.fromEntries([...balance].filter(([, count]) => count > 0));
}

/** One line of {@link summarize}: how often an operation got a status (and error code). */
export interface CallCount {
  readonly service: string;
  readonly operation: string;
  readonly status: number | "none";
  readonly errorCode?: string;
  readonly count: number;
}

/** The responses counted by service, operation, status and error code, sorted by service then operation. */
export function summarize(responses: readonly ProviderCall[]): CallCount[] {
  const counts = new Map<string, CallCount>();
  for (const call of responses) {
    const status = call.status ?? "none";
    const key = [call.service, call.operation, status, call.errorCode ?? ""].join(" ");
    const seen = counts.get(key);
    counts.set(key, {
      service: call.service,
      operation: call.operation,
      status,
      ...(call.errorCode ? { errorCode: call.errorCode } : {}),
      count: (seen?.count ?? 0) + 1,
    });
  }
  return [...counts.values()].sort(
    (a, b) =>
      a.service.localeCompare(b.service) ||
      a.operation.localeCompare(b.operation) ||
      String(a.status).localeCompare(String(b.status)),
  );
}

/** {@link summarize} as aligned text lines, `KMS DescribeKey 200 ×12`. */
export function formatSummary(counts: readonly CallCount[]): string {
  return counts
    .map(
      (row) => `${row.service} ${row.operation} ${row.status}${row.errorCode ? ` ${row.errorCode}` : ""} ×${row.count}`,
    )
    .join("\n");
}
