-- CreateTable
CREATE TABLE "ReadLink" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "senderName" TEXT NOT NULL DEFAULT '',
    "senderAddress" TEXT NOT NULL,
    "sealedSubject" BYTEA,
    "senderSubject" TEXT NOT NULL,
    "ciphertext" BYTEA,
    "size" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "openedAt" TIMESTAMP(3),
    "openedAgent" TEXT,
    "openedIp" TEXT,
    "revokedAt" TIMESTAMP(3),
    "notifiedAt" TIMESTAMP(3),
    "inboxNoticeAt" TIMESTAMP(3),

    CONSTRAINT "ReadLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReadLink_tokenHash_key" ON "ReadLink"("tokenHash");

-- CreateIndex
CREATE INDEX "ReadLink_account_createdAt_idx" ON "ReadLink"("account", "createdAt");

-- CreateIndex
CREATE INDEX "ReadLink_account_messageId_idx" ON "ReadLink"("account", "messageId");

-- CreateIndex
CREATE INDEX "ReadLink_expiresAt_idx" ON "ReadLink"("expiresAt");
