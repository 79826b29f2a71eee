-- Issue 22: POP3 collection into the user's IMAP mailbox.
CREATE TABLE "Pop3Account" (
    "id" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "port" INTEGER NOT NULL,
    "security" TEXT NOT NULL,
    "auth" TEXT NOT NULL,
    "sealedCredentials" TEXT NOT NULL,
    "folder" TEXT NOT NULL,
    "deleteAfterDays" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastAttemptAt" TIMESTAMP(3),
    "lastSuccessAt" TIMESTAMP(3),
    "lastError" TEXT,
    "lastCollected" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Pop3Account_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Pop3Account_owner_idx" ON "Pop3Account"("owner");

-- One fetch per POP3 account at a time, across processes (lib/db/job-lease.ts).
CREATE TABLE "Pop3FetchLease" (
    "account" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "until" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Pop3FetchLease_pkey" PRIMARY KEY ("account")
);

-- UIDL de-duplication: what was stored, and what is about to be ("pending", before the APPEND).
CREATE TABLE "Pop3Seen" (
    "pop3AccountId" TEXT NOT NULL,
    "uidl" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "storedAt" TIMESTAMP(3),

    CONSTRAINT "Pop3Seen_pkey" PRIMARY KEY ("pop3AccountId", "uidl")
);
