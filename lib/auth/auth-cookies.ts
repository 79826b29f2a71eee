// Cookie names and flags. Over HTTPS every cookie Postern sets is Secure and, where the browser
// allows it, __Host- prefixed: such a cookie cannot be set by a sibling subdomain or by plain
// HTTP, nor scoped to another path. Over plain HTTP (the lab, a trial on localhost) browsers
// refuse both, so the plain names are used there.

type CookieOptions = { httpOnly: true; sameSite: "lax"; path: "/"; secure: boolean };

const options = (secure: boolean): CookieOptions => ({ httpOnly: true, sameSite: "lax", path: "/", secure });

/** Auth.js's cookie settings: its own secure defaults (__Secure-/__Host-), and __Host- for the
 * session cookie too, which Auth.js would only give __Secure-. */
export function authCookieConfig(secure: boolean) {
  return {
    useSecureCookies: secure,
    cookies: secure ? { sessionToken: { name: "__Host-authjs.session-token", options: options(true) } } : {},
  };
}

/** The cookie that carries a half-finished sign-in (password checked, second factor not yet). */
export function pendingSignInCookie(secure: boolean): { name: string; options: CookieOptions } {
  return { name: secure ? "__Host-postern.pending-sign-in" : "postern.pending-sign-in", options: options(secure) };
}
