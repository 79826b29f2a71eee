import { describe, expect, it } from "vitest";
import { chooseRequestId } from "./request-id";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("chooseRequestId", () => {
  it("takes a trusted proxy's id (nginx's $request_id)", () => {
    expect(chooseRequestId("0123456789abcdef0123456789abcdef", 1)).toBe("0123456789abcdef0123456789abcdef");
  });

  it("ignores a client's own id when no proxy is trusted", () => {
    expect(chooseRequestId("planted-by-client", 0)).toMatch(UUID);
  });

  it("refuses ids that could forge log lines or headers, even from a proxy", () => {
    expect(chooseRequestId('abc"\n{"level":"error"}', 1)).toMatch(UUID);
    expect(chooseRequestId("x".repeat(500), 1)).toMatch(UUID);
    expect(chooseRequestId("short", 1)).toMatch(UUID);
  });

  it("makes a fresh id for each request without one", () => {
    expect(chooseRequestId(undefined, 1)).not.toBe(chooseRequestId(undefined, 1));
  });
});
