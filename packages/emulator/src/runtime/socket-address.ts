/**
 * `aws:SourceIp` from a socket's peer address (IPv4 or IPv6): an IPv4-mapped IPv6 address (`::ffff:192.0.2.7`, from
 * a dual-stack socket) is given as the IPv4 address, as AWS would see the client.
 */
export function sourceIpOfPeer(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped?.[1] ?? address;
}
