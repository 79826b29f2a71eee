// Runs once when the server process starts.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDb } = await import("./lib/db/client");
  // Applies pending migrations before the first request. A database that cannot be reached yet is
  // tried again on first use (/readyz tells the load balancer meanwhile).
  await getDb()
    .$connect()
    .catch((e) => console.error("[db] not ready at start:", e instanceof Error ? e.message : e));
  const { closeSessionsEndedElsewhere, endExpiredSessions } = await import("./lib/auth/sign-out");
  // Idle sessions are also refused on use; the sweep closes their IMAP connections promptly.
  setInterval(() => void endExpiredSessions().catch((e) => console.error("[sessions]", e)), 60_000).unref();
  // A session signed out on another process: its requests here are refused within
  // SESSION_CACHE_MS, and its IMAP connection here is closed within the same few seconds.
  const { SESSION_CACHE_MS } = await import("./lib/limits");
  setInterval(() => void closeSessionsEndedElsewhere().catch((e) => console.error("[sessions]", e)), SESSION_CACHE_MS).unref();
  const { purgeFailureCounts } = await import("./lib/http/failure-limiter");
  setInterval(() => void purgeFailureCounts().catch((e) => console.error("[limits]", e)), 3600_000).unref();
  const { purgeReadLinks } = await import("./lib/read-links/read-link-store");
  // Expired links' content goes within a minute of expiry (opening and revoking delete it at once).
  const purge = () => void purgeReadLinks().catch((e) => console.error("[read-links]", e));
  purge();
  setInterval(purge, 60_000).unref();
  const { getLogger } = await import("./lib/observability/logger");
  const { installRequestObserver } = await import("./lib/observability/observe-request");
  const { getConfig } = await import("./lib/env");
  // Request timing and logs: server.mjs calls the observer for every request.
  installRequestObserver(getConfig().TRUST_PROXY);
  // JSON for console.error/warn too (Postern's older log calls, Next's error reports); the
  // development server keeps its readable output.
  if (process.env.NODE_ENV === "production") {
    const { consoleToLog } = await import("./lib/observability/console-to-log");
    consoleToLog(getLogger);
  }
  const { startHeartbeat } = await import("./lib/observability/process-heartbeat");
  // This process's row for the admin page (sessions and IMAP pool use per process).
  startHeartbeat((e) => getLogger().warn({ where: "heartbeat", err: e }, "heartbeat not recorded"));
  const { syncDueBooks } = await import("./lib/carddav/sync-due-books");
  // CardDAV address books, each synced by one process at a time (a lease in the database).
  setInterval(() => void syncDueBooks().catch((e) => console.error("[carddav]", e)), 60_000).unref();
  const { getOutboxWorker } = await import("./lib/outbox/outbox-worker");
  // Sends queued messages when due, including those of a process that died (lib/outbox).
  getOutboxWorker().start();
  const { startCollectSchedule } = await import("./lib/collect/collect-schedule");
  // POP3 collection for users with a live session, every few minutes (lib/collect).
  startCollectSchedule();
}
