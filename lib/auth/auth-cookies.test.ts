import { describe, expect, it } from "vitest";
import { authCookieConfig, pendingSignInCookie } from "./auth-cookies";

describe("authCookieConfig", () => {
  it("over HTTPS: Secure cookies, the session one __Host- prefixed (path /, no domain)", () => {
    const c = authCookieConfig(true);
    expect(c.useSecureCookies).toBe(true);
    expect(c.cookies.sessionToken).toEqual({ name: "__Host-authjs.session-token", options: { httpOnly: true, sameSite: "lax", path: "/", secure: true } });
    expect(pendingSignInCookie(true)).toMatchObject({ name: "__Host-postern.pending-sign-in", options: { secure: true, path: "/" } });
  });

  it("over plain HTTP: no Secure flag and no prefix, which browsers would refuse there", () => {
    expect(authCookieConfig(false)).toEqual({ useSecureCookies: false, cookies: {} });
    expect(pendingSignInCookie(false)).toMatchObject({ name: "postern.pending-sign-in", options: { secure: false } });
  });
});
