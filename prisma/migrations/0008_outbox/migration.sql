-- CreateTable
CREATE TABLE "OutboxJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "sendAt" DATETIME NOT NULL,
    "dueAt" DATETIME,
    "claimToken" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "messageId" TEXT NOT NULL,
    "draftFolder" TEXT NOT NULL,
    "draftUid" INTEGER NOT NULL,
    "credentials" TEXT,
    "payload" BLOB,
    "acceptedAt" DATETIME,
    "result" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);

-- CreateIndex
CREATE INDEX "OutboxJob_dueAt_idx" ON "OutboxJob"("dueAt");

-- CreateIndex
CREATE INDEX "OutboxJob_finishedAt_idx" ON "OutboxJob"("finishedAt");
