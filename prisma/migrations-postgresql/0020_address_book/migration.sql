-- The address book (issue 22). Collected addresses get a search column folded in code; lower()
-- here folds what PostgreSQL's locale knows, and each row is refolded by code on its next use.
ALTER TABLE "Contact" ADD COLUMN "searchText" TEXT NOT NULL DEFAULT '';
UPDATE "Contact" SET "searchText" = ' ' || lower("name") || ' ' || lower("address");

CREATE TABLE "ContactCard" (
    "id" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "uid" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'individual',
    "name" TEXT NOT NULL DEFAULT '',
    "organization" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    "emails" TEXT NOT NULL DEFAULT '[]',
    "phones" TEXT NOT NULL DEFAULT '[]',
    "searchText" TEXT NOT NULL DEFAULT '',
    "photo" BYTEA,
    "photoType" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "href" TEXT,
    "etag" TEXT,
    "syncedVcard" TEXT,
    "dirty" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ContactCard_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ContactCard_account_uid_key" ON "ContactCard"("account", "uid");
CREATE INDEX "ContactCard_account_name_idx" ON "ContactCard"("account", "name");

CREATE TABLE "ContactGroupMember" (
    "account" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,

    CONSTRAINT "ContactGroupMember_pkey" PRIMARY KEY ("groupId", "memberId")
);
CREATE INDEX "ContactGroupMember_account_memberId_idx" ON "ContactGroupMember"("account", "memberId");

-- CardDAV sync (lib/carddav): one address book per account, and local deletions still to send.
CREATE TABLE "CardDavBook" (
    "account" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "syncToken" TEXT,
    "ctag" TEXT,
    "lastSyncAt" TIMESTAMP(3),
    "lastError" TEXT,
    "leaseToken" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CardDavBook_pkey" PRIMARY KEY ("account")
);

CREATE TABLE "CardDavTombstone" (
    "account" TEXT NOT NULL,
    "href" TEXT NOT NULL,
    "etag" TEXT,
    CONSTRAINT "CardDavTombstone_pkey" PRIMARY KEY ("account", "href")
);
