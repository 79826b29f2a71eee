// Runs before every page request: a fresh nonce and the Content-Security-Policy carrying it.
// Next reads the nonce from the request's CSP header while rendering and puts it on its own
// scripts, so pages must render per request (they do: every page reads the session cookie).
import { NextResponse, type NextRequest } from "next/server";
import { createNonce, pageContentPolicy } from "@/lib/http/security-headers";

export function proxy(request: NextRequest): NextResponse {
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
