import { describe, expect, it } from "vitest";
import { isIpv4InCidr, parseIpv4, parseIpv4Cidr } from "./ip-address.js";

describe("parseIpv4", () => {
  it.each([
    ["0.0.0.0", 0],
    ["255.255.255.255", 4_294_967_295],
    ["203.0.113.7", 3_405_803_783],
  ])("reads %s", (text, value) => {
    expect(parseIpv4(text)).toBe(value);
  });

  it.each(["256.0.0.1", "1.2.3", "01.2.3.4", "::1", "a.b.c.d", ""])("refuses %s", (text) => {
    expect(parseIpv4(text)).toBeUndefined();
  });
});

describe("isIpv4InCidr", () => {
  it.each([
    ["203.0.113.7", "203.0.113.0/24", true],
    ["203.0.114.7", "203.0.113.0/24", false],
    ["203.0.113.7", "203.0.113.7", true],
    ["203.0.113.8", "203.0.113.7", false],
    ["10.1.2.3", "0.0.0.0/0", true],
    ["192.168.1.130", "192.168.1.128/25", true],
    ["192.168.1.127", "192.168.1.128/25", false],
    ["203.0.113.7", "203.0.113.0/33", false],
    ["::1", "::1/128", false],
  ])("places %s in %s: %s", (address, cidr, expected) => {
    expect(isIpv4InCidr(address, cidr)).toBe(expected);
  });
});

describe("parseIpv4Cidr", () => {
  it.each([
    ["203.0.113.0/24", { base: 3_405_803_776, prefix: 24 }],
    ["203.0.113.7", { base: 3_405_803_783, prefix: 32 }],
    ["0.0.0.0/0", { base: 0, prefix: 0 }],
  ])("reads %s", (text, block) => {
    expect(parseIpv4Cidr(text)).toEqual(block);
  });

  it.each(["203.0.113.0/33", "203.0.113.0/", "203.0.113.0/x", "::1/128", "soon"])("refuses %s", (text) => {
    expect(parseIpv4Cidr(text)).toBeUndefined();
  });
});
