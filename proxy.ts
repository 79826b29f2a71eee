// Runs before every page request: a fresh nonce and the Content-Security-Policy carrying it.
// Next reads the nonce from the request's CSP header while rendering and puts it on its own
// scripts, so pages must render per request (they do: every page reads the session cookie).
import { NextResponse, type NextRequest } from "next/server";
import { closedLinkWords } from "@/app/i18n/closed-link-words";
import { createNonce, pageContentPolicy } from "@/lib/http/security-headers";
import { TIME_ZONE_COOKIE } from "@/lib/i18n/time-zone";
import { CLOSED_LINK_POLICY, closedLinkDocument } from "@/lib/read-links/closed-link-document";
import { closedLink } from "@/lib/read-links/reveal-link";

// A read link's page (app/r/[token]): a spent, expired or withdrawn one answers 410 Gone, which
// only this layer can do (the App Router gives pages 200 or 404).
const READ_LINK_PATH = /^\/r\/([A-Za-z0-9_-]{22})$/;

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const readLink = request.method === "GET" ? READ_LINK_PATH.exec(request.nextUrl.pathname) : null;
  const closed = readLink ? await closedLink(readLink[1]) : null;
  if (closed) {
    return new NextResponse(closedLinkDocument(closed, closedLinkWords(closed, request.headers.get("accept-language"), request.cookies.get(TIME_ZONE_COOKIE)?.value)), {
      status: 410,
      headers: { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": CLOSED_LINK_POLICY, "Cache-Control": "no-store", "X-Robots-Tag": "noindex" },
    });
  }
  const nonce = createNonce();
  const policy = pageContentPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  // Where the reader was, for "sign in again and come back here" (auth.ts requireMailSession);
  // set here so that a client-sent header of that name never counts.
  headers.set("x-postern-path", request.nextUrl.pathname + request.nextUrl.search);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // API routes set their own headers (next.config.ts, the routes); static files need none.
      source: "/((?!api/|_next/static/|_next/image|favicon\\.svg).*)",
      // Prefetches fetch data, not documents: no policy, no nonce needed.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
