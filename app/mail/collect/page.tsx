import { getTranslations } from "next-intl/server";
import { requireMailSession } from "@/auth";
import { listPop3Accounts, type Pop3AccountSummary } from "@/lib/collect/pop3-account-store";
import { readNotice } from "@/lib/http/signed-notice";
import { listFolders } from "@/lib/imap/list-folders";
import { POP3_FETCH_INTERVAL_MS } from "@/lib/limits";
import { CsrfField } from "../csrf-field";
import { SettingsFrame } from "../settings-frame";
import { addPop3AccountAction, deletePop3AccountAction, fetchPop3NowAction } from "./actions";
import styles from "../identities/identities.module.css";

export const dynamic = "force-dynamic";

const when = (d: Date) => `${d.toLocaleString("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" })} UTC`;
const SECURITY = { tls: "TLS", starttls: "STARTTLS", none: "no encryption" } as const;

function keeping(a: Pop3AccountSummary): string {
  if (a.deleteAfterDays === null) return "left on the server";
  return a.deleteAfterDays === 0 ? "deleted from the server once stored" : `deleted from the server ${a.deleteAfterDays} days after they are stored`;
}

/** Settings: external POP3 mailboxes collected into folders of this mailbox. The password is never sent back. */
export default async function CollectPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const session = await requireMailSession();
  const notice = readNotice(await searchParams);
  const [accounts, folders] = await Promise.all([listPop3Accounts(session.email), listFolders(session.imap, { includeUnsubscribed: true })]);
  const minutes = Math.round(POP3_FETCH_INTERVAL_MS / 60_000);
  const t = await getTranslations("pop3Edit");
  return (
    <SettingsFrame email={session.email} title="Collect mail (POP3)" notice={notice} noticeTestId="collect-notice">
      <p className={styles.hint}>
        Postern fetches the mail of other mailboxes over POP3 into a folder here, every {minutes} minutes while you are signed in (Postern keeps
        your mail password only for your session, so fetching waits while you are signed out), and whenever you press Fetch now. Each message
        is fetched once; it is deleted from the other server only after it is stored here, and only if you ask for that. Collected mail is
        judged by the spam filter like mail that arrives in your Inbox.
      </p>
      <ul className={styles.list}>
        {accounts.map((a) => (
          <li key={a.id} className={styles.panel} data-testid="pop3-account">
            <h2>
              {a.user} on {a.host}:{a.port}
              <span className={styles.badge}>{SECURITY[a.security]}{a.auth === "apop" ? ", APOP" : ""}</span>
            </h2>
            <p className={styles.hint}>
              Into {a.folder}; messages are {keeping(a)}.
            </p>
            <p className={styles.hint} data-testid="pop3-status">
              {a.lastSuccessAt ? `Last fetched ${when(a.lastSuccessAt)} (${a.lastCollected} new).` : "Not fetched yet."}
            </p>
            {a.lastError && (
              <p className={styles.noticeError} role="alert" data-testid="pop3-error">
                Last try{a.lastAttemptAt ? ` ${when(a.lastAttemptAt)}` : ""}: {a.lastError}
              </p>
            )}
            <a href={`/mail/collect/edit?${new URLSearchParams({ id: a.id })}`} data-testid="pop3-edit-link">
              {t("edit")}
            </a>
            <form action={fetchPop3NowAction}>
              <CsrfField />
              <input type="hidden" name="id" value={a.id} />
              <button type="submit" className={styles.secondary}>Fetch now</button>
            </form>
            <form action={deletePop3AccountAction}>
              <CsrfField />
              <input type="hidden" name="id" value={a.id} />
              <button type="submit" className={styles.danger}>Remove</button>
            </form>
          </li>
        ))}
      </ul>
      <section className={styles.panel} aria-labelledby="collect-add">
        <h2 id="collect-add">Add a POP3 account</h2>
        <form action={addPop3AccountAction} className={styles.form}>
          <CsrfField />
          <label>
            Server
            <input name="host" required placeholder="pop.example.com" autoComplete="off" />
          </label>
          <label>
            Port
            <input name="port" type="number" min={1} max={65535} defaultValue={995} required />
          </label>
          <label>
            Security
            <select name="security" defaultValue="tls">
              <option value="tls">TLS (port 995)</option>
              <option value="starttls">STARTTLS (port 110)</option>
              <option value="none">None (trusted networks only)</option>
            </select>
          </label>
          <label>
            Sign-in
            <select name="auth" defaultValue="user">
              <option value="user">Password (USER/PASS)</option>
              <option value="apop">APOP</option>
            </select>
          </label>
          <label>
            User name
            <input name="user" required autoComplete="off" />
          </label>
          <label>
            Password
            <input name="pass" type="password" required autoComplete="new-password" />
          </label>
          <label>
            Into folder
            <select name="folder" defaultValue="INBOX">
              {folders
                .filter((f) => f.selectable)
                .map((f) => (
                  <option key={f.path} value={f.path}>
                    {f.path}
                  </option>
                ))}
            </select>
          </label>
          <label>
            After fetching
            <select name="keep" defaultValue="keep">
              <option value="keep">Leave messages there</option>
              <option value="delete">Delete them after the days below</option>
            </select>
          </label>
          <label>
            Days before deleting (0: once stored)
            <input name="days" type="number" min={0} max={3650} defaultValue={7} />
          </label>
          <p className={`${styles.hint} ${styles.wide}`}>Postern signs in once to check the account before it is added.</p>
          <button type="submit" className={styles.button}>Add account</button>
        </form>
      </section>
    </SettingsFrame>
  );
}
