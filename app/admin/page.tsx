import type { Metadata } from "next";
import { adminOverview } from "@/lib/admin/admin-overview";
import { readNotice } from "@/lib/http/signed-notice";
import { CsrfField } from "../mail/csrf-field";
import { unlockAction } from "./actions";
import { requireAdmin } from "./admin-session";
import styles from "./admin.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Administration · Postern", robots: { index: false } };

const when = (d: Date) => `${d.toISOString().slice(0, 19).replace("T", " ")} UTC`;

function Stats({ items, testId }: { items: [string, number][]; testId: string }) {
  return (
    <dl className={styles.stats} data-testid={testId}>
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
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
  return (
    <main className={styles.main}>
      <p className={styles.hint}>
        <a href="/mail">← Mail</a> · signed in as {admin.email}
      </p>
      <h1>Administration</h1>
      {notice && (
        <p className={notice.kind === "error" ? styles.noticeError : styles.notice} role="status" data-testid="admin-notice">
          {notice.text}
        </p>
      )}

      <section className={styles.panel} aria-labelledby="processes">
        <h2 id="processes">Processes</h2>
        <p className={styles.hint} data-testid="sessions-active">
          {o.sessionsActive} session{o.sessionsActive === 1 ? "" : "s"} active (used within the idle timeout), all processes.
        </p>
        <table className={styles.table} data-testid="processes">
          <thead>
            <tr>
              <th>Process</th><th>Started</th><th>Last heartbeat</th><th>Sessions online (IMAP pool use)</th><th>Live watchers</th>
            </tr>
          </thead>
          <tbody>
            {o.processes.map((p) => (
              <tr key={p.id} data-testid="process">
                <td>{p.host} pid {p.pid}{p.current ? " (this one)" : ""}</td>
                <td>{when(p.startedAt)}</td>
                <td>{p.current ? "now" : when(p.seenAt)}</td>
                <td>{p.imapConnections} / {p.imapMax}</td>
                <td>{p.liveWatchers}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className={styles.hint}>Each process reports every 30 s; one silent for 90 s is left out.</p>
      </section>

      <section className={styles.panel} aria-labelledby="lockouts">
        <h2 id="lockouts">Lockouts</h2>
        {o.lockouts.length === 0 ? (
          <p className={styles.hint} data-testid="no-lockouts">Nobody is locked out.</p>
        ) : (
          <table className={styles.table} data-testid="lockouts">
            <thead>
              <tr>
                <th>Limit</th><th>Account</th><th>Address</th><th>Locked until</th><th>Lockouts</th><th></th>
              </tr>
            </thead>
            <tbody>
              {o.lockouts.map((l) => (
                <tr key={l.key} data-testid="lockout">
                  <td>{l.kind}</td>
                  <td>{l.account ?? "—"}</td>
                  <td>{l.address ?? "—"}</td>
                  <td>{when(l.lockedUntil)}</td>
                  <td>{l.lockouts}</td>
                  <td>
                    <form action={unlockAction}>
                      <CsrfField />
                      <input type="hidden" name="key" value={l.key} />
                      <button type="submit" className={styles.unlock}>Unlock</button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className={styles.panel} aria-labelledby="read-links">
        <h2 id="read-links">Read links</h2>
        <Stats
          testId="read-link-stats"
          items={[["Sent", o.readLinks.sent], ["Opened", o.readLinks.opened], ["Waiting", o.readLinks.waiting], ["Revoked", o.readLinks.revoked], ["Expired unopened", o.readLinks.expiredUnopened]]}
        />
        <p className={styles.hint}>Links of the last year (older receipts are deleted).</p>
      </section>

      <section className={styles.panel} aria-labelledby="spam">
        <h2 id="spam">Spam filter</h2>
        <Stats
          testId="spam-stats"
          items={[
            ["Judged spam", o.spam.verdicts.spam], ["Unsure", o.spam.verdicts.unsure], ["Judged good", o.spam.verdicts.ham],
            ["Filed to Junk", o.spam.verdicts.filedToJunk], ["Users' own calls", o.spam.verdicts.byUser],
            ["Learned as spam", o.spam.learned.spam], ["Learned as good", o.spam.learned.ham], ["Accounts with a trained filter", o.spam.learned.accounts],
          ]}
        />
      </section>
    </main>
  );
}
