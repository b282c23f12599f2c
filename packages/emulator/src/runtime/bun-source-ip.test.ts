import { describe, expect, it } from "vitest";
import { bunSourceIp } from "./bun-source-ip.js";

describe("bunSourceIp", () => {
  const request = new Request("http://x/");
  const server = (address: string | null) => ({
    requestIP: () => (address === null ? null : { address, family: "IPv6", port: 1 }),
  });
  it.each([
    ["192.0.2.7", "192.0.2.7"],
    ["::ffff:192.0.2.7", "192.0.2.7"],
    ["2001:db8::7", "2001:db8::7"],
    [null, undefined],
  ])("gives %s as %s", (address, expected) => {
    expect(bunSourceIp(request, server(address))).toBe(expected);
  });

  it("is undefined when env is not Bun's server", () => {
    expect(bunSourceIp(request, undefined)).toBeUndefined();
    expect(bunSourceIp(request, { SOME_BINDING: "x" })).toBeUndefined();
  });
});
