/**
 * Base64 (RFC 4648 §4, with padding) as awsJson1_1 carries blobs. Written out here because core's lib has no
 * `atob`/`btoa` (it runs on every runtime, typed against ECMAScript alone).
 */

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const VALUES = new Map([...ALPHABET].map((c, i) => [c.charCodeAt(0), i]));
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Decodes base64 text to bytes; `undefined` when the text is not padded base64. */
export function base64ToBytes(text: string): Uint8Array | undefined {
  if (!BASE64.test(text)) return undefined;
  const padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let at = 0;
  for (let i = 0; i < text.length; i += 4) {
    const n =
      ((VALUES.get(text.charCodeAt(i)) ?? 0) << 18) |
      ((VALUES.get(text.charCodeAt(i + 1)) ?? 0) << 12) |
      ((VALUES.get(text.charCodeAt(i + 2)) ?? 0) << 6) |
      (VALUES.get(text.charCodeAt(i + 3)) ?? 0);
    if (at < bytes.length) bytes[at++] = (n >> 16) & 0xff;
    if (at < bytes.length) bytes[at++] = (n >> 8) & 0xff;
    if (at < bytes.length) bytes[at++] = n & 0xff;
  }
  return bytes;
}

/** Encodes bytes as padded base64 text. */
export function bytesToBase64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    out += ALPHABET.charAt((n >> 18) & 63) + ALPHABET.charAt((n >> 12) & 63);
    out += i + 1 < bytes.length ? ALPHABET.charAt((n >> 6) & 63) : "=";
    out += i + 2 < bytes.length ? ALPHABET.charAt(n & 63) : "=";
  }
  return out;
}
