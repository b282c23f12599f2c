import type { SourceIpReader } from "../app/deps.js";

/**
 * `aws:SourceIp` on Cloudflare Workers: the `CF-Connecting-IP` header, which Cloudflare's edge sets to the client's
 * address (IPv4 or IPv6) and overwrites when a client sends it.
 *
 * @see https://developers.cloudflare.com/fundamentals/reference/http-headers/#cf-connecting-ip
 */
export const cloudflareSourceIp: SourceIpReader = (request) =>
  request.headers.get("cf-connecting-ip")?.trim() || undefined;
