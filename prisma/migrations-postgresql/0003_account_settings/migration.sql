-- CreateTable
CREATE TABLE "AccountSetting" (
    "account" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccountSetting_pkey" PRIMARY KEY ("account", "key")
);
