import { RecentValues } from "@/lib/auth/recent-sessions";
import { getDb } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import type { ListEntry } from "./sender-lists";

// The spam filter's small per-account records besides the token counts (token-store.ts).
// `account` is always spamAccount(email).

export type TrainedLabel = "spam" | "ham";

export async function trainedLabel(account: string, messageKey: string): Promise<TrainedLabel | null> {
  const row = await getDb().spamTrained.findUnique({ where: { account_messageKey: { account, messageKey } } });
  return row?.label === "spam" || row?.label === "ham" ? row.label : null;
}

/** The label a message was trained with and the default learner's step for it. */
export async function trainedRecord(account: string, messageKey: string): Promise<{ label: TrainedLabel; learnerStep: number } | null> {
  const row = await getDb().spamTrained.findUnique({ where: { account_messageKey: { account, messageKey } } });
  return row?.label === "spam" || row?.label === "ham" ? { label: row.label, learnerStep: row.learnerStep } : null;
}

export async function setTrainedLabel(account: string, messageKey: string, label: TrainedLabel | null, learnerStep = 0): Promise<void> {
  const where = { account_messageKey: { account, messageKey } };
  if (label === null) await getDb().spamTrained.deleteMany({ where: { account, messageKey } });
  else await getDb().spamTrained.upsert({ where, create: { account, messageKey, label, learnerStep }, update: { label, learnerStep, trainedAt: new Date() } });
}

export async function listEntries(account: string): Promise<(ListEntry & { source: string })[]> {
  const rows = await getDb().spamListEntry.findMany({ where: { account }, orderBy: [{ kind: "asc" }, { pattern: "asc" }] });
  return rows.map((r) => ({ kind: r.kind === "block" ? "block" : "allow", pattern: r.pattern, source: r.source }));
}

/** Adds an entry; an address already on the other list moves to this one. */
export async function addListEntry(account: string, entry: ListEntry, source: "user" | "sent" = "user"): Promise<void> {
  const db = getDb();
  const other = entry.kind === "allow" ? "block" : "allow";
  await db.$transaction([
    db.spamListEntry.deleteMany({ where: { account, kind: other, pattern: entry.pattern } }),
    db.spamListEntry.upsert({
      where: { account_kind_pattern: { account, kind: entry.kind, pattern: entry.pattern } },
      create: { account, kind: entry.kind, pattern: entry.pattern, source },
      // the user's own entry is never downgraded to an automatic one
      update: source === "user" ? { source } : {},
    }),
  ]);
}

/** Whitelists recipients the user wrote to, leaving any entry the user made alone (a recipient the
 * user blacklisted stays blacklisted). */
export async function allowRecipients(account: string, addresses: string[]): Promise<void> {
  const db = getDb();
  for (const address of new Set(addresses.map((a) => a.trim().toLowerCase()).filter((a) => a.includes("@")))) {
    const blocked = await db.spamListEntry.findUnique({ where: { account_kind_pattern: { account, kind: "block", pattern: address } } });
    if (blocked) continue;
    await db.spamListEntry.upsert({
      where: { account_kind_pattern: { account, kind: "allow", pattern: address } },
      create: { account, kind: "allow", pattern: address, source: "sent" },
      update: {},
    });
  }
}

export async function removeListEntry(account: string, entry: ListEntry): Promise<void> {
  await getDb().spamListEntry.deleteMany({ where: { account, kind: entry.kind, pattern: entry.pattern } });
}

/** Auto-whitelist: the sender's average score so far, or null for a first message. */
export async function senderAverage(account: string, sender: string): Promise<{ average: number | null; count: number }> {
  const row = await getDb().spamSenderScore.findUnique({ where: { account_sender: { account, sender } } });
  return row && row.count > 0 ? { average: row.scoreSum / row.count, count: row.count } : { average: null, count: 0 };
}

export async function recordSenderScore(account: string, sender: string, score: number): Promise<void> {
  await getDb().spamSenderScore.upsert({
    where: { account_sender: { account, sender } },
    create: { account, sender, scoreSum: score, count: 1 },
    update: { scoreSum: { increment: score }, count: { increment: 1 } },
  });
}

export type Verdict = { uid: number; score: number; isSpam: boolean; filed: boolean; byUser: boolean; unsure: boolean; judgedAt: Date };

export async function findVerdict(account: string, messageKey: string): Promise<Verdict | null> {
  return getDb().spamVerdict.findUnique({ where: { account_messageKey: { account, messageKey } } });
}

export async function saveVerdict(
  account: string,
  messageKey: string,
  v: Omit<Verdict, "judgedAt" | "byUser" | "unsure"> & { byUser?: boolean; unsure?: boolean },
): Promise<void> {
  await getDb().spamVerdict.upsert({
    where: { account_messageKey: { account, messageKey } },
    create: { account, messageKey, ...v },
    update: v,
  });
}

/**
 * Stores the filter's verdict on a message unless one exists, atomically: of two processes judging
 * the same new message at once, exactly one gets true and files it (moves it, counts its sender).
 */
export async function claimVerdict(
  account: string,
  messageKey: string,
  v: Omit<Verdict, "judgedAt" | "byUser" | "unsure"> & { unsure?: boolean },
): Promise<boolean> {
  try {
    await getDb().spamVerdict.create({ data: { account, messageKey, ...v } });
    return true;
  } catch (e) {
    if (isUniqueViolation(e)) return false;
    throw e;
  }
}

/** Verdicts are kept this long: long after a message's UID fell below the INBOX mark, the verdict
 * only matters if the message comes back to INBOX, and then judging it again is right. */
export const VERDICT_DAYS = 180;

export async function pruneVerdicts(account: string, now = Date.now()): Promise<void> {
  await getDb().spamVerdict.deleteMany({ where: { account, judgedAt: { lt: new Date(now - VERDICT_DAYS * 86_400_000) } } });
}

export type InboxMark = { uidValidity: string; lastUid: number };

// Read on every INBOX listing, written only here: kept a few seconds. A mark another process moved
// on meanwhile only makes this one look at UIDs it has judged already (their verdicts skip them).
// "No mark yet" is not kept: acting on it sets the mark to the newest message, which must not
// skip what another process has not judged.
const recentMarks = new RecentValues<InboxMark>();

export async function inboxMark(account: string): Promise<InboxMark | null> {
  const known = recentMarks.get(account);
  if (known) return known;
  const row = await getDb().spamInboxMark.findUnique({ where: { account }, select: { uidValidity: true, lastUid: true } });
  if (row) recentMarks.set(account, row);
  return row;
}

export async function setInboxMark(account: string, mark: InboxMark): Promise<void> {
  recentMarks.delete(account);
  await getDb().spamInboxMark.upsert({ where: { account }, create: { account, ...mark }, update: mark });
  recentMarks.set(account, { ...mark });
}
