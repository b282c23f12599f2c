import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isIpAddressInBlock, parseIpAddress, parseIpAddressBlock } from "./ip-address.js";

describe("parseIpAddress", () => {
  it.each([
    ["0.0.0.0", "ipv4", "0.0.0.0"],
    ["203.0.113.7", "ipv4", "203.0.113.7"],
    ["::1", "ipv6", "::1"],
    ["2001:DB8:0:0:0:0:0:7", "ipv6", "2001:db8::7"],
    ["2001:db8::7", "ipv6", "2001:db8::7"],
    ["64:ff9b::203.0.113.7", "ipv6", "64:ff9b::cb00:7107"],
    ["::ffff:203.0.113.7", "ipv4", "203.0.113.7"],
    ["::FFFF:cb00:7107", "ipv4", "203.0.113.7"],
    // IPv4-compatible (RFC 4291), not mapped: ::1.2.3.4 is ::102:304.
    ["::1.2.3.4", "ipv6", "::102:304"],
  ])("reads %s as %s %s", (text, kind, address) => {
    expect(parseIpAddress(text)).toEqual({ kind, address });
  });

  it.each([
    "256.0.0.1",
    "1.2.3",
    "127.1",
    "01.2.3.4",
    "0x7f.0.0.1",
    "a.b.c.d",
    "",
    "2001:db8:::7",
    "2001:db8::g",
    "fe80::1%eth0",
    "[::1]",
    "::ffff:010.0.0.1",
    "::ffff:127.1",
    "::ffff:1.2.3.256",
    "::ffff:1.2.3.4:5",
    "2001:00db8::",
    "1:2:3:4:5:6:7:8:9",
    "::1/128",
  ])("refuses %s", (text) => {
    expect(parseIpAddress(text)).toBeUndefined();
  });
});

describe("parseIpAddressBlock", () => {
  it.each([
    ["203.0.113.0/24", { kind: "ipv4", address: "203.0.113.0", prefixLength: 24 }],
    ["203.0.113.7", { kind: "ipv4", address: "203.0.113.7", prefixLength: 32 }],
    ["0.0.0.0/0", { kind: "ipv4", address: "0.0.0.0", prefixLength: 0 }],
    ["2001:DB8::/32", { kind: "ipv6", address: "2001:db8::", prefixLength: 32 }],
    ["::1", { kind: "ipv6", address: "::1", prefixLength: 128 }],
    ["::/0", { kind: "ipv6", address: "::", prefixLength: 0 }],
    ["::ffff:203.0.113.0/120", { kind: "ipv4", address: "203.0.113.0", prefixLength: 24 }],
    ["::ffff:0:0/96", { kind: "ipv4", address: "0.0.0.0", prefixLength: 0 }],
    ["::ffff:0:0/95", { kind: "ipv6", address: "::ffff:0:0", prefixLength: 95 }],
  ])("reads %s", (text, block) => {
    expect(parseIpAddressBlock(text)).toEqual(block);
  });

  it.each([
    "203.0.113.0/33",
    "203.0.113.0/",
    "203.0.113.0/x",
    "203.0.113.0/-1",
    "2001:db8::/129",
    "2001:db8::/1/2",
    "/24",
    "soon",
    "fe80::/10%eth0",
  ])("refuses %s", (text) => {
    expect(parseIpAddressBlock(text)).toBeUndefined();
  });
});

describe("isIpAddressInBlock", () => {
  it.each([
    ["203.0.113.7", "203.0.113.0/24", true],
    ["203.0.114.7", "203.0.113.0/24", false],
    ["203.0.113.7", "203.0.113.7", true],
    ["203.0.113.8", "203.0.113.7", false],
    ["203.0.113.200", "203.0.113.7/24", true],
    ["10.1.2.3", "0.0.0.0/0", true],
    ["192.168.1.130", "192.168.1.128/25", true],
    ["192.168.1.127", "192.168.1.128/25", false],
    ["203.0.113.7", "203.0.113.0/33", false],
    ["::1", "::1/128", true],
    ["::2", "::1/128", false],
    ["::1", "::1", true],
    ["2001:db8:1234::7", "2001:db8::/32", true],
    ["2001:0DB8:ffff:0:0:0:0:1", "2001:db8::/32", true],
    ["2001:db9::1", "2001:db8::/32", false],
    ["2001:db8:1234:5678::1", "2001:DB8:1234:5678::/64", true],
    ["2001:db8:1234:5679::1", "2001:DB8:1234:5678::/64", false],
    ["2001:db8::1", "::/0", true],
    // The families never mix: ::/0 is not every IPv4 address, 0.0.0.0/0 not every IPv6 address.
    ["203.0.113.7", "::/0", false],
    ["2001:db8::1", "0.0.0.0/0", false],
    // IPv4-mapped addresses are their IPv4 address, on either side.
    ["::ffff:203.0.113.7", "203.0.113.0/24", true],
    ["::ffff:203.0.113.7", "198.51.100.0/24", false],
    ["203.0.113.7", "::ffff:203.0.113.0/120", true],
    ["::ffff:203.0.113.7", "::ffff:203.0.113.7", true],
    ["not an address", "0.0.0.0/0", false],
  ])("places %s in %s: %s", (address, block, expected) => {
    expect(isIpAddressInBlock(address, block)).toBe(expected);
  });
});

describe("properties", () => {
  it("every IPv4 and IPv6 address fast-check writes is read, and lies in its own block", () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV6()), (text) => {
        const ip = parseIpAddress(text);
        expect(ip).toBeDefined();
        expect(isIpAddressInBlock(text, text)).toBe(true);
        expect(isIpAddressInBlock(text, ip?.kind === "ipv4" ? "0.0.0.0/0" : "::/0")).toBe(true);
        expect(parseIpAddress(ip?.address ?? "")).toEqual(ip);
      }),
    );
  });
});
