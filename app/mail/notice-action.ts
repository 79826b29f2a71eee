import { redirect } from "next/navigation";
import type { z } from "zod";
import { errorText } from "@/app/i18n/error-text";
import { isPosternError } from "@/lib/http/errors";
import { noticeKey } from "@/app/i18n/notice-key";
import { noticeUrl, type Notice } from "@/lib/http/signed-notice";
import { sessionAction, type ActionSession } from "./session-action";

type NoticeActionOptions<S extends z.ZodType> = {
  /** The page the form is on: the action comes back to it with its notice. `params` keeps query
   * parameters of the page taken from the form (the page is shown for one of several mailboxes). */
  page: string | { path: string; params: (form: FormData) => Record<string, string> };
  /** Validates the form's fields. */
  schema: S;
  /** The notice's text when `schema` refuses the form. */
  invalid: (error: z.ZodError) => string;
  /** Names the page in the server log, for errors that are not a PosternError. */
  logTag: string;
  /** The work; its answer is the notice's text. */
  work: (session: ActionSession, input: z.infer<S>) => Promise<string>;
};

/**
 * The frame of a form action that answers on its own page: session and CSRF token
 * (sessionAction), validation, the work, and a redirect back to `page` with a signed notice
 * saying what happened (or why not).
 * A PosternError's message is the user's to see (in the reader's language, app/i18n/error-text.ts); an IMAP login that no longer works goes to the
 * sign-in page; anything else is logged and shown as a server error.
 */
export function noticeAction<S extends z.ZodType>({ page, schema, invalid, logTag, work }: NoticeActionOptions<S>): (form: FormData) => Promise<void> {
  const path = typeof page === "string" ? page : page.path;
  return sessionAction(path, async (session, form) => {
    const parsed = schema.safeParse(Object.fromEntries(form));
    let notice: Notice;
    if (!parsed.success) {
      notice = { kind: "error", text: invalid(parsed.error) };
    } else {
      try {
        notice = { kind: "ok", text: await work(session, parsed.data) };
      } catch (e) {
        if (isPosternError(e) && e.code === "INVALID_CREDENTIALS") redirect("/login?reason=expired");
        if (!isPosternError(e)) console.error(`[${logTag}]`, e);
        notice = { kind: "error", text: isPosternError(e) ? await errorText(e) : noticeKey("serverError") };
      }
    }
    redirect(typeof page === "string" ? noticeUrl(page, notice) : noticeUrl(page.path, notice, page.params(form)));
  });
}
