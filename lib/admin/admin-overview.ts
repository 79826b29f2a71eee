import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env";
import { listLiveProcesses, type LiveProcess } from "@/lib/observability/process-heartbeat";
import { listLockouts, type Lockout } from "./lockouts";
import { readLinkStatistics, spamStatistics, type ReadLinkStatistics, type SpamStatistics } from "./usage-statistics";

export type AdminOverview = {
  sessionsActive: number;
  processes: LiveProcess[];
  lockouts: Lockout[];
  readLinks: ReadLinkStatistics;
  spam: SpamStatistics;
};

/** Everything the admin page shows, from the shared database and this process's memory. */
export async function adminOverview(now = new Date()): Promise<AdminOverview> {
  const since = new Date(now.getTime() - getConfig().SESSION_IDLE_MINUTES * 60_000);
  const [sessionsActive, processes, lockouts, readLinks, spam] = await Promise.all([
    getDb().session.count({ where: { lastSeenAt: { gte: since } } }),
    listLiveProcesses(now),
    listLockouts(now.getTime()),
    readLinkStatistics(now),
    spamStatistics(),
  ]);
  return { sessionsActive, processes, lockouts, readLinks, spam };
}
