import { describe, expect, it } from "vitest";
import { agentFamily } from "./agent-family";
import { canOpen, canRevoke, closedLinkSentence, linkState } from "./link-state";
import { hashLinkToken, isLinkToken, newLinkToken } from "./link-token";

const t = (iso: string) => new Date(iso);
const waiting = { expiresAt: t("2026-12-01T00:00:00Z"), openedAt: null, revokedAt: null };

describe("read link state machine", () => {
  it("is waiting until it expires", () => {
    expect(linkState(waiting, t("2026-11-30T23:59:59Z"))).toBe("waiting");
    expect(linkState(waiting, t("2026-12-01T00:00:00Z"))).toBe("expired");
  });

  it("waiting → opened is final, also past the expiry", () => {
    const opened = { ...waiting, openedAt: t("2026-11-24T10:00:00Z") };
    expect(linkState(opened, t("2026-11-25T00:00:00Z"))).toBe("opened");
    expect(linkState(opened, t("2027-01-01T00:00:00Z"))).toBe("opened");
    expect(canOpen(opened, t("2026-11-25T00:00:00Z"))).toBe(false);
    expect(canRevoke(opened, t("2026-11-25T00:00:00Z"))).toBe(false);
  });

  it("waiting → revoked is final", () => {
    const revoked = { ...waiting, revokedAt: t("2026-11-24T10:00:00Z") };
    expect(linkState(revoked, t("2026-11-25T00:00:00Z"))).toBe("revoked");
    expect(linkState(revoked, t("2027-01-01T00:00:00Z"))).toBe("revoked");
    expect(canOpen(revoked, t("2026-11-25T00:00:00Z"))).toBe(false);
  });

  it("only a waiting link can be opened or revoked", () => {
    expect(canOpen(waiting, t("2026-11-25T00:00:00Z"))).toBe(true);
    expect(canRevoke(waiting, t("2026-11-25T00:00:00Z"))).toBe(true);
    expect(canOpen(waiting, t("2026-12-02T00:00:00Z"))).toBe(false);
  });

  it("says what happened, with the date", () => {
    expect(closedLinkSentence("opened", "24 Nov 2026")).toMatch(/opened on 24 Nov 2026/);
    expect(closedLinkSentence("expired", "1 Dec 2026")).toMatch(/expired on 1 Dec 2026/);
    expect(closedLinkSentence("revoked", "24 Nov 2026")).toMatch(/withdrew/);
  });
});

describe("link tokens", () => {
  it("are 128 random bits in 22 base64url characters", () => {
    const a = newLinkToken();
    expect(isLinkToken(a)).toBe(true);
    expect(newLinkToken()).not.toBe(a);
    expect(isLinkToken(`${a}x`)).toBe(false);
    expect(isLinkToken("../../etc/passwd......")).toBe(false);
  });

  it("are stored only as SHA-256", () => {
    expect(hashLinkToken("AAAAAAAAAAAAAAAAAAAAAA")).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("agent family", () => {
  it("keeps the browser and platform only", () => {
    expect(agentFamily("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0")).toBe("Firefox on Linux");
    expect(agentFamily("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1")).toBe("Safari on iOS");
    expect(agentFamily("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0")).toBe("Edge on Windows");
    expect(agentFamily("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36")).toBe("Chrome on Android");
    expect(agentFamily("curl/8.5.0")).toBe("a script");
    expect(agentFamily("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0.0.0 Safari/537.36")).toBe("headless Chrome on Linux");
    expect(agentFamily(null)).toBe("an unknown browser");
  });
});
