import { getLogger } from "@/lib/observability/logger";
import { booksDue } from "./book-store";
import { syncAddressBook } from "./sync-address-book";

/** How often each account's address book is synced in the background. */
export const CARDDAV_SYNC_INTERVAL_MS = 15 * 60_000;

/**
 * The scheduled sync, run by every process on a timer: each book due is synced by whichever
 * process claims its lease first (syncAddressBook returns null to the others), so it runs once
 * across processes. One failing book is logged (and shown on its owner's page) and the others go on.
 */
export async function syncDueBooks(now = new Date()): Promise<void> {
  for (const account of await booksDue(new Date(now.getTime() - CARDDAV_SYNC_INTERVAL_MS))) {
    await syncAddressBook(account).catch((e: unknown) => getLogger().warn({ where: "carddav", err: e }, "scheduled address book sync failed"));
  }
}
