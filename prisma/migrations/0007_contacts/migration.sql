-- CreateTable
CREATE TABLE "Contact" (
    "account" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "timesUsed" INTEGER NOT NULL DEFAULT 0,
    "lastUsedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("account", "address")
);

-- CreateIndex
CREATE INDEX "Contact_account_lastUsedAt_idx" ON "Contact"("account", "lastUsedAt");
