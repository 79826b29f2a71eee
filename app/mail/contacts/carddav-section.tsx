import { useTranslations } from "next-intl";
import type { CardDavBookView } from "@/lib/carddav/book-store";
import { CARDDAV_SYNC_INTERVAL_MS } from "@/lib/carddav/sync-due-books";
import { CsrfField } from "../csrf-field";
import ids from "../identities/identities.module.css";
import { LocalDate } from "../local-date";
import { disconnectCardDavAction, saveCardDavAction, syncCardDavAction } from "./carddav-actions";
import styles from "./contacts.module.css";

/** Sync with a CardDAV server (Nextcloud, Radicale, iCloud, Fastmail…): set up, status, sync now. */
export function CardDavSection({ book }: { book: CardDavBookView | null }) {
  const t = useTranslations("carddav");
  return (
    <section className={ids.panel} aria-labelledby="carddav-title" data-testid="carddav">
      <h2 id="carddav-title">Sync with a CardDAV server</h2>
      {book && (
        <>
          <p className={ids.hint} data-testid="carddav-status">
            Synced with {book.url} as {book.username}
            {book.lastSyncAt ? <>, last at <LocalDate iso={book.lastSyncAt.toISOString()} /></> : ", not yet"}. Every {CARDDAV_SYNC_INTERVAL_MS / 60_000} minutes, and when you ask.
          </p>
          {book.lastError && <p className={ids.noticeError} role="alert">Last sync failed: {book.lastError}</p>}
          <div className={styles.inline}>
            <form action={syncCardDavAction}>
              <CsrfField />
              <button type="submit" className={ids.secondary}>Sync now</button>
            </form>
            <form action={disconnectCardDavAction}>
              <CsrfField />
              <button type="submit" className={ids.danger}>Stop syncing</button>
            </form>
          </div>
        </>
      )}
      <form action={saveCardDavAction} className={ids.form}>
        <CsrfField />
        <label className={ids.wide}>
          Address book URL
          <input name="url" type="url" required defaultValue={book?.url ?? ""} maxLength={2000} placeholder="https://dav.example.org/alice/contacts/" aria-describedby="carddav-url-hint" />
          <span className={ids.hint} id="carddav-url-hint">{t("urlHint")}</span>
        </label>
        <label>
          User name
          <input name="username" required defaultValue={book?.username ?? ""} maxLength={320} autoComplete="off" />
        </label>
        <label>
          Password
          <input name="password" type="password" required maxLength={1000} autoComplete="new-password" />
        </label>
        <button type="submit" className={ids.button}>{book ? "Save and sync" : "Connect and sync"}</button>
      </form>
    </section>
  );
}
