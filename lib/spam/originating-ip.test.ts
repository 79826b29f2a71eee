import { describe, expect, it } from "vitest";
import { dnsblQueryName, originatingIp } from "./originating-ip";

const withReceived = (...received: string[]) => ({ headers: received.map((value) => ({ name: "Received", value })), text: "", html: null, attachments: [] });

describe("originatingIp", () => {
  it("is the first outside address in the trusted chain, read from the top", () => {
    const m = withReceived(
      "from mx.isp.example (mx.isp.example [10.0.0.5]) by mail.example.test with LMTP; Mon, 2 Mar 2026 10:00:02 +0000",
      "from sender.example (unknown [192.0.2.99]) by mx.isp.example with ESMTP id 1; Mon, 2 Mar 2026 10:00:01 +0000",
      "from forged.example ([203.0.113.7]) by sender.example; Mon, 2 Mar 2026 10:00:00 +0000",
    );
    // 10.0.0.5 is the receiving side's own relay; below 192.0.2.99 nothing can be trusted
    expect(originatingIp(m)).toBe("192.0.2.99");
  });

  it("is null for local mail or a chain without addresses", () => {
    expect(originatingIp(withReceived("from localhost ([127.0.0.1]) by mail.example.test; Mon, 2 Mar 2026 10:00:00 +0000"))).toBeNull();
    expect(originatingIp(withReceived("by mail.example.test with LMTP id x; Mon, 2 Mar 2026 10:00:00 +0000"))).toBeNull();
    expect(originatingIp(withReceived())).toBeNull();
  });

  it("names the DNSBL query with the octets reversed (RFC 5782); IPv6 is not asked", () => {
    expect(dnsblQueryName("192.0.2.99", "bl.test")).toBe("99.2.0.192.bl.test");
    expect(dnsblQueryName("2001:db8::1", "bl.test")).toBeNull();
  });
});
