-- CreateTable
CREATE TABLE "ReadLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "senderName" TEXT NOT NULL DEFAULT '',
    "senderAddress" TEXT NOT NULL,
    "sealedSubject" BLOB,
    "senderSubject" TEXT NOT NULL,
    "ciphertext" BLOB,
    "size" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "openedAt" DATETIME,
    "openedAgent" TEXT,
    "openedIp" TEXT,
    "revokedAt" DATETIME,
    "notifiedAt" DATETIME,
    "inboxNoticeAt" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "ReadLink_tokenHash_key" ON "ReadLink"("tokenHash");

-- CreateIndex
CREATE INDEX "ReadLink_account_createdAt_idx" ON "ReadLink"("account", "createdAt");

-- CreateIndex
CREATE INDEX "ReadLink_account_messageId_idx" ON "ReadLink"("account", "messageId");

-- CreateIndex
CREATE INDEX "ReadLink_expiresAt_idx" ON "ReadLink"("expiresAt");
