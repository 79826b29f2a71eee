import { getConfig } from "@/lib/env";
import { collectGauges } from "@/lib/observability/collect-gauges";
import { mayReadMetrics } from "@/lib/observability/metrics-access";
import { getMetrics } from "@/lib/observability/metrics";
import { RELAYED_HEADER } from "@/lib/observability/observe-request";

/** Prometheus metrics of this process (lib/observability/metrics.ts): for a scraper on this
 * machine, or one that presents METRICS_TOKEN as a bearer token. */
export async function GET(req: Request): Promise<Response> {
  const config = getConfig();
  const allowed = mayReadMetrics({
    clientIp: req.headers.get("x-postern-client-ip"),
    authorization: req.headers.get("authorization"),
    // Absent when server.mjs did not observe the request: then it counts as relayed.
    forwarded: req.headers.get(RELAYED_HEADER) !== "0",
    trustProxy: config.TRUST_PROXY,
    token: config.METRICS_TOKEN,
  });
  if (!allowed) {
    return new Response("Metrics are available from this machine, or with the metrics token.\n", {
      status: 401,
      headers: { "WWW-Authenticate": 'Bearer realm="metrics"', "Cache-Control": "no-store", "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  await collectGauges();
  const { registry } = getMetrics();
  return new Response(await registry.metrics(), { headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" } });
}

export const dynamic = "force-dynamic";
