import type { ImapFlow, ListResponse } from "imapflow";
import { PosternError } from "@/lib/http/errors";
import { findFolder, findSpecialFolder, listAllFolders, requireFolder } from "@/lib/imap/folder-lookup";
import { toUidSet, type MessageSelection } from "@/lib/imap/message-selection";
import { moveSelected, type MoveResult } from "@/lib/imap/move-messages";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import { withMailbox } from "@/lib/imap/with-mailbox";
import { getSettings } from "@/lib/settings/account-settings";
import { fetchSpamSources } from "./fetch-spam-sources";
import { setPossibleSpamMark } from "./possible-spam-mark";
import { spamAccount, spamTrainMode } from "./spam-settings";
import { trainMessages, type TrainOutcome } from "./train-messages";
import { recordUserVerdicts } from "./user-verdicts";

/** Most messages one click trains on ("all in folder" may be many more; they are all moved). */
export const MAX_TRAINED_PER_ACTION = 500;

/** The Junk folder: special-use \Junk, else a top-level folder called Junk or Spam. */
export function findJunkFolder(folders: ListResponse[]): ListResponse | undefined {
  return findSpecialFolder(folders, "\\Junk") ?? findFolder(folders, "Junk") ?? findFolder(folders, "Spam");
}

/** @throws PosternError NOT_FOUND */
export function requireJunkFolder(folders: ListResponse[]): ListResponse {
  const junk = findJunkFolder(folders);
  if (!junk) throw PosternError.detailed("NOT_FOUND", "noJunkFolder");
  return junk;
}

export type MarkOptions = {
  folder: string;
  selection: MessageSelection;
  /** spam: learn as spam, move to Junk. ham: learn as good mail, move to INBOX. none: forget what
   * was learned from them (undo), move to `to`. */
  label: "spam" | "ham" | "none";
  to?: string;
};

export type MarkResult = { moved: MoveResult; training: TrainOutcome };

function targetOf(folders: ListResponse[], opts: MarkOptions): ListResponse {
  if (opts.label === "spam") return requireJunkFolder(folders);
  if (opts.label === "ham") return requireFolder(folders, "INBOX");
  if (!opts.to) throw new PosternError("BAD_REQUEST", "Say where the messages go back to.");
  return requireFolder(folders, opts.to);
}

async function uidsOf(client: ImapFlow, selection: MessageSelection): Promise<number[]> {
  if (!("all" in selection)) return [...new Set(selection.uids)].sort((a, b) => a - b);
  return ((await client.search({ all: true }, { uid: true })) || []).sort((a, b) => a - b);
}

/**
 * "Spam" / "Not spam" (and their undo): trains the account's filter on the selected messages and
 * moves them. The messages are read before the move and trained only once it succeeded, so a
 * failed move teaches nothing. The user's judgement is remembered as the message's verdict, so
 * INBOX filing never second-guesses a message the user took out of Junk.
 * @throws PosternError NOT_FOUND | BAD_REQUEST | IMAP_UNAVAILABLE
 */
export async function markMessages(id: ImapIdentity, email: string, opts: MarkOptions): Promise<MarkResult> {
  const account = spamAccount(email);
  const { moved, sources } = await withMailbox(id, opts.folder, async ({ client, mailbox }) => {
    const target = targetOf(await listAllFolders(client), opts);
    if (mailbox.exists === 0) return { moved: { folder: target.path, uids: [] }, sources: [] };
    const uids = await uidsOf(client, opts.selection);
    const sources = uids.length ? await fetchSpamSources(client, toUidSet({ uids: uids.slice(-MAX_TRAINED_PER_ACTION) })) : [];
    const sameFolder = target.path === mailbox.path;
    // The user decided: the "possibly spam" mark has done its job.
    if (uids.length) await setPossibleSpamMark(client, toUidSet(opts.selection), false);
    const moved = sameFolder || !uids.length ? { folder: target.path, uids } : await moveSelected(client, toUidSet(opts.selection), target.path);
    return { moved, sources };
  });
  const label = opts.label === "none" ? null : opts.label;
  const [mode] = await getSettings(account, [spamTrainMode] as const);
  const training = await trainMessages(account, sources, label, mode);
  if (label) await recordUserVerdicts(account, sources, label);
  return { moved, training };
}
