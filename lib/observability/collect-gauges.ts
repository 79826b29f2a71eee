import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env";
import { getMetrics } from "./metrics";
import { processLoad } from "./process-heartbeat";

/** Sets the gauges read at scrape time: this process's IMAP pool and watchers, and the active
 * sessions in the shared database. A database that does not answer leaves that gauge as it was. */
export async function collectGauges(now = new Date()): Promise<void> {
  const metrics = getMetrics();
  const load = processLoad();
  metrics.imapPoolConnections.set(load.imapConnections);
  metrics.imapPoolMax.set(load.imapMax);
  metrics.liveWatchers.set(load.liveWatchers);
  const since = new Date(now.getTime() - getConfig().SESSION_IDLE_MINUTES * 60_000);
  const active = await getDb()
    .session.count({ where: { lastSeenAt: { gte: since } } })
    .catch(() => null);
  if (active !== null) metrics.sessionsActive.set(active);
}
