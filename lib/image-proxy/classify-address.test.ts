import { describe, expect, it } from "vitest";
import { classifyAddress, isAllowedTarget } from "./classify-address";

describe("classifyAddress", () => {
  it.each([
    ["8.8.8.8", "public"],
    ["1.1.1.1", "public"],
    ["93.184.216.34", "public"],
    ["100.63.255.255", "public"],
    ["100.128.0.0", "public"],
    ["172.15.255.255", "public"],
    ["172.32.0.0", "public"],
    ["192.167.255.255", "public"],
    ["169.253.255.255", "public"],
    ["223.255.255.255", "public"],
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "unspecified"],
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["10.0.0.1", "private"],
    ["10.255.255.255", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["100.64.0.1", "private"],
    ["100.127.255.255", "private"],
    ["169.254.169.254", "link-local"],
    ["169.254.0.1", "link-local"],
    ["224.0.0.1", "multicast"],
    ["239.255.255.250", "multicast"],
    ["240.0.0.1", "reserved"],
    ["255.255.255.255", "reserved"],
    ["192.0.2.1", "reserved"],
    ["198.18.0.1", "reserved"],
    ["203.0.113.9", "reserved"],
  ])("IPv4 %s is %s", (address, cls) => {
    expect(classifyAddress(address)).toBe(cls);
  });

  it.each([
    ["2606:4700:4700::1111", "public"],
    ["2a00:1450:4001:81b::200e", "public"],
    ["::", "unspecified"],
    ["0:0:0:0:0:0:0:0", "unspecified"],
    ["::1", "loopback"],
    ["0:0:0:0:0:0:0:1", "loopback"],
    ["fc00::1", "private"],
    ["fd12:3456:789a::1", "private"],
    ["fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "private"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["febf:ffff::1", "link-local"],
    ["fec0::1", "private"],
    ["ff02::1", "multicast"],
    ["ff05::1:3", "multicast"],
    ["2001:db8::1", "reserved"],
    ["2001:0::1", "reserved"],
    ["100::1", "reserved"],
    ["::7f00:1", "reserved"],
  ])("IPv6 %s is %s", (address, cls) => {
    expect(classifyAddress(address)).toBe(cls);
  });

  it.each([
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["0:0:0:0:0:ffff:7f00:0001", "loopback"],
    ["::FFFF:10.1.2.3", "private"],
    ["::ffff:a9fe:a9fe", "link-local"],
    ["::ffff:169.254.169.254", "link-local"],
    ["::ffff:192.168.0.1", "private"],
    ["::ffff:0.0.0.0", "unspecified"],
    ["::ffff:224.0.0.1", "multicast"],
    ["::ffff:8.8.8.8", "public"],
    ["64:ff9b::10.0.0.1", "private"],
    ["64:ff9b::7f00:1", "loopback"],
    ["64:ff9b::808:808", "public"],
    ["2002:7f00:1::1", "loopback"],
    ["2002:c0a8:0101::", "private"],
    ["2002:0808:0808::1", "public"],
  ])("an IPv4 address inside IPv6, %s, is judged as that IPv4 address: %s", (address, cls) => {
    expect(classifyAddress(address)).toBe(cls);
  });

  it.each(["", "localhost", "example.com", "1.2.3", "256.1.1.1", "::g", "1::2::3", "[::1]", "1.2.3.4.5"])("%j is no address", (text) => {
    expect(classifyAddress(text)).toBe("invalid");
  });
});

describe("isAllowedTarget", () => {
  it("allows public addresses only", () => {
    expect(isAllowedTarget("8.8.8.8")).toBe(true);
    expect(isAllowedTarget("2606:4700:4700::1111")).toBe(true);
    for (const a of ["127.0.0.1", "::1", "10.0.0.1", "::ffff:127.0.0.1", "169.254.169.254", "fd00::1", "not-an-ip"]) expect(isAllowedTarget(a)).toBe(false);
  });

  it("allows loopback, and nothing else private, when tests ask for it", () => {
    const tests = { allowLoopback: true };
    expect(isAllowedTarget("127.0.0.1", tests)).toBe(true);
    expect(isAllowedTarget("::1", tests)).toBe(true);
    expect(isAllowedTarget("::ffff:127.0.0.1", tests)).toBe(true);
    for (const a of ["10.0.0.1", "192.168.0.1", "169.254.169.254", "fe80::1", "fc00::1", "0.0.0.0", "::"]) expect(isAllowedTarget(a, tests)).toBe(false);
  });
});
