// Auth.js (next-auth v5) glue: the Credentials provider checks the password by IMAP LOGIN
// (lib/auth/sign-in.ts); the encrypted, HttpOnly session cookie carries only a random token
// naming the server-side session record, which holds the encrypted IMAP credentials.
import crypto from "node:crypto";
import NextAuth, { CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { cache } from "react";
import { redirect } from "next/navigation";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { authCookieConfig, deviceCookie } from "@/lib/auth/auth-cookies";
import { deriveKey } from "@/lib/auth/secret-key";
import type { MailSession } from "@/lib/auth/session-store";
import { openPassedSignIn } from "@/lib/auth/pending-sign-in";
import { checkPassword, startSession } from "@/lib/auth/sign-in";
import { cookieFromHeader } from "@/lib/auth/device-cookie";
import { alertIfNewBrowser } from "@/lib/auth/sign-in-alert";
import { sayAlertFor } from "@/app/i18n/sign-in-alert-words";
import { secondStepFor } from "@/lib/two-factor/second-step";
import { RecentValues } from "@/lib/auth/recent-sessions";
import { resumeSession } from "@/lib/auth/resume-session";
import { signOut as endSession } from "@/lib/auth/sign-out";
import { getConfig } from "@/lib/env";
import { isPosternError } from "@/lib/http/errors";
import { isHttpsRequest } from "@/lib/http/request-origin";
import { safeReturnPath } from "@/lib/http/return-path";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import { SESSION_TOKEN_CACHE_MS } from "@/lib/limits";

/** Codes surfaced to the sign-in form; the form maps them to sentences. */
export type SignInErrorCode = "invalid_credentials" | "imap_unavailable" | "rate_limited" | "bad_request" | "second_factor";

class SignInFailure extends CredentialsSignin {
  constructor(code: SignInErrorCode) {
    super();
    this.code = code;
  }
}

const signInSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});

declare module "next-auth" {
  interface Session {
    /** Server-only: stripped from /api/auth/session (see app/api/auth/[...nextauth]/route.ts). */
    sid?: string;
  }
}

/** The request's headers: Auth.js hands its config function the request only in route handlers. */
async function currentHeaders(req: Request | undefined): Promise<Headers> {
  if (req) return req.headers;
  try {
    return new Headers(await headers());
  } catch {
    return new Headers(); // outside a request: plain HTTP, the safe assumption for names
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth(async (req) => ({
  secret: getConfig().AUTH_SECRET ?? deriveKey("authjs").toString("hex"),
  trustHost: true,
  // Secure, __Host- cookies whenever the browser reaches Postern over HTTPS (lib/auth/auth-cookies.ts).
  ...authCookieConfig(isHttpsRequest(await currentHeaders(req))),
  pages: { signIn: "/login", error: "/login" },
  // The cookie outlives the idle timeout; the server-side record decides (lib/auth/session-store.ts).
  session: { strategy: "jwt", maxAge: 7 * 24 * 3600 },
  logger: { error: (e) => { if (!(e instanceof CredentialsSignin)) console.error("[auth]", e); } },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      // Either a password, for an account without a second factor, or the ticket of a sign-in whose
      // second factor was just passed, by code or passkey, or that began with a passkey
      // (app/login/verify/actions.ts, app/login/passkey-actions.ts; lib/auth/pending-sign-in.ts).
      async authorize(raw, request) {
        const deviceCookieValue = cookieFromHeader(request.headers.get("cookie"), deviceCookie(isHttpsRequest(request.headers)).name);
        const client = { clientIp: request.headers.get("x-postern-client-ip"), userAgent: request.headers.get("user-agent"), deviceCookie: deviceCookieValue };
        try {
          const ticket = (raw as Record<string, unknown> | undefined)?.ticket;
          let checked;
          if (typeof ticket === "string") {
            const passed = openPassedSignIn(ticket);
            if (!passed) throw new SignInFailure("bad_request");
            checked = await checkPassword({ email: passed.email, password: passed.pass, ...client });
          } else {
            const parsed = signInSchema.safeParse(raw);
            if (!parsed.success) throw new SignInFailure("bad_request");
            checked = await checkPassword({ email: parsed.data.email, password: parsed.data.password, ...client });
            // The sign-in form sends such accounts to the second step first; a password posted
            // straight to Auth.js's endpoint must not skip it.
            if (await secondStepFor(checked.email)) {
              await checked.client.logout().catch(() => undefined);
              throw new SignInFailure("second_factor");
            }
          }
          // A browser that has not signed in to this account before: the alert, if asked for, on
          // the connection just opened (before the session takes it over).
          await alertIfNewBrowser(checked.client, { account: checked.email, at: new Date(), ...client }, sayAlertFor(request.headers.get("accept-language")));
          const { token, session } = await startSession(checked, client);
          return { id: token, email: session.email };
        } catch (e) {
          if (isPosternError(e)) {
            if (e.code === "INVALID_CREDENTIALS") throw new SignInFailure("invalid_credentials");
            if (e.code === "RATE_LIMITED") throw new SignInFailure("rate_limited");
            if (e.code === "IMAP_UNAVAILABLE") throw new SignInFailure("imap_unavailable");
          }
          throw e;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.sid = user.id;
        token.sub = user.email ?? undefined;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, sid: typeof token.sid === "string" ? token.sid : undefined };
    },
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await endSession(sid);
    },
  },
}));

/** Session tokens by a hash of the request's Cookie header, for SESSION_TOKEN_CACHE_MS: decrypting
 * Auth.js's JWE on every request would cost more than the session lookup it leads to. The session
 * itself is still checked each time (resumeSession), so signing out takes effect at once. */
const tokenByCookie = new RecentValues<string>(SESSION_TOKEN_CACHE_MS);

async function sessionToken(): Promise<string | undefined> {
  const cookie = (await headers()).get("cookie");
  const key = cookie?.includes("session-token") ? crypto.createHash("sha256").update(cookie).digest("base64url") : null;
  const known = key ? tokenByCookie.get(key) : undefined;
  if (known) return known;
  const sid = (await auth())?.sid;
  if (sid && key) tokenByCookie.set(key, sid);
  return sid;
}

/** resumeSession once per server render, however many parts of the page (layout, page, language)
 * ask; route handlers and server actions are outside a render and read each time. */
const resumeSessionOnce = cache(resumeSession);

/** The signed-in user's live mail session, or null (no cookie, idle timeout, unknown session). */
export async function getMailSession(): Promise<MailSession | null> {
  const sid = await sessionToken();
  if (!sid) return null;
  return resumeSessionOnce(sid);
}

/** The sign-in page, saying why, and coming back to the page that asked once signed in. */
export async function loginUrl(reason: "expired" | null): Promise<string> {
  const next = safeReturnPath((await headers()).get("x-postern-path"));
  const query = new URLSearchParams({ ...(reason ? { reason } : {}), ...(next && next !== "/mail" ? { next } : {}) }).toString();
  return query ? `/login?${query}` : "/login";
}

/** For pages: the live session as an IMAP identity, or a redirect to sign-in (saying why). */
export async function requireMailSession(): Promise<MailSession & { imap: ImapIdentity }> {
  const sid = await sessionToken();
  if (!sid) redirect(await loginUrl(null));
  const mail = await resumeSessionOnce(sid);
  if (!mail) redirect(await loginUrl("expired"));
  return { ...mail, imap: toImapIdentity(mail) };
}

export function toImapIdentity(s: MailSession): ImapIdentity {
  return { sessionId: s.id, credentials: s.credentials, clientIp: s.clientIp };
}
