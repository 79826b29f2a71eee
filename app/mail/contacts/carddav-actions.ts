"use server";
// The address book's CardDAV server: set up (checked by a real sign-in first), sync now, stop.
// Each action comes back to the contacts page with a signed notice; CSRF by sessionAction.
import { redirect } from "next/navigation";
import { z } from "zod";
import { errorText } from "@/app/i18n/error-text";
import { noticeKey } from "@/app/i18n/notice-key";
import { deleteBook, saveBook } from "@/lib/carddav/book-store";
import { syncAddressBook, type SyncReport } from "@/lib/carddav/sync-address-book";
import { testAddressBook } from "@/lib/carddav/test-address-book";
import { PosternError, isPosternError } from "@/lib/http/errors";
import { noticeUrl, type Notice } from "@/lib/http/signed-notice";
import { sessionAction, type ActionSession } from "../session-action";

const PAGE = "/mail/contacts";

const serverInput = z.object({
  url: z.string().trim().max(2000).refine((s) => /^https?:\/\/[^\s/]+/i.test(s), "not an http(s) URL"),
  username: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1000),
});

const said = (r: SyncReport | null, connected = false) =>
  r === null
    ? noticeKey("syncRunning")
    : noticeKey("synced", { connected: connected ? "yes" : "no", received: r.received, sent: r.sent, deleted: r.deleted, merged: r.merged, skipped: r.skipped.length });

function carddavAction(work: (session: ActionSession, form: FormData) => Promise<string>) {
  return sessionAction(PAGE, async (session, form) => {
    let notice: Notice;
    try {
      notice = { kind: "ok", text: await work(session, form) };
    } catch (e) {
      if (!isPosternError(e)) console.error("[carddav]", e);
      notice = { kind: "error", text: isPosternError(e) ? await errorText(e) : noticeKey("serverError") };
    }
    redirect(noticeUrl(PAGE, notice));
  });
}

export const saveCardDavAction = carddavAction(async (session, form) => {
  const parsed = serverInput.safeParse(Object.fromEntries(form));
  if (!parsed.success) throw new PosternError("BAD_REQUEST", "Give the address book's URL (https://…), your user name and password.");
  // the URL typed, or the address book found at that server (the status line shows which)
  const found = await testAddressBook(session.email, parsed.data);
  await saveBook(session.email, { ...parsed.data, url: found.url });
  return said(await syncAddressBook(session.email), true);
});

export const syncCardDavAction = carddavAction(async (session) => said(await syncAddressBook(session.email)));

export const disconnectCardDavAction = carddavAction(async (session) => {
  await deleteBook(session.email);
  return noticeKey("syncStopped");
});
