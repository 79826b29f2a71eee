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

/** The device cookie (device-cookie.ts): long-lived, read only by the sign-in. */
export function deviceCookie(secure: boolean): { name: string; options: CookieOptions } {
  return { name: secure ? "__Host-postern.device" : "postern.device", options: options(secure) };
}

/** The cookie of a passkey-first sign-in whose password is still to come (pending-sign-in.ts). */
export function passkeyFirstCookie(secure: boolean): { name: string; options: CookieOptions } {
  return { name: secure ? "__Host-postern.passkey-first" : "postern.passkey-first", options: options(secure) };
}
