-- Spam filter (issue 7): token counts, corpus sizes, trained labels, INBOX verdicts, lists, auto-whitelist.
CREATE TABLE "SpamToken" (
    "account" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "spamCount" INTEGER NOT NULL DEFAULT 0,
    "hamCount" INTEGER NOT NULL DEFAULT 0,
    "lastTrained" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "SpamToken_pkey" PRIMARY KEY ("account", "token")
);
CREATE INDEX "SpamToken_account_lastTrained_idx" ON "SpamToken"("account", "lastTrained");

CREATE TABLE "SpamCorpus" (
    "account" TEXT NOT NULL,
    "spamMessages" INTEGER NOT NULL DEFAULT 0,
    "hamMessages" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "SpamCorpus_pkey" PRIMARY KEY ("account")
);

CREATE TABLE "SpamTrained" (
    "account" TEXT NOT NULL,
    "messageKey" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "trainedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SpamTrained_pkey" PRIMARY KEY ("account", "messageKey")
);

CREATE TABLE "SpamVerdict" (
    "account" TEXT NOT NULL,
    "messageKey" TEXT NOT NULL,
    "uid" INTEGER NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "isSpam" BOOLEAN NOT NULL,
    "filed" BOOLEAN NOT NULL DEFAULT false,
    "byUser" BOOLEAN NOT NULL DEFAULT false,
    "judgedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SpamVerdict_pkey" PRIMARY KEY ("account", "messageKey")
);

CREATE TABLE "SpamInboxMark" (
    "account" TEXT NOT NULL,
    "uidValidity" TEXT NOT NULL,
    "lastUid" INTEGER NOT NULL,
    CONSTRAINT "SpamInboxMark_pkey" PRIMARY KEY ("account")
);

CREATE TABLE "SpamListEntry" (
    "account" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "pattern" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'user',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SpamListEntry_pkey" PRIMARY KEY ("account", "kind", "pattern")
);

CREATE TABLE "SpamSenderScore" (
    "account" TEXT NOT NULL,
    "sender" TEXT NOT NULL,
    "scoreSum" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "count" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "SpamSenderScore_pkey" PRIMARY KEY ("account", "sender")
);
