-- Each Postern process's heartbeat (issue 19): written every 30 s, so the admin page can show
-- sessions and IMAP pool use per process; rows not refreshed for a while are stale and hidden.
CREATE TABLE "ProcessHeartbeat" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "seenAt" DATETIME NOT NULL,
    "imapConnections" INTEGER NOT NULL DEFAULT 0,
    "imapMax" INTEGER NOT NULL DEFAULT 0,
    "liveWatchers" INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX "ProcessHeartbeat_seenAt_idx" ON "ProcessHeartbeat"("seenAt");
