/**
 * Where to go after signing in: only a path inside the mail app of this very origin. Anything else
 * (another host, "//evil.example", a backslash trick, a script URL) is refused, so the login form
 * cannot be turned into an open redirect.
 */
export function safeReturnPath(raw: unknown): string | null {
  if (typeof raw !== "string" || raw.length > 2000) return null;
  if (!/^\/mail(?:[/?#]|$)/.test(raw)) return null;
  if (/[\\\s]|^\/\/|\/\.\.(?:\/|$)/.test(raw)) return null;
  try {
    // a path that resolves elsewhere than itself on any origin is not one we wrote
    const url = new URL(raw, "http://postern.invalid");
    return url.origin === "http://postern.invalid" && url.pathname.startsWith("/mail") ? raw : null;
  } catch {
    return null;
  }
}
