import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env";
import { getPool } from "@/lib/imap/session-pool";
import { getWatchRegistry } from "@/lib/live/watch-registry";
import { processIdentity } from "./process-identity";

/** How often each process writes its row. */
export const HEARTBEAT_INTERVAL_MS = 30_000;
/** A row older than this belongs to a process that stopped (three missed beats). */
export const HEARTBEAT_STALE_MS = 3 * HEARTBEAT_INTERVAL_MS;
/** Rows of processes gone this long are deleted. */
const HEARTBEAT_FORGET_MS = 24 * 60 * 60 * 1000;

export type ProcessLoad = { imapConnections: number; imapMax: number; liveWatchers: number };

/** What this process holds right now (in memory: IMAP connections are per process). */
export function processLoad(): ProcessLoad {
  return { imapConnections: getPool().size, imapMax: getConfig().IMAP_MAX_CONNECTIONS, liveWatchers: getWatchRegistry().size };
}

/** Writes this process's row in the shared database, and drops rows of long-gone processes. */
export async function recordHeartbeat(now = new Date()): Promise<void> {
  const me = processIdentity();
  const load = processLoad();
  const db = getDb();
  await db.processHeartbeat.upsert({
    where: { id: me.id },
    create: { id: me.id, host: me.host, pid: me.pid, startedAt: me.startedAt, seenAt: now, ...load },
    update: { seenAt: now, ...load },
  });
  await db.processHeartbeat.deleteMany({ where: { seenAt: { lt: new Date(now.getTime() - HEARTBEAT_FORGET_MS) } } });
}

export type LiveProcess = ProcessLoad & { id: string; host: string; pid: number; startedAt: Date; seenAt: Date; current: boolean };

/** Processes that wrote a heartbeat within HEARTBEAT_STALE_MS, this one first with its load as of now. */
export async function listLiveProcesses(now = new Date()): Promise<LiveProcess[]> {
  const me = processIdentity();
  const rows = await getDb().processHeartbeat.findMany({
    where: { seenAt: { gte: new Date(now.getTime() - HEARTBEAT_STALE_MS) } },
    orderBy: [{ host: "asc" }, { pid: "asc" }],
  });
  const others = rows.filter((r) => r.id !== me.id).map((r) => ({ ...r, current: false }));
  const mine = rows.find((r) => r.id === me.id);
  return [{ id: me.id, host: me.host, pid: me.pid, startedAt: me.startedAt, seenAt: mine?.seenAt ?? now, ...processLoad(), current: true }, ...others];
}

/** Beats now and every HEARTBEAT_INTERVAL_MS (instrumentation.ts); a failed beat is retried at the next. */
export function startHeartbeat(onError: (e: unknown) => void): void {
  const beat = () => void recordHeartbeat().catch(onError);
  beat();
  setInterval(beat, HEARTBEAT_INTERVAL_MS).unref();
}
