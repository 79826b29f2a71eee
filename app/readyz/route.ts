import { checkReadiness } from "@/lib/health/readiness";

/** Readiness: 200 when the database, IMAP and SMTP all answer, else 503; per-dependency detail
 * either way, so an operator sees which one is down. */
export async function GET(): Promise<Response> {
  const readiness = await checkReadiness();
  return Response.json(
    { status: readiness.ready ? "ready" : "not ready", checks: readiness.checks },
    { status: readiness.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}

export const dynamic = "force-dynamic";
