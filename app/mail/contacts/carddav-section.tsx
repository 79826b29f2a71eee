import { useTranslations } from "next-intl";
import { StoredErrorText } from "@/app/i18n/stored-error-text";
import type { CardDavBookView } from "@/lib/carddav/book-store";
import { CARDDAV_SYNC_INTERVAL_MS } from "@/lib/carddav/sync-due-books";
import { CsrfField } from "../csrf-field";
import ids from "../identities/identities.module.css";
import { LocalDate } from "../local-date";
import { disconnectCardDavAction, saveCardDavAction, syncCardDavAction } from "./carddav-actions";
import styles from "./contacts.module.css";

/** Sync with a CardDAV server (Nextcloud, Radicale, iCloud, Fastmail…): set up, status, sync now. */
export function CardDavSection({ book }: { book: CardDavBookView | null }) {
  const t = useTranslations("contacts");
  const tc = useTranslations("carddav");
  return (
    <section className={ids.panel} aria-labelledby="carddav-title" data-testid="carddav">
      <h2 id="carddav-title">{t("carddavTitle")}</h2>
      {book && (
        <>
          <p className={ids.hint} data-testid="carddav-status">
            {t.rich(book.lastSyncAt ? "syncedWith" : "notSyncedYet", {
              url: () => <span translate="no">{book.url}</span>,
              user: () => <span translate="no">{book.username}</span>,
              when: () => (book.lastSyncAt ? <LocalDate iso={book.lastSyncAt.toISOString()} /> : null),
              minutes: CARDDAV_SYNC_INTERVAL_MS / 60_000,
            })}
          </p>
          {book.lastError && <p className={ids.noticeError} role="alert">{t("syncFailed")} <StoredErrorText text={book.lastError} /></p>}
          <div className={styles.inline}>
            <form action={syncCardDavAction}>
              <CsrfField />
              <button type="submit" className={ids.secondary}>{t("syncNow")}</button>
            </form>
            <form action={disconnectCardDavAction}>
              <CsrfField />
              <button type="submit" className={ids.danger}>{t("stopSync")}</button>
            </form>
          </div>
        </>
      )}
      <form action={saveCardDavAction} className={ids.form}>
        <CsrfField />
        <label className={ids.wide}>
          {t("bookUrl")}
          <input name="url" type="url" required defaultValue={book?.url ?? ""} maxLength={2000} placeholder={t("bookUrlPlaceholder")} aria-describedby="carddav-url-hint" />
          <span className={ids.hint} id="carddav-url-hint">{tc("urlHint")}</span>
        </label>
        <label>
          {t("user")}
          <input name="username" required defaultValue={book?.username ?? ""} maxLength={320} autoComplete="off" />
        </label>
        <label>
          {t("password")}
          <input name="password" type="password" required maxLength={1000} autoComplete="new-password" />
        </label>
        <button type="submit" className={ids.button}>{book ? t("saveSync") : t("connectSync")}</button>
      </form>
    </section>
  );
}
