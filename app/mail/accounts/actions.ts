"use server";
// Other accounts (issue 22) as server actions, each with the session's CSRF token; inputs validated
// by accounts.schema.ts. Adding and testing connect to servers the user typed: lib/accounts checks
// the hosts (SSRF) and counts the checks (rate limit).
import { redirect } from "next/navigation";
import { addAccount } from "@/lib/accounts/add-account";
import { removeAccount } from "@/lib/accounts/account-store";
import { mailboxSettingsInput, saveMailboxSettings } from "@/lib/accounts/mailbox-settings";
import { testAccount } from "@/lib/accounts/test-account";
import { errorText } from "@/app/i18n/error-text";
import { noticeKey } from "@/app/i18n/notice-key";
import { isPosternError } from "@/lib/http/errors";
import { noticeUrl, type Notice } from "@/lib/http/signed-notice";
import { getPool, poolKey } from "@/lib/imap/session-pool";
import { CSRF_REFUSED, sessionAction, sessionStateAction } from "../session-action";
import { accountRef, addAccountInput, type AddAccountState } from "./accounts.schema";

const PAGE = "/mail/accounts";
const KEPT_FIELDS = ["label", "user", "imapHost", "imapPort", "imapSecurity", "smtpHost", "smtpPort", "smtpSecurity"];

export const addAccountAction = sessionStateAction<AddAccountState>({ error: CSRF_REFUSED, values: {} }, async (session, form) => {
  const values = Object.fromEntries(KEPT_FIELDS.map((k) => [k, String(form.get(k) ?? "")]));
  const parsed = addAccountInput.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    // the schema's messages name what is missing ("a user name"): the first one is said
    const missing = parsed.error.issues[0]?.message;
    const key = missing === "a user name" ? "accountNeedsUser" : missing === "a password" ? "accountNeedsPassword" : "accountNeedsServer";
    return { error: noticeKey(key), values };
  }
  try {
    await addAccount(session.email, parsed.data, session.clientIp);
  } catch (e) {
    if (!isPosternError(e)) throw e;
    return { error: await errorText(e), values };
  }
  redirect(noticeUrl(PAGE, { kind: "ok", text: noticeKey("accountAdded", { account: parsed.data.label }) }));
});

export const testAccountAction = sessionAction(PAGE, async (session, form) => {
  const ref = accountRef.safeParse(Object.fromEntries(form));
  if (!ref.success) redirect(PAGE);
  let text: string;
  try {
    const account = await testAccount(session.email, ref.data.id, session.clientIp);
    text = noticeKey("accountWorks", { account: account.label });
  } catch (e) {
    if (!isPosternError(e)) throw e;
    redirect(noticeUrl(PAGE, { kind: "error", text: await errorText(e) }));
  }
  redirect(noticeUrl(PAGE, { kind: "ok", text }));
});

export const saveMailboxSettingsAction = sessionAction(PAGE, async (session, form) => {
  const parsed = accountRef.and(mailboxSettingsInput).safeParse(Object.fromEntries(form));
  if (!parsed.success) redirect(PAGE);
  let notice: Notice = { kind: "ok", text: noticeKey("mailboxSettingsSaved") };
  try {
    await saveMailboxSettings(session.email, parsed.data.id, parsed.data);
  } catch (e) {
    if (!isPosternError(e)) throw e;
    notice = { kind: "error", text: e.message };
  }
  redirect(noticeUrl(PAGE, notice));
});

export const removeAccountAction = sessionAction(PAGE, async (session, form) => {
  const ref = accountRef.safeParse(Object.fromEntries(form));
  if (!ref.success) redirect(PAGE);
  const removed = await removeAccount(session.email, ref.data.id);
  // this process's connection goes now; another process's is never used again (the row is gone)
  // and closes when idle
  await getPool().releaseEntry(poolKey({ sessionId: session.id, account: { id: ref.data.id } }));
  redirect(noticeUrl(PAGE, removed ? { kind: "ok", text: noticeKey("accountRemoved") } : { kind: "error", text: noticeKey("accountAlreadyRemoved") }));
});
