-- Issue 24: newsgroups beside mail.
-- CreateTable
CREATE TABLE "NewsServer" (
    "account" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "port" INTEGER NOT NULL,
    "security" TEXT NOT NULL,
    "sealedCredentials" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NewsServer_pkey" PRIMARY KEY ("account")
);

-- CreateTable
CREATE TABLE "NewsSubscription" (
    "account" TEXT NOT NULL,
    "group" TEXT NOT NULL,
    "readRanges" TEXT NOT NULL DEFAULT '',
    "low" INTEGER NOT NULL DEFAULT 0,
    "high" INTEGER NOT NULL DEFAULT 0,
    "unread" INTEGER NOT NULL DEFAULT 0,
    "subscribedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NewsSubscription_pkey" PRIMARY KEY ("account", "group")
);
