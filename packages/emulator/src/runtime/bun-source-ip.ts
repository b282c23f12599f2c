import type { SourceIpReader } from "../app/deps.js";
import { sourceIpOfPeer } from "./socket-address.js";

/** What the reader needs of Bun's `Server`, which Bun passes as `fetch`'s second argument (Hono's `env`). */
interface BunServer {
  requestIP(request: Request): { readonly address: string } | null;
}

/**
 * `aws:SourceIp` on Bun: `server.requestIP(request)`, the peer address of the request's connection (IPv4 or IPv6,
 * IPv4-mapped given as IPv4); `undefined` when Bun does not know it (a closed socket) or `env` is not Bun's server.
 *
 * @see https://bun.sh/docs/api/http#server-requestip-request
 */
export const bunSourceIp: SourceIpReader = (request, env) => {
  const server = env as Partial<BunServer> | undefined;
  if (typeof server?.requestIP !== "function") return undefined;
  const address = server.requestIP(request)?.address;
  return address ? sourceIpOfPeer(address) : undefined;
};
