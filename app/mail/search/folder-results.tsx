"use client";
import { useLocale, useTranslations } from "next-intl";
import { sayError } from "@/app/i18n/say-error";
import { useErrorTranslate } from "@/app/i18n/use-error-text";
import Link from "next/link";
import type { AccountSearchResult } from "@/lib/imap/search-all-accounts";
import { displayName } from "../format";
import { LocalDate } from "../local-date";
import { mailUrl } from "../mail-url";

/** One line of the stream, with the mailbox it came from (null: the user's own). */
export type SearchRow = AccountSearchResult;

/** A folder's (or a whole mailbox's) results; `mailbox` names the mailbox when several are searched. */
export function FolderResults({ row, index, mailbox, list }: { row: SearchRow; index: number; mailbox: string | null; list: Record<string, string> }) {
  const t = useTranslations("allSearch");
  const tl = useTranslations("list");
  const locale = useLocale();
  const root = useErrorTranslate();
  const headingId = `results-${index}`;
  const inAccount = { ...list, ...(row.account ? { account: row.account } : {}) };
  if (row.status === "unavailable") {
    return (
      <section className="folder-results" data-testid="account-unavailable" aria-labelledby={headingId}>
        <h2 id={headingId}>
          <span translate="no">{mailbox}</span> <span className="form-error">{row.error ? sayError(locale, root, row.error) : t("accountFailed")}</span>
        </h2>
      </section>
    );
  }
  return (
    <section className="folder-results" data-testid="folder-results" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {mailbox && (
          <>
            <span translate="no" data-testid="result-account">{mailbox}</span>
            {" › "}
          </>
        )}
        <span translate="no">{row.name}</span>{" "}
        <span className="muted">
          {row.status === "searching" && t("searching")}
          {row.status === "done" && t("found", { count: row.total })}
          {row.status === "timeout" && t("folderTimeout")}
          {row.status === "error" && (row.error ? sayError(locale, root, row.error) : t("folderFailed"))}
        </span>
      </h2>
      {row.status === "done" && row.total > 0 && (
        <ul>
          {row.messages.map((m) => (
            <li key={m.uid}>
              <Link href={mailUrl({ folder: row.folder, uid: m.uid, list: inAccount })} prefetch={false}>
                <span className="from" translate="no">{displayName(m.from) ?? tl("unknownSender")}</span> — <span className="subject" translate={m.subject ? "no" : undefined}>{m.subject || tl("noSubject")}</span>{" "}
                <LocalDate iso={m.date} />
              </Link>
            </li>
          ))}
          {row.total > row.messages.length && (
            <li>
              <Link href={mailUrl({ folder: row.folder, list: inAccount })} prefetch={false}>
                {t.rich("allIn", { count: row.total, folder: () => <span translate="no">{row.name}</span> })} →
              </Link>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
