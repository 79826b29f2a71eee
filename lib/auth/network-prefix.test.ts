import { describe, expect, it } from "vitest";
import { networkPrefix } from "./network-prefix";

describe("networkPrefix", () => {
  it("keeps an IPv4 address's /24 and an IPv6 address's /48", () => {
    expect(networkPrefix("203.0.113.77")).toBe("203.0.113.x");
    expect(networkPrefix("::ffff:198.51.100.4")).toBe("198.51.100.x");
    expect(networkPrefix("2001:db8:1:2::5")).toBe("2001:db8:1::/48");
    expect(networkPrefix("2001:db8::1")).toBe("2001:db8:0::/48");
    expect(networkPrefix("::1")).toBe("0:0:0::/48");
  });

  it("says nothing for what is not an address", () => {
    expect(networkPrefix(null)).toBeNull();
    expect(networkPrefix("unknown")).toBeNull();
    expect(networkPrefix("1.2.3.4\r\nX: y")).toBeNull();
  });
});
