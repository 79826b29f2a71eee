import { describe, expect, it } from "vitest";
import { deriveKey } from "@/lib/auth/secret-key";
import { csrfTokenFor, isValidCsrfToken } from "./csrf-token";

const key = deriveKey("csrf", Buffer.alloc(32, 1));

describe("csrfTokenFor", () => {
  it("is stable for a session and differs between sessions and keys", () => {
    expect(csrfTokenFor("session-a", key)).toBe(csrfTokenFor("session-a", key));
    expect(csrfTokenFor("session-a", key)).not.toBe(csrfTokenFor("session-b", key));
    expect(csrfTokenFor("session-a", key)).not.toBe(csrfTokenFor("session-a", deriveKey("csrf", Buffer.alloc(32, 2))));
    expect(csrfTokenFor("session-a", key)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("is not the session id, nor the image proxy's signature key at work", () => {
    expect(csrfTokenFor("session-a", key)).not.toContain("session-a");
    expect(csrfTokenFor("session-a", key)).not.toBe(csrfTokenFor("session-a", deriveKey("image-proxy", Buffer.alloc(32, 1))));
  });
});

describe("isValidCsrfToken", () => {
  const token = csrfTokenFor("session-a", key);
  it("accepts the session's own token only", () => {
    expect(isValidCsrfToken(token, "session-a", key)).toBe(true);
    expect(isValidCsrfToken(token, "session-b", key)).toBe(false);
    expect(isValidCsrfToken(null, "session-a", key)).toBe(false);
    expect(isValidCsrfToken("", "session-a", key)).toBe(false);
    expect(isValidCsrfToken("1", "session-a", key)).toBe(false);
    expect(isValidCsrfToken(token.slice(0, -1), "session-a", key)).toBe(false);
    expect(isValidCsrfToken(token + "x", "session-a", key)).toBe(false);
    expect(isValidCsrfToken(token.toUpperCase() === token ? token.toLowerCase() : token.toUpperCase(), "session-a", key)).toBe(false);
  });
});
