import ipaddr from "ipaddr.js";

/** An IP address as the `IpAddress` operators read it: its family and its canonical text (`2001:db8::7`). */
export interface IpAddress {
  readonly kind: "ipv4" | "ipv6";
  /** The address in canonical form: dotted quad for IPv4, RFC 5952 for IPv6 (lower case, `::` compressed). */
  readonly address: string;
}

/** An IP address block (CIDR): its family, its address as written (canonical form) and its prefix length. */
export interface IpAddressBlock extends IpAddress {
  /** 0..32 for IPv4, 0..128 for IPv6. */
  readonly prefixLength: number;
}

const DOTTED_QUAD = /^(?:0|[1-9]\d{0,2})(?:\.(?:0|[1-9]\d{0,2})){3}$/;
const IPV6_TEXT = /^[0-9A-Fa-f:.]+$/;
const PREFIX = /^\d{1,3}$/;

type Parsed = ipaddr.IPv4 | ipaddr.IPv6;

/**
 * Reads an IP address as `aws:SourceIp` and the `IpAddress` operators' values are written: a dotted-quad IPv4
 * address (`203.0.113.7`, no leading zeros, no shorthand such as `127.1`), or an IPv6 address in full or compressed
 * form (`2001:db8::7`, either case, an embedded dotted quad such as `64:ff9b::203.0.113.7`), without brackets or a
 * zone (`%eth0`).
 *
 * An IPv4-mapped IPv6 address (`::ffff:203.0.113.7`) is read as the IPv4 address it carries [DEC: AWS reports an
 * IPv4 client as IPv4, and a dual-stack socket reports the same client as mapped, so both must match the same
 * IPv4 blocks; the IAM documentation does not say how a mapped value compares].
 *
 * @returns the address, or `undefined` for anything else.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress
 */
export function parseIpAddress(text: string): IpAddress | undefined {
  const parsed = parse(text);
  return parsed && { kind: parsed.kind(), address: canonical(parsed) };
}

/**
 * Reads an IP address block as the `IpAddress` operators' policy values are written: an address
 * ({@link parseIpAddress}) and `/<prefix length>` (`203.0.113.0/24`, `2001:db8::/32`), or a bare address meaning
 * the one address (`/32`, `/128`). Bits past the prefix are ignored (`203.0.113.7/24` is `203.0.113.0/24`) [DOC
 * IAM: values are in standard CIDR format]. An IPv4-mapped block of prefix 96 or more is the IPv4 block it covers
 * (`::ffff:203.0.113.0/120` is `203.0.113.0/24`) [DEC, as {@link parseIpAddress}].
 *
 * @returns the block, or `undefined` for anything else (a prefix past the family's width, `/`, `/x`).
 */
export function parseIpAddressBlock(text: string): IpAddressBlock | undefined {
  const slash = text.indexOf("/");
  const prefixText = slash < 0 ? undefined : text.slice(slash + 1);
  if (prefixText !== undefined && !PREFIX.test(prefixText)) return undefined;
  const written = parseWritten(slash < 0 ? text : text.slice(0, slash));
  if (!written) return undefined;
  const width = written.kind() === "ipv4" ? 32 : 128;
  const prefix = prefixText === undefined ? width : Number(prefixText);
  if (prefix > width) return undefined;
  if (written.kind() === "ipv6" && (written as ipaddr.IPv6).isIPv4MappedAddress() && prefix >= 96) {
    return { kind: "ipv4", address: (written as ipaddr.IPv6).toIPv4Address().toString(), prefixLength: prefix - 96 };
  }
  return { kind: written.kind(), address: canonical(written), prefixLength: prefix };
}

/**
 * Whether `address` lies in the block `block`, as the `IpAddress` condition operator tests `aws:SourceIp`. An IPv4
 * address is never in an IPv6 block nor the reverse (after the IPv4-mapped reading of {@link parseIpAddress}).
 *
 * @returns `false` when either side cannot be read ({@link parseIpAddress}, {@link parseIpAddressBlock}).
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress
 */
export function isIpAddressInBlock(address: string, block: string): boolean {
  const ip = parse(address);
  const range = parseIpAddressBlock(block);
  if (!ip || !range || ip.kind() !== range.kind) return false;
  const base = ipaddr.parse(range.address);
  return ip.kind() === "ipv4"
    ? (ip as ipaddr.IPv4).match(base as ipaddr.IPv4, range.prefixLength)
    : (ip as ipaddr.IPv6).match(base as ipaddr.IPv6, range.prefixLength);
}

/** The address as written, IPv4-mapped ones as IPv4. */
function parse(text: string): Parsed | undefined {
  const written = parseWritten(text);
  if (written?.kind() === "ipv6" && (written as ipaddr.IPv6).isIPv4MappedAddress())
    return (written as ipaddr.IPv6).toIPv4Address();
  return written;
}

/**
 * The address as written, with ipaddr.js's lenient IPv4 forms (`127.1`, `0x7f.0.0.1`, `010.0.0.1`) and zones
 * refused. An IPv6 address's embedded dotted quad is read here, as the two groups it stands for, because ipaddr.js
 * reads `::1.2.3.4` as `::ffff:1.2.3.4` rather than RFC 4291's `::102:304`.
 */
function parseWritten(text: string): Parsed | undefined {
  if (DOTTED_QUAD.test(text)) return parseIpv4(text);
  if (!text.includes(":") || !IPV6_TEXT.test(text)) return undefined;
  const colon = text.lastIndexOf(":");
  const tail = text.slice(colon + 1);
  let hex = text;
  if (tail.includes(".")) {
    const v4 = DOTTED_QUAD.test(tail) ? parseIpv4(tail) : undefined;
    if (!v4) return undefined;
    const [a = 0, b = 0, c = 0, d = 0] = v4.octets;
    hex = `${text.slice(0, colon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  return ipaddr.IPv6.isValid(hex) ? ipaddr.IPv6.parse(hex) : undefined;
}

function parseIpv4(text: string): ipaddr.IPv4 | undefined {
  return ipaddr.IPv4.isValidFourPartDecimal(text) ? ipaddr.IPv4.parse(text) : undefined;
}

function canonical(parsed: Parsed): string {
  return parsed.kind() === "ipv4" ? parsed.toString() : (parsed as ipaddr.IPv6).toRFC5952String();
}
