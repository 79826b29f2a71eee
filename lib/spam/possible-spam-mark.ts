import type { ImapFlow } from "imapflow";

/**
 * The IMAP keyword on an INBOX message the filter was unsure about: the list shows it as
 * "possibly spam" with Spam / Not spam at hand. A keyword rather than a row in Postern's
 * database: the list reads it with the flags it fetches anyway, any Postern process sees it, and
 * it goes when the message is marked either way (here or, by removing it, in another client).
 */
export const POSSIBLE_SPAM_KEYWORD = "$PossibleSpam";

/** Marks (or unmarks) messages of the selected folder; a server that refuses keywords loses only
 * the mark, never the message or the verdict. */
export async function setPossibleSpamMark(client: ImapFlow, uidSet: string, on: boolean): Promise<void> {
  if (!uidSet) return;
  try {
    if (on) await client.messageFlagsAdd(uidSet, [POSSIBLE_SPAM_KEYWORD], { uid: true });
    else await client.messageFlagsRemove(uidSet, [POSSIBLE_SPAM_KEYWORD], { uid: true });
  } catch (e) {
    console.warn("[spam] could not set the possibly-spam mark:", e);
  }
}
