-- Issue 22: POP3 collection into the user's IMAP mailbox.
CREATE TABLE "Pop3Account" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "owner" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "port" INTEGER NOT NULL,
    "security" TEXT NOT NULL,
    "auth" TEXT NOT NULL,
    "sealedCredentials" TEXT NOT NULL,
    "folder" TEXT NOT NULL,
    "deleteAfterDays" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastAttemptAt" DATETIME,
    "lastSuccessAt" DATETIME,
    "lastError" TEXT,
    "lastCollected" INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX "Pop3Account_owner_idx" ON "Pop3Account"("owner");

-- One fetch per POP3 account at a time, across processes (lib/db/job-lease.ts).
CREATE TABLE "Pop3FetchLease" (
    "account" TEXT NOT NULL PRIMARY KEY,
    "token" TEXT NOT NULL,
    "until" DATETIME NOT NULL
);

-- UIDL de-duplication: what was stored, and what is about to be ("pending", before the APPEND).
CREATE TABLE "Pop3Seen" (
    "pop3AccountId" TEXT NOT NULL,
    "uidl" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "storedAt" DATETIME,

    PRIMARY KEY ("pop3AccountId", "uidl")
);
