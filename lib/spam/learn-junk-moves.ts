import { getDb } from "@/lib/db/client";
import { listAllFolders } from "@/lib/imap/folder-lookup";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import { withMailbox } from "@/lib/imap/with-mailbox";
import { fetchSpamSources, type SpamSource } from "./fetch-spam-sources";
import { learnCorrections } from "./learn-corrections";
import { findJunkFolder } from "./mark-messages";
import { spamAccount } from "./spam-settings";
import { findVerdict } from "./spam-store";

/** Junk messages looked at per listing (as many as the INBOX filer judges per listing). */
const JUNK_BATCH = 25;
/** A folder that may be the Junk folder, by its name (the LIST that confirms it costs a command). */
const JUNK_NAME = /(?:^|[./])(?:junk|spam|junk e-?mail|bulk mail)$/i;

/**
 * Looks at Junk messages that arrived since the last look (UIDs above the mark in SpamJunkMark):
 * one the filter judged good, or was unsure about, when it was in INBOX was moved to Junk by the
 * user in another mail program, and is learned as spam, once. Mail the server delivered straight
 * to Junk, or Postern filed there, has no such verdict and is left alone. Runs when Junk is
 * listed; returns how many messages were learned.
 */
export async function learnFromJunkMoves(id: ImapIdentity, email: string, folder: string): Promise<number> {
  if (!JUNK_NAME.test(folder)) return 0;
  const account = spamAccount(email);
  const db = getDb();
  const moved = await withMailbox(id, folder, async ({ client, mailbox }): Promise<SpamSource[]> => {
    if (findJunkFolder(await listAllFolders(client))?.path !== mailbox.path) return [];
    const uidValidity = String(mailbox.uidValidity);
    const mark = await db.spamJunkMark.findUnique({ where: { account } });
    if (!mark || mark.uidValidity !== uidValidity) {
      // First look (or a rebuilt folder): what is there already is not the user's doing now.
      const newest = mailbox.exists ? ((await client.fetchOne("*", { uid: true })) || { uid: 0 }).uid : 0;
      await db.spamJunkMark.upsert({ where: { account }, create: { account, uidValidity, lastUid: newest }, update: { uidValidity, lastUid: newest } });
      return [];
    }
    if (mailbox.exists === 0) return [];
    const fresh = ((await client.search({ uid: `${mark.lastUid + 1}:*` }, { uid: true })) || []).filter((u) => u > mark.lastUid).sort((a, b) => a - b);
    const batch = fresh.slice(0, JUNK_BATCH);
    if (!batch.length) return [];
    const out: SpamSource[] = [];
    for (const s of await fetchSpamSources(client, batch.join(","))) {
      const verdict = await findVerdict(account, s.key);
      if (verdict && !verdict.isSpam && !verdict.byUser) out.push(s);
    }
    await db.spamJunkMark.update({ where: { account }, data: { lastUid: batch[batch.length - 1] } });
    return out;
  });
  const outcome = await learnCorrections(email, moved, "spam");
  return outcome ? moved.length : 0;
}

/** learnFromJunkMoves for a listing: learning must never stop the listing. */
export async function learnFromJunkMovesQuietly(id: ImapIdentity, email: string, folder: string): Promise<number> {
  try {
    return await learnFromJunkMoves(id, email, folder);
  } catch (e) {
    console.warn("[spam] learning from moves into Junk failed:", e);
    return 0;
  }
}
