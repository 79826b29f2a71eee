import { describe, expect, it } from "vitest";
import { mayReadMetrics, type MetricsRequest } from "./metrics-access";

const TOKEN = "a-long-metrics-token-0123456789";
const base: MetricsRequest = { clientIp: "127.0.0.1", authorization: null, forwarded: false, trustProxy: 0, token: undefined };

describe("mayReadMetrics", () => {
  it("lets a scraper on this machine in without a token", () => {
    expect(mayReadMetrics(base)).toBe(true);
    expect(mayReadMetrics({ ...base, clientIp: "::1" })).toBe(true);
  });

  it("refuses another machine without the token", () => {
    expect(mayReadMetrics({ ...base, clientIp: "203.0.113.7" })).toBe(false);
    expect(mayReadMetrics({ ...base, clientIp: "203.0.113.7", token: TOKEN })).toBe(false);
    expect(mayReadMetrics({ ...base, clientIp: null })).toBe(false);
  });

  it("lets another machine in with the right bearer token only", () => {
    const remote = { ...base, clientIp: "203.0.113.7", token: TOKEN };
    expect(mayReadMetrics({ ...remote, authorization: `Bearer ${TOKEN}` })).toBe(true);
    expect(mayReadMetrics({ ...remote, authorization: `Bearer ${TOKEN}x` })).toBe(false);
    expect(mayReadMetrics({ ...remote, authorization: `Basic ${TOKEN}` })).toBe(false);
    expect(mayReadMetrics({ ...remote, authorization: "Bearer " })).toBe(false);
  });

  it("does not take a local proxy's relayed request for a local one", () => {
    // nginx on this machine, TRUST_PROXY unset: the socket is loopback, the client is not.
    expect(mayReadMetrics({ ...base, forwarded: true })).toBe(false);
    // With TRUST_PROXY set, server.mjs already resolved the client's own address.
    expect(mayReadMetrics({ ...base, forwarded: true, trustProxy: 1 })).toBe(true);
    expect(mayReadMetrics({ ...base, clientIp: "198.51.100.1", forwarded: true, trustProxy: 1 })).toBe(false);
  });
});
