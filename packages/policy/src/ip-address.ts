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
  const slash = cidr.indexOf("/");
  const base = parseIpv4(slash < 0 ? cidr : cidr.slice(0, slash));
  const prefixText = slash < 0 ? "32" : cidr.slice(slash + 1);
  if (ip === undefined || base === undefined || !/^\d{1,2}$/.test(prefixText)) return false;
  const prefix = Number(prefixText);
  if (prefix > 32) return false;
  const block = 2 ** (32 - prefix);
  return Math.floor(ip / block) === Math.floor(base / block);
}
