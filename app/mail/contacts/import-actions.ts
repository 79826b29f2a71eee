"use server";
// vCard import, answered on the page (its report can be long), with the session's CSRF token
// checked by sessionStateAction.
import { errorText } from "@/app/i18n/error-text";
import { noticeKey } from "@/app/i18n/notice-key";
import type { RootTranslate } from "@/app/i18n/say-error";
import { getLocale, getTranslations } from "next-intl/server";
import { sayVcardProblem } from "./say-vcard-problem";
import { revalidatePath } from "next/cache";
import { importVcards } from "@/lib/contacts/vcard/import-vcards";
import { isPosternError } from "@/lib/http/errors";
import { decodeText } from "@/lib/mime/decode-text";
import { MAX_VCARD_IMPORT_BYTES } from "@/lib/limits";
import { CSRF_REFUSED, sessionStateAction } from "../session-action";

export type ImportState =
  | { kind: "idle" }
  | { kind: "error"; text: string }
  | { kind: "done"; added: number; updated: number; problems: string[]; notes: string[] };

/** Problems listed on the page at most; the rest are counted. */
const LISTED = 50;

export const importVcardAction = sessionStateAction<ImportState>({ kind: "error", text: CSRF_REFUSED }, async (session, form) => {
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return { kind: "error", text: noticeKey("vcfMissing") };
  if (file.size > MAX_VCARD_IMPORT_BYTES) return { kind: "error", text: noticeKey("vcfTooLarge", { kb: Math.round(MAX_VCARD_IMPORT_BYTES / 1024) }) };
  try {
    // vCard 3.0 and 4.0 are UTF-8; an old 2.1 export may be in a legacy charset, which decodeText guesses
    const report = await importVcards(session.email, decodeText(new Uint8Array(await file.arrayBuffer()), "utf-8"));
    revalidatePath("/mail/contacts");
    const [locale, root] = await Promise.all([getLocale(), getTranslations()]);
    const t = root as unknown as RootTranslate;
    const problems = report.problems.slice(0, LISTED).map((p) => sayVcardProblem(locale, t, p));
    if (report.problems.length > LISTED) problems.push(t("vcardProblems.more", { count: report.problems.length - LISTED }));
    return { kind: "done", added: report.added, updated: report.updated, problems, notes: report.notes.slice(0, LISTED).map((p) => sayVcardProblem(locale, t, p)) };
  } catch (e) {
    if (!isPosternError(e)) console.error("[contacts import]", e);
    return { kind: "error", text: isPosternError(e) ? await errorText(e) : noticeKey("serverError") };
  }
});
