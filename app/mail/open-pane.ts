"use server";
import type { ReactNode } from "react";
import { z } from "zod";
import { accountIdentity } from "@/lib/accounts/account-identity";
import { settingKeysOf } from "@/lib/accounts/mailbox-owner";
import { pageReceipts } from "@/lib/read-links/read-link-store";
import { fileNewInboxMailBeforeOpening } from "@/lib/spam/file-new-mail";
import { openMessageOrNotice, PANE_SETTINGS, readingPane } from "./reading-pane";
import { requestStoredSettings, settingsIn } from "./request-settings";
import { readMailUrl } from "./search-params";
import { sessionStateAction } from "./session-action";

/** What a click in the list gets: the reading pane alone, and whether opening made the message read. */
export type OpenedPane = { pane: ReactNode; folder: string; uid: number; markedSeen: boolean };

const formSchema = z.object({
  /** The mail page's query string after the click (folder, list state, uid). */
  search: z.string().max(10_000),
  /** The folder's special use as the page knows it: which buttons the pane offers, nothing more. */
  specialUse: z.string().max(40).nullable().catch(null),
  /** The row below the opened one, read ahead. */
  ahead: z.coerce.number().int().positive().max(4294967295).nullable().catch(null),
});

/**
 * Opens the message of the URL and renders only the reading pane (issue 20): the folder tree and
 * the list stay as they are on screen, where the whole page would render them again. The same
 * work as the page's open (app/mail/page.tsx): the filer judges new INBOX mail first, the message
 * is marked read, its receipts and spam report come along. A refused token answers null, and the
 * client then loads the page instead.
 */
export const openPane = sessionStateAction<OpenedPane | null>(null, async (session, form) => {
  const input = formSchema.parse({ search: form.get("search"), specialUse: form.get("specialUse") || null, ahead: form.get("ahead") || null });
  const { params, account, listParams } = readMailUrl(Object.fromEntries(new URLSearchParams(input.search)));
  if (!params.uid) return null;
  const other = account ? await accountIdentity(session, account) : null;
  if (!other && params.folder === "INBOX") await fileNewInboxMailBeforeOpening(session.imap, session.email, params.uid);
  const opened = await openMessageOrNotice(other ?? session.imap, params.folder, params.uid);
  const openedId = typeof opened === "object" && !other ? opened.message?.messageId : null;
  // one read of settings for the pane and the spam report: in an action, each ask would read again
  const keys = settingKeysOf(session, other ?? undefined);
  const stored = requestStoredSettings(keys);
  const [settings, receipts] = await Promise.all([
    stored.then((s) => settingsIn(s, keys, PANE_SETTINGS)),
    openedId ? pageReceipts(session.email, openedId).then((r) => r.ofMessage) : [],
  ]);
  const pane = await readingPane({
    session,
    other,
    account,
    params,
    listParams,
    page: params.page,
    specialUse: input.specialUse,
    opened,
    settings,
    ownSettings: other ? undefined : stored,
    receipts,
    ahead: input.ahead,
  });
  return { pane, folder: params.folder, uid: params.uid, markedSeen: typeof opened === "object" && opened.markedSeen };
});
