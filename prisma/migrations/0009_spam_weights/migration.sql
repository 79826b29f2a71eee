-- Spam learner (issue 25): the logistic-regression weights per account and feature slot (only
-- slots in use are stored; pruned to a bound), the step each trained message took (to forget it
-- exactly), and the "unsure" part of a verdict.
CREATE TABLE "SpamWeight" (
    "account" TEXT NOT NULL,
    "slot" INTEGER NOT NULL,
    "weight" REAL NOT NULL,
    PRIMARY KEY ("account", "slot")
);

ALTER TABLE "SpamVerdict" ADD COLUMN "unsure" BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE "SpamTrained" ADD COLUMN "learnerStep" REAL NOT NULL DEFAULT 0;

-- The highest Junk UID the filter has looked at: a message above it that the filter had judged
-- good in INBOX was moved to Junk by the user in another mail program, and is learned as spam.
CREATE TABLE "SpamJunkMark" (
    "account" TEXT NOT NULL PRIMARY KEY,
    "uidValidity" TEXT NOT NULL,
    "lastUid" INTEGER NOT NULL
);

-- DNS blocklist answers for originating IPs, shared by all accounts, kept an hour.
CREATE TABLE "SpamDnsblCache" (
    "zone" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "listed" BOOLEAN NOT NULL,
    "checkedAt" DATETIME NOT NULL,
    PRIMARY KEY ("zone", "ip")
);
