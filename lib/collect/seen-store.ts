import { getDb } from "@/lib/db/client";
import type { SeenEntry } from "./plan-collection";

const STATES = new Set<string>(["pending", "stored", "too-large"]);

/** What was stored (or about to be) from the POP3 account, by UIDL. */
export async function readSeen(accountId: string): Promise<Map<string, SeenEntry>> {
  const rows = await getDb().pop3Seen.findMany({ where: { pop3AccountId: accountId } });
  return new Map(rows.map((r) => [r.uidl, { state: STATES.has(r.state) ? (r.state as SeenEntry["state"]) : "pending", storedAt: r.storedAt }]));
}

/** Records the intent to store, before the APPEND: a run that dies after it looks first. */
export async function markPending(accountId: string, uidl: string): Promise<void> {
  await getDb().pop3Seen.upsert({
    where: { pop3AccountId_uidl: { pop3AccountId: accountId, uidl } },
    create: { pop3AccountId: accountId, uidl, state: "pending" },
    update: {},
  });
}

export async function markStored(accountId: string, uidl: string, at: Date): Promise<void> {
  await getDb().pop3Seen.update({ where: { pop3AccountId_uidl: { pop3AccountId: accountId, uidl } }, data: { state: "stored", storedAt: at } });
}

export async function pruneSeen(accountId: string, uidls: string[]): Promise<void> {
  for (let i = 0; i < uidls.length; i += 500) {
    await getDb().pop3Seen.deleteMany({ where: { pop3AccountId: accountId, uidl: { in: uidls.slice(i, i + 500) } } });
  }
}

/** A message whose RETR passed the size limit (its LIST size was lower): never tried again. */
export async function markTooLarge(accountId: string, uidl: string): Promise<void> {
  await getDb().pop3Seen.update({ where: { pop3AccountId_uidl: { pop3AccountId: accountId, uidl } }, data: { state: "too-large" } });
}
