import { getTranslations } from "next-intl/server";
import { readerDates } from "@/app/i18n/reader-dates";
import { StoredErrorText } from "@/app/i18n/stored-error-text";
import { requireMailSession } from "@/auth";
import { listPop3Accounts, type Pop3AccountSummary } from "@/lib/collect/pop3-account-store";
import { readNotice } from "@/lib/http/signed-notice";
import { listFolders } from "@/lib/imap/list-folders";
import { POP3_FETCH_INTERVAL_MS } from "@/lib/limits";
import { CsrfField } from "../csrf-field";
import { SettingsFrame } from "../settings-frame";
import { addPop3AccountAction, deletePop3AccountAction, fetchPop3NowAction } from "./actions";
import { Pop3Fields } from "./pop3-fields";
import styles from "../identities/identities.module.css";

export const dynamic = "force-dynamic";

const SECURITY = { tls: "TLS", starttls: "STARTTLS", none: null } as const;

/** Settings: external POP3 mailboxes collected into folders of this mailbox. The password is never sent back. */
export default async function CollectPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const session = await requireMailSession();
  const notice = readNotice(await searchParams);
  const [accounts, folders] = await Promise.all([listPop3Accounts(session.email), listFolders(session.imap, { includeUnsubscribed: true })]);
  const [t, when] = await Promise.all([getTranslations("collect"), readerDates()]);
  const keeping = (a: Pop3AccountSummary) =>
    a.deleteAfterDays === null ? t("keepLeft") : a.deleteAfterDays === 0 ? t("keepDeleteStored") : t("keepDeleteAfter", { days: a.deleteAfterDays });
  const minutes = Math.round(POP3_FETCH_INTERVAL_MS / 60_000);
  const te = await getTranslations("pop3Edit");
  return (
    <SettingsFrame email={session.email} title={t("title")} notice={notice} noticeTestId="collect-notice">
      <p className={styles.hint}>{t("intro", { minutes })}</p>
      <ul className={styles.list}>
        {accounts.map((a) => (
          <li key={a.id} className={styles.panel} data-testid="pop3-account">
            <h2>
              {t.rich("accountOn", {
                user: () => <span translate="no">{a.user}</span>,
                server: () => <span translate="no">{`${a.host}:${a.port}`}</span>,
              })}
              <span className={styles.badge}>
                {SECURITY[a.security] ? <span translate="no">{SECURITY[a.security]}</span> : t("noEncryption")}
                {a.auth === "apop" && <span translate="no">, APOP</span>}
              </span>
            </h2>
            <p className={styles.hint}>{t.rich("into", { folder: () => <span translate="no">{a.folder}</span>, keeping: keeping(a) })}</p>
            <p className={styles.hint} data-testid="pop3-status">
              {a.lastSuccessAt ? t("lastFetched", { when: when(a.lastSuccessAt), count: a.lastCollected }) : t("notFetched")}
            </p>
            {a.lastError && (
              <p className={styles.noticeError} role="alert" data-testid="pop3-error">
                {a.lastAttemptAt ? t("lastTryAt", { when: when(a.lastAttemptAt) }) : t("lastTry")} <StoredErrorText text={a.lastError} />
              </p>
            )}
            <a href={`/mail/collect/edit?${new URLSearchParams({ id: a.id })}`} data-testid="pop3-edit-link">
              {te("edit")}
            </a>
            <form action={fetchPop3NowAction}>
              <CsrfField />
              <input type="hidden" name="id" value={a.id} />
              <button type="submit" className={styles.secondary}>{t("fetchNow")}</button>
            </form>
            <form action={deletePop3AccountAction}>
              <CsrfField />
              <input type="hidden" name="id" value={a.id} />
              <button type="submit" className={styles.danger}>{t("remove")}</button>
            </form>
          </li>
        ))}
      </ul>
      <section className={styles.panel} aria-labelledby="collect-add">
        <h2 id="collect-add">{t("addTitle")}</h2>
        <form action={addPop3AccountAction} className={styles.form}>
          <CsrfField />
          <Pop3Fields folders={folders} />
          <p className={`${styles.hint} ${styles.wide}`}>{t("checkFirst")}</p>
          <button type="submit" className={styles.button}>{t("add")}</button>
        </form>
      </section>
    </SettingsFrame>
  );
}
