-- Threading headers of big folders on servers without THREAD (issue 20; lib/threads/thread-header-store.ts):
-- per account and folder, for one UIDVALIDITY, each message's UID, date and keyed Message-IDs and
-- base subject (64-bit keys under a secret of the installation: equalities only, no mail text).
-- Any process threads a folder again from this plus the headers of new messages, instead of
-- fetching the headers of all of them.
CREATE TABLE "ThreadHeaders" (
    "account" TEXT NOT NULL,
    "folder" TEXT NOT NULL,
    "uidValidity" TEXT NOT NULL,
    "headers" BLOB NOT NULL,
    "messages" INTEGER NOT NULL,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY ("account", "folder")
);
