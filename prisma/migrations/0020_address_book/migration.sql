-- The address book (issue 22). Collected addresses get a search column folded in code; rows
-- written before this start with SQLite's lower() (ASCII) and are refolded on their next use.
ALTER TABLE "Contact" ADD COLUMN "searchText" TEXT NOT NULL DEFAULT '';
UPDATE "Contact" SET "searchText" = ' ' || lower("name") || ' ' || lower("address");

CREATE TABLE "ContactCard" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "account" TEXT NOT NULL,
    "uid" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'individual',
    "name" TEXT NOT NULL DEFAULT '',
    "organization" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    "emails" TEXT NOT NULL DEFAULT '[]',
    "phones" TEXT NOT NULL DEFAULT '[]',
    "searchText" TEXT NOT NULL DEFAULT '',
    "photo" BLOB,
    "photoType" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "href" TEXT,
    "etag" TEXT,
    "syncedVcard" TEXT,
    "dirty" BOOLEAN NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX "ContactCard_account_uid_key" ON "ContactCard"("account", "uid");
CREATE INDEX "ContactCard_account_name_idx" ON "ContactCard"("account", "name");

CREATE TABLE "ContactGroupMember" (
    "account" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    PRIMARY KEY ("groupId", "memberId")
);
CREATE INDEX "ContactGroupMember_account_memberId_idx" ON "ContactGroupMember"("account", "memberId");

-- CardDAV sync (lib/carddav): one address book per account, and local deletions still to send.
CREATE TABLE "CardDavBook" (
    "account" TEXT NOT NULL PRIMARY KEY,
    "url" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "syncToken" TEXT,
    "ctag" TEXT,
    "lastSyncAt" DATETIME,
    "lastError" TEXT,
    "leaseToken" TEXT,
    "leaseUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE "CardDavTombstone" (
    "account" TEXT NOT NULL,
    "href" TEXT NOT NULL,
    "etag" TEXT,
    PRIMARY KEY ("account", "href")
);
