-- Identity verification: an address other than the login's is usable once its owner confirmed it.
ALTER TABLE "Identity" ADD COLUMN "verifiedAt" TIMESTAMP(3);
ALTER TABLE "Identity" ADD COLUMN "verifyTokenHash" TEXT;
ALTER TABLE "Identity" ADD COLUMN "verifySentAt" TIMESTAMP(3);
CREATE UNIQUE INDEX "Identity_verifyTokenHash_key" ON "Identity"("verifyTokenHash");

-- CreateTable
CREATE TABLE "TwoFactor" (
    "account" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "enabledAt" TIMESTAMP(3),
    "lastStep" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TwoFactor_pkey" PRIMARY KEY ("account")
);

-- CreateTable
CREATE TABLE "RecoveryCode" (
    "hash" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecoveryCode_pkey" PRIMARY KEY ("hash")
);

-- CreateIndex
CREATE INDEX "RecoveryCode_account_idx" ON "RecoveryCode"("account");

-- CreateTable
CREATE TABLE "SecondFactorThrottle" (
    "account" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SecondFactorThrottle_pkey" PRIMARY KEY ("account")
);
