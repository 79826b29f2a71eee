-- CreateTable
CREATE TABLE "OutboxJob" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "sendAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3),
    "claimToken" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "messageId" TEXT NOT NULL,
    "draftFolder" TEXT NOT NULL,
    "draftUid" INTEGER NOT NULL,
    "credentials" TEXT,
    "payload" BYTEA,
    "acceptedAt" TIMESTAMP(3),
    "result" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "OutboxJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OutboxJob_dueAt_idx" ON "OutboxJob"("dueAt");

-- CreateIndex
CREATE INDEX "OutboxJob_finishedAt_idx" ON "OutboxJob"("finishedAt");
