import type { ImapIdentity } from "@/lib/imap/session-pool";
import { listAllFolders } from "@/lib/imap/folder-lookup";
import { moveSelected } from "@/lib/imap/move-messages";
import { withMailbox } from "@/lib/imap/with-mailbox";
import { getSettings } from "@/lib/settings/account-settings";
import { fetchSpamSources } from "./fetch-spam-sources";
import { FILING_BATCH, fileNewInboxMailForListing } from "./file-new-mail";
import { judgeSources } from "./judge-sources";
import { findJunkFolder } from "./mark-messages";
import { setPossibleSpamMark } from "./possible-spam-mark";
import { spamAccount, spamAutoFile } from "./spam-settings";
import { dbTokenStore } from "./token-store";

export type CollectedJudgement = { judged: number; filed: number; marked: number };

/**
 * The spam filter's look at mail collected over POP3 (lib/collect), as at new INBOX mail. Into
 * INBOX, the INBOX filer judges it (it takes every UID above its mark, whoever stored it); into
 * another folder, the stored UIDs are judged here the same way: spam to Junk, the unsure marked.
 * Never throws: a failing filter must not fail the fetch (the messages are stored already).
 */
export async function judgeCollectedMail(id: ImapIdentity, email: string, folder: string, uids: number[]): Promise<CollectedJudgement> {
  const none = { judged: 0, filed: 0, marked: 0 };
  if (!uids.length) return none;
  try {
    if (folder === "INBOX") {
      const r = await fileNewInboxMailForListing(id, email);
      return { judged: r.judged, filed: r.filed, marked: r.marked ?? 0 };
    }
    const account = spamAccount(email);
    const [[autoFile], corpus] = await Promise.all([getSettings(account, [spamAutoFile] as const), dbTokenStore(account).corpus()]);
    if (!autoFile) return none;
    return await withMailbox(id, folder, async ({ client }) => {
      const junk = findJunkFolder(await listAllFolders(client));
      const total = { ...none };
      for (let i = 0; i < uids.length; i += FILING_BATCH) {
        const batch = uids.slice(i, i + FILING_BATCH).join(",");
        const { judged, spam, unsure } = await judgeSources(account, await fetchSpamSources(client, batch), { corpus, canFile: !!junk });
        if (unsure.length) await setPossibleSpamMark(client, unsure.join(","), true);
        if (junk && spam.length) await moveSelected(client, spam.join(","), junk.path);
        total.judged += judged;
        total.filed += spam.length;
        total.marked += unsure.length;
      }
      return total;
    });
  } catch (e) {
    console.warn("[collect] judging collected mail failed:", e);
    return none;
  }
}
