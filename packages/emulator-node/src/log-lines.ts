import type { RequestLogEntry } from "@keypolicy/emulator";

/** A logfmt value: as is when it is one plain word, else JSON-quoted, so a line stays one line and splits cleanly. */
function value(text: string | number | undefined): string {
  if (text === undefined || text === "") return "-";
  const s = String(text);
  return /^[A-Za-z0-9._:/@+-]+$/.test(s) ? s : JSON.stringify(s);
}

/**
 * The `--log-requests` line of one request [DEC format, documented in the README]:
 * `keypolicy request operation=<Op|-> status=<n> error=<Name|-> account=<id|-> region=<r|-> duration-ms=<n> request-id=<id>`.
 * `-` marks what the request never got to (no known operation, failed before the caller was known, no error).
 */
export function formatRequestLine(entry: RequestLogEntry): string {
  return [
    "keypolicy request",
    `operation=${value(entry.operation)}`,
    `status=${entry.httpStatus}`,
    `error=${value(entry.errorName)}`,
    `account=${value(entry.accountId)}`,
    `region=${value(entry.region)}`,
    `duration-ms=${Math.round(entry.durationMs)}`,
    `request-id=${value(entry.requestId)}`,
  ].join(" ");
}

/**
 * The line logged for every 5xx answer, whatever the logging options [DEC format]:
 * `keypolicy fault operation=<Op|-> status=<n> request-id=<id> cause=<name> [code=<code>] message=<"text">`; the
 * cause's stack is never printed (and never sent to the client).
 */
export function formatFaultLine(entry: RequestLogEntry): string {
  const { name, code, message } = describeCause(entry.cause);
  return [
    "keypolicy fault",
    `operation=${value(entry.operation)}`,
    `status=${entry.httpStatus}`,
    `request-id=${value(entry.requestId)}`,
    `cause=${value(name)}`,
    ...(code !== undefined ? [`code=${value(code)}`] : []),
    `message=${JSON.stringify(message)}`,
  ].join(" ");
}

function describeCause(cause: unknown): { name: string; code?: string; message: string } {
  if (typeof cause === "object" && cause !== null) {
    const { name, code, message } = cause as { name?: unknown; code?: unknown; message?: unknown };
    return {
      name: typeof name === "string" ? name : "Error",
      ...(typeof code === "string" ? { code } : {}),
      message: typeof message === "string" ? message : "",
    };
  }
  return { name: typeof cause, message: String(cause) };
}
