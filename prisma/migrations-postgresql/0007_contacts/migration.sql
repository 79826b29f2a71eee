-- CreateTable
CREATE TABLE "Contact" (
    "account" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "timesUsed" INTEGER NOT NULL DEFAULT 0,
    "lastUsedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Contact_pkey" PRIMARY KEY ("account", "address")
);

-- CreateIndex
CREATE INDEX "Contact_account_lastUsedAt_idx" ON "Contact"("account", "lastUsedAt");
