-- Spam learner (issue 25): an account's weights as one row (two arrays: sorted slots and their
-- weights), with a version that moves on every write. Each process keeps the model in memory and
-- re-reads it only when the version moved: judging a message reads one integer, not ~1,500 rows.
-- Rows of "SpamWeight" are moved into it on an account's first use (lib/spam/weight-store.ts).
CREATE TABLE "SpamModel" (
    "account" TEXT NOT NULL PRIMARY KEY,
    "version" INTEGER NOT NULL DEFAULT 0,
    "slots" BLOB NOT NULL,
    "weights" BLOB NOT NULL,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
