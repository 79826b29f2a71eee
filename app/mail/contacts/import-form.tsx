"use client";
import { useTranslations } from "next-intl";
import { useActionState, type ReactNode } from "react";
import { NoticeText } from "@/app/i18n/notice-text";
import ids from "../identities/identities.module.css";
import { importVcardAction, type ImportState } from "./import-actions";
import styles from "./contacts.module.css";

/** Import a .vcf file; the report (what was added, which entries failed and why) stays on the page.
 * `csrf` is the hidden CSRF field, rendered by the server. */
export function ImportForm({ csrf }: { csrf: ReactNode }) {
  const t = useTranslations("contacts");
  const [state, action, pending] = useActionState(importVcardAction, { kind: "idle" } as ImportState);
  return (
    <section className={ids.panel} aria-labelledby="import-title">
      <h2 id="import-title">{t("importTitle")}</h2>
      <form action={action} className={styles.inline}>
        {csrf}
        <input type="file" name="file" accept=".vcf,.vcard,text/vcard,text/x-vcard" aria-label={t("importFile")} required />
        <button type="submit" className={ids.secondary} disabled={pending}>{pending ? t("importing") : t("import")}</button>
      </form>
      <p className={ids.hint}>{t("importHint")}</p>
      {state.kind === "error" && <p className={ids.noticeError} role="alert"><NoticeText text={state.text} /></p>}
      {state.kind === "done" && (
        <div role="status" data-testid="import-report">
          <p className={state.problems.length ? ids.noticeError : ids.notice}>
            {t("imported", { added: state.added, updated: state.updated, failed: state.problems.length })}
          </p>
          {state.problems.length > 0 && (
            <ul data-testid="import-problems">
              {state.problems.map((p) => <li key={p}>{p}</li>)}
            </ul>
          )}
          {state.notes.length > 0 && (
            <ul className={ids.hint}>
              {state.notes.map((n) => <li key={n}>{n}</li>)}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
