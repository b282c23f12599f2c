import type { IncomingMessage } from "node:http";
import { type SourceIpReader, sourceIpOfPeer } from "@keypolicy/emulator";

/**
 * `aws:SourceIp` on Node (`@hono/node-server`, whose `env` is `{ incoming, outgoing }`): the peer address of the
 * connection, IPv4 or IPv6; an IPv4-mapped IPv6 address (`::ffff:192.0.2.7`, from a dual-stack socket) is given as
 * the IPv4 address, as AWS would see it.
 */
export const nodeSourceIp: SourceIpReader = (_request, env) => {
  const address = (env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket.remoteAddress;
  return address === undefined ? undefined : sourceIpOfPeer(address);
};
