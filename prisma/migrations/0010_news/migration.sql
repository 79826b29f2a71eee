-- Issue 24: newsgroups beside mail.
-- CreateTable
CREATE TABLE "NewsServer" (
    "account" TEXT NOT NULL PRIMARY KEY,
    "host" TEXT NOT NULL,
    "port" INTEGER NOT NULL,
    "security" TEXT NOT NULL,
    "sealedCredentials" TEXT,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "NewsSubscription" (
    "account" TEXT NOT NULL,
    "group" TEXT NOT NULL,
    "readRanges" TEXT NOT NULL DEFAULT '',
    "low" INTEGER NOT NULL DEFAULT 0,
    "high" INTEGER NOT NULL DEFAULT 0,
    "unread" INTEGER NOT NULL DEFAULT 0,
    "subscribedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("account", "group")
);
