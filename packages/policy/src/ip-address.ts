const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/**
 * Parses a dotted-quad IPv4 address (`203.0.113.7`) to its 32-bit value.
 *
 * @returns an unsigned 32-bit integer, or `undefined` (IPv6 is not supported yet and gives `undefined`).
 */
export function parseIpv4(text: string): number | undefined {
  const m = IPV4.exec(text);
  if (!m) return undefined;
  let value = 0;
  for (const part of m.slice(1)) {
    const octet = Number(part);
    if (octet > 255 || (part.length > 1 && part.startsWith("0"))) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

/**
 * Whether `address` lies in the IPv4 block `cidr` (`203.0.113.0/24`; a bare address means `/32`), as the
 * `IpAddress` condition operator tests `aws:SourceIp`.
 *
 * @returns `false` when either side is not IPv4.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress
 */
export function isIpv4InCidr(address: string, cidr: string): boolean {
  const ip = parseIpv4(address);
  const block = parseIpv4Cidr(cidr);
  if (ip === undefined || block === undefined) return false;
  const size = 2 ** (32 - block.prefix);
  return Math.floor(ip / size) === Math.floor(block.base / size);
}

/**
 * Parses an IPv4 block as the `IpAddress` operator's policy values are written: `203.0.113.0/24`, or a bare address
 * meaning `/32`.
 *
 * @returns the block's address and prefix length (0..32), or `undefined` for anything else (IPv6 included).
 */
export function parseIpv4Cidr(cidr: string): { readonly base: number; readonly prefix: number } | undefined {
  const slash = cidr.indexOf("/");
  const base = parseIpv4(slash < 0 ? cidr : cidr.slice(0, slash));
  const prefixText = slash < 0 ? "32" : cidr.slice(slash + 1);
  if (base === undefined || !/^\d{1,2}$/.test(prefixText) || Number(prefixText) > 32) return undefined;
  return { base, prefix: Number(prefixText) };
}
