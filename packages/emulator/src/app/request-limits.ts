import { createKmsError, type KmsError, type Result, err, ok } from "@keypolicy/core";

/**
 * The emulator's front-end limits on hostile input, each answered with an AWS-shaped error before any handler runs.
 * Every limit and text here is a project decision [DEC]: AWS's own limits and texts for these cases are not recorded.
 */
export const limitMessages = {
  /** [DEC] RequestEntityTooLargeException (413) for a body over the limit. */
  bodyTooLarge: (max: number) => `Request body is larger than ${max} bytes.`,
  /** [DEC] RequestEntityTooLargeException (413) for header lines over the limit. */
  headersTooLarge: (max: number) => `Request headers are larger than ${max} bytes.`,
  /** [DEC] SerializationException for a body that is not UTF-8. */
  invalidUtf8: () => "Invalid UTF-8 in the request body.",
  /** [DEC] SerializationException for JSON nested deeper than the limit. */
  tooDeep: (max: number) => `The request body is nested deeper than ${max} levels.`,
  /** [DEC] SerializationException (400) for bytes a server's HTTP parser refuses (answered by the Node server). */
  notHttp: () => "The request is not valid HTTP.",
} as const;

/**
 * The size of a request's header lines as they travel (`name: value\r\n` each), in bytes. Header values are byte
 * strings in the Fetch API, so string length is byte length.
 */
export function headerBytes(headers: Headers): number {
  let total = 0;
  headers.forEach((value, name) => {
    total += name.length + value.length + 4;
  });
  return total;
}

/** Checks header lines against `max` bytes: RequestEntityTooLargeException when over [DEC]. */
export function checkHeaderSize(headers: Headers, max: number): Result<undefined, KmsError> {
  return headerBytes(headers) > max
    ? err(createKmsError("RequestEntityTooLargeException", limitMessages.headersTooLarge(max)))
    : ok(undefined);
}

/** RequestEntityTooLargeException for a body over `max` bytes [DEC]. */
export function bodyTooLarge(max: number): KmsError {
  return createKmsError("RequestEntityTooLargeException", limitMessages.bodyTooLarge(max));
}

/** A strict UTF-8 decoder; one-shot `decode` calls keep no state between them, so one serves every request. */
const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/**
 * Decodes a request body as strict UTF-8 (a byte-order mark is dropped) and checks its JSON nesting depth.
 *
 * @returns the text, or SerializationException for bytes that are not UTF-8 or JSON nested deeper than `maxDepth`
 *   (objects and arrays counted together) [DEC]. Whether the text is JSON at all is decided later.
 */
export function decodeBodyText(body: Uint8Array, maxDepth: number): Result<string, KmsError> {
  let text: string;
  try {
    text = STRICT_UTF8.decode(body);
  } catch {
    return err(createKmsError("SerializationException", limitMessages.invalidUtf8()));
  }
  if (jsonDepth(text, maxDepth) > maxDepth)
    return err(createKmsError("SerializationException", limitMessages.tooDeep(maxDepth)));
  return ok(text);
}

/**
 * The deepest nesting of `{`/`[` in a JSON text, ignoring brackets inside strings; stops counting once past `stopAt`.
 * Linear in the text, no recursion, so any input is safe.
 */
export function jsonDepth(text: string, stopAt = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > stopAt) return deepest;
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

/**
 * Reads a request body, stopping as soon as it passes `max` bytes, so an oversized body (declared or chunked) is never
 * held in memory whole.
 *
 * @returns the exact bytes, or RequestEntityTooLargeException [DEC].
 */
export async function readBody(request: Request, max: number): Promise<Result<Uint8Array, KmsError>> {
  if (request.body === null) return ok(new Uint8Array(0));
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const chunk = await reader.read();
    if (chunk.done) break;
    total += chunk.value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      return err(bodyTooLarge(max));
    }
    chunks.push(chunk.value);
  }
  if (chunks.length === 1 && chunks[0]) return ok(chunks[0]);
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return ok(bytes);
}
