/** Liveness: the process is up and answers HTTP. Depends on nothing else, so a load balancer or
 * supervisor restarts only a process that is really stuck. */
export function GET(): Response {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}

export const dynamic = "force-dynamic";
