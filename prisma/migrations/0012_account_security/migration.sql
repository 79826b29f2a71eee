-- Identity verification: an address other than the login's is usable once its owner confirmed it.
ALTER TABLE "Identity" ADD COLUMN "verifiedAt" DATETIME;
ALTER TABLE "Identity" ADD COLUMN "verifyTokenHash" TEXT;
ALTER TABLE "Identity" ADD COLUMN "verifySentAt" DATETIME;
CREATE UNIQUE INDEX "Identity_verifyTokenHash_key" ON "Identity"("verifyTokenHash");

-- CreateTable
CREATE TABLE "TwoFactor" (
    "account" TEXT NOT NULL PRIMARY KEY,
    "secret" TEXT NOT NULL,
    "enabledAt" DATETIME,
    "lastStep" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "RecoveryCode" (
    "hash" TEXT NOT NULL PRIMARY KEY,
    "account" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "RecoveryCode_account_idx" ON "RecoveryCode"("account");

-- CreateTable
CREATE TABLE "SecondFactorThrottle" (
    "account" TEXT NOT NULL PRIMARY KEY,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" DATETIME,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
