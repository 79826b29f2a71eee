import type { Metadata } from "next";
import { useFormatter } from "next-intl";
import { getFormatter, getTranslations } from "next-intl/server";
import { readerDates } from "@/app/i18n/reader-dates";
import { NoticeText } from "@/app/i18n/notice-text";
import { adminOverview } from "@/lib/admin/admin-overview";
import { readNotice } from "@/lib/http/signed-notice";
import { CsrfField } from "../mail/csrf-field";
import { unlockAction } from "./actions";
import { requireAdmin } from "./admin-session";
import styles from "./admin.module.css";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("pageTitle"), robots: { index: false } };
}

function Stats({ items, testId }: { items: [string, number][]; testId: string }) {
  const format = useFormatter();
  return (
    <dl className={styles.stats} data-testid={testId}>
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{format.number(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** For ADMIN_EMAILS only (others get a 404): processes and their load, lockouts with unlock,
 * read-link and spam statistics. */
export default async function AdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const admin = await requireAdmin();
  const notice = readNotice(await searchParams);
  const o = await adminOverview();
  const [t, format, readerDate] = await Promise.all([getTranslations("admin"), getFormatter(), readerDates()]);
  const when = (d: Date) => <time dateTime={d.toISOString()}>{readerDate(d, { dateStyle: "short", timeStyle: "medium" })}</time>;
  return (
    <main className={styles.main}>
      <p className={styles.hint}>
        <a href="/mail">← {t("mail")}</a> · {t.rich("signedInAs", { account: () => <span translate="no">{admin.email}</span> })}
      </p>
      <h1>{t("title")}</h1>
      {notice && (
        <p className={notice.kind === "error" ? styles.noticeError : styles.notice} role="status" data-testid="admin-notice">
          <NoticeText text={notice.text} />
        </p>
      )}

      <section className={styles.panel} aria-labelledby="processes">
        <h2 id="processes">{t("processes")}</h2>
        <p className={styles.hint} data-testid="sessions-active">
          {t("sessionsActive", { count: o.sessionsActive })}
        </p>
        <table className={styles.table} data-testid="processes">
          <thead>
            <tr>
              <th>{t("process")}</th><th>{t("started")}</th><th>{t("heartbeat")}</th><th>{t("online")}</th><th>{t("watchers")}</th>
            </tr>
          </thead>
          <tbody>
            {o.processes.map((p) => (
              <tr key={p.id} data-testid="process">
                <td><span translate="no">{p.host}</span> {t("pid", { pid: String(p.pid) })}{p.current ? ` ${t("thisOne")}` : ""}</td>
                <td>{when(p.startedAt)}</td>
                <td>{p.current ? t("now") : when(p.seenAt)}</td>
                <td>{format.number(p.imapConnections)} / {format.number(p.imapMax)}</td>
                <td>{format.number(p.liveWatchers)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className={styles.hint}>{t("heartbeatHint")}</p>
      </section>

      <section className={styles.panel} aria-labelledby="lockouts">
        <h2 id="lockouts">{t("lockouts")}</h2>
        {o.lockouts.length === 0 ? (
          <p className={styles.hint} data-testid="no-lockouts">{t("noLockouts")}</p>
        ) : (
          <table className={styles.table} data-testid="lockouts">
            <thead>
              <tr>
                <th>{t("limit")}</th><th>{t("account")}</th><th>{t("address")}</th><th>{t("lockedUntil")}</th><th>{t("lockouts")}</th><th></th>
              </tr>
            </thead>
            <tbody>
              {o.lockouts.map((l) => (
                <tr key={l.key} data-testid="lockout">
                  <td translate="no">{l.kind}</td>
                  <td translate="no">{l.account ?? "—"}</td>
                  <td translate="no">{l.address ?? "—"}</td>
                  <td>{when(l.lockedUntil)}</td>
                  <td>{format.number(l.lockouts)}</td>
                  <td>
                    <form action={unlockAction}>
                      <CsrfField />
                      <input type="hidden" name="key" value={l.key} />
                      <button type="submit" className={styles.unlock}>{t("unlock")}</button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className={styles.panel} aria-labelledby="read-links">
        <h2 id="read-links">{t("readLinks")}</h2>
        <Stats
          testId="read-link-stats"
          items={[[t("linksSent"), o.readLinks.sent], [t("linksOpened"), o.readLinks.opened], [t("linksWaiting"), o.readLinks.waiting], [t("linksRevoked"), o.readLinks.revoked], [t("linksExpired"), o.readLinks.expiredUnopened]]}
        />
        <p className={styles.hint}>{t("linksHint")}</p>
      </section>

      <section className={styles.panel} aria-labelledby="spam">
        <h2 id="spam">{t("spam")}</h2>
        <Stats
          testId="spam-stats"
          items={[
            [t("judgedSpam"), o.spam.verdicts.spam], [t("unsure"), o.spam.verdicts.unsure], [t("judgedGood"), o.spam.verdicts.ham],
            [t("filedToJunk"), o.spam.verdicts.filedToJunk], [t("byUser"), o.spam.verdicts.byUser],
            [t("learnedSpam"), o.spam.learned.spam], [t("learnedGood"), o.spam.learned.ham], [t("trainedAccounts"), o.spam.learned.accounts],
          ]}
        />
      </section>
    </main>
  );
}
