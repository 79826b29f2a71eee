-- A folder's stored threading headers change a little with every arrival or deletion: the changes
-- since the last full write are kept beside it (messages added, UIDs gone), so a change writes
-- kilobytes instead of rewriting the whole blob (~3 MB per 100k messages). The full blob is
-- rewritten when the changes reach a tenth of it (lib/threads/thread-header-store.ts).
ALTER TABLE "ThreadHeaders" ADD COLUMN "added" BLOB;
ALTER TABLE "ThreadHeaders" ADD COLUMN "gone" BLOB;
