import type { NextRequest } from "next/server";
import { handlers } from "@/auth";

export const POST = handlers.POST;

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
