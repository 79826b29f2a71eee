import { getDb } from "@/lib/db/client";
import { listAllFolders } from "@/lib/imap/folder-lookup";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import { withConnection, withMailbox } from "@/lib/imap/with-mailbox";
import { countTokens } from "./graham";
import { fetchSpamSources } from "./fetch-spam-sources";
import { trainLearner, type LearnedMessage } from "./learner";
import { findJunkFolder } from "./mark-messages";
import { spamAccount } from "./spam-settings";
import { addToDelta, dbTokenStore, emptyDelta } from "./token-store";

/** Newest messages read per folder: enough to start from, bounded in time and memory. */
export const MAX_LEARNED_PER_FOLDER = 1000;
/** Messages fetched per IMAP command (and per mailbox lock, so the user's other requests interleave). */
const CHUNK = 50;

export type LearnProgress = { folder: string; label: "spam" | "ham"; done: number; total: number };
export type LearnResult = { spam: number; ham: number; skipped: number };

/**
 * Bootstrap: learns INBOX as good mail and Junk as spam (both learners: Graham's counts and the
 * default learner's weights), newest first, up to
 * MAX_LEARNED_PER_FOLDER each. Messages the filter already learned (the user's own Spam / Not
 * spam) are left as they are. Everything is added in one batched update at the end, so a cancelled
 * run (`signal`) teaches nothing half-way.
 */
export async function learnFromFolders(
  id: ImapIdentity,
  email: string,
  onProgress: (p: LearnProgress) => void,
  signal?: AbortSignal,
): Promise<LearnResult> {
  const account = spamAccount(email);
  const junk = await withConnection(id, async (client) => findJunkFolder(await listAllFolders(client)));
  const plan: { folder: string; label: "spam" | "ham" }[] = [{ folder: "INBOX", label: "ham" }, ...(junk ? [{ folder: junk.path, label: "spam" as const }] : [])];
  const known = new Set((await getDb().spamTrained.findMany({ where: { account }, select: { messageKey: true } })).map((r) => r.messageKey));
  const delta = emptyDelta();
  const learned: { key: string; label: "spam" | "ham" }[] = [];
  const messages: LearnedMessage[] = [];
  let skipped = 0;
  for (const { folder, label } of plan) {
    const uids = await withMailbox(id, folder, async ({ client }) => ((await client.search({ all: true }, { uid: true })) || []).sort((a, b) => b - a));
    const chosen = uids.slice(0, MAX_LEARNED_PER_FOLDER);
    onProgress({ folder, label, done: 0, total: chosen.length });
    for (let i = 0; i < chosen.length; i += CHUNK) {
      if (signal?.aborted) return { spam: 0, ham: 0, skipped };
      const sources = await withMailbox(id, folder, ({ client }) => fetchSpamSources(client, chosen.slice(i, i + CHUNK).join(",")));
      for (const s of sources) {
        if (known.has(s.key)) {
          skipped++;
          continue;
        }
        known.add(s.key);
        addToDelta(delta, label, countTokens(s.tokens));
        learned.push({ key: s.key, label });
        messages.push({ tokens: s.tokens, label, rules: s.rules });
      }
      onProgress({ folder, label, done: Math.min(i + CHUNK, chosen.length), total: chosen.length });
    }
  }
  if (signal?.aborted) return { spam: 0, ham: 0, skipped };
  const store = dbTokenStore(account);
  await store.apply(delta);
  // The default learner: a few shuffled passes over everything read, one write of the weights.
  const steps = await trainLearner(account, messages);
  const db = getDb();
  await db.$transaction(learned.map((l, i) => db.spamTrained.create({ data: { account, messageKey: l.key, label: l.label, learnerStep: steps[i] } })));
  await store.prune();
  return { spam: delta.spamMessages, ham: delta.hamMessages, skipped };
}
