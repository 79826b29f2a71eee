import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { isOwnOrigin } from "@/lib/http/same-origin";
import { jsonError } from "@/lib/http/json-error";

/**
 * Auth.js's own sign-in and sign-out endpoints (the login form uses the server action instead).
 * Their CSRF token is a cookie plus the same value in the form, and a same-site page can set
 * cookies for Postern's host; so they get the strict Origin check of the sign-in action too.
 */
export async function POST(req: NextRequest): Promise<Response> {
  if (!isOwnOrigin(req.headers)) return jsonError(403, "FORBIDDEN", "This request did not come from a Postern page.");
  return handlers.POST(req);
}

/** Auth.js routes, except that the session endpoint never shows the browser its session token. */
export async function GET(req: NextRequest): Promise<Response> {
  const res = await handlers.GET(req);
  if (!req.nextUrl.pathname.endsWith("/session") || !res.ok) return res;
  const body = (await res.json()) as Record<string, unknown> | null;
  if (body) delete body.sid;
  const headers = new Headers(res.headers);
  headers.delete("content-length");
  return new Response(JSON.stringify(body), { status: res.status, headers });
}
