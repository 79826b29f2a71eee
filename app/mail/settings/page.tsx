import { requireMailSession } from "@/auth";
import { readNotice } from "@/lib/http/signed-notice";
import { desktopNotifications } from "@/lib/live/live-settings";
import { preferPlainText } from "@/lib/mime/reading-settings";
import { getSettings } from "@/lib/settings/account-settings";
import styles from "../identities/identities.module.css";
import { saveNotificationSettings, saveReadingSettings } from "./actions";
import { NotificationPermission } from "./notification-permission";

export const dynamic = "force-dynamic";

/** The account's preferences, a section per feature; each section's form posts its own action. */
export default async function SettingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const session = await requireMailSession();
  const notice = readNotice(await searchParams);
  const [plain, notify] = await getSettings(session.email, [preferPlainText, desktopNotifications] as const);
  return (
    <div className={styles.page}>
      <header className="topbar">
        <span className="brand">Postern</span>
        <a href="/mail" className={styles.back}>Back to mail</a>
        <span className="account" data-testid="account">{session.email}</span>
      </header>
      <main className={styles.main}>
        <h1>Settings</h1>
        {notice && (
          <p className={notice.kind === "error" ? styles.noticeError : styles.notice} role={notice.kind === "error" ? "alert" : "status"} data-testid="settings-notice">
            {notice.text}
          </p>
        )}
        <section className={styles.panel} aria-labelledby="settings-reading">
          <h2 id="settings-reading">Reading</h2>
          <form action={saveReadingSettings} className={styles.form}>
            <label className={`${styles.check} ${styles.wide}`}>
              <input type="checkbox" name="preferPlainText" value="yes" defaultChecked={plain} />
              Show the plain-text version of a message when it has one
            </label>
            <button type="submit" className={styles.button}>Save</button>
          </form>
        </section>
        <section className={styles.panel} aria-labelledby="settings-notifications">
          <h2 id="settings-notifications">Notifications</h2>
          <form action={saveNotificationSettings} className={styles.form}>
            <label className={`${styles.check} ${styles.wide}`}>
              <input type="checkbox" name="desktopNotifications" value="yes" defaultChecked={notify} />
              Show a desktop notification, with sender and subject, when new mail arrives in Inbox while Postern is open
            </label>
            <button type="submit" className={styles.button}>Save</button>
          </form>
          <NotificationPermission />
        </section>
        <section className={styles.panel} aria-labelledby="settings-filters">
          <h2 id="settings-filters">Filters and vacation reply</h2>
          <p className={styles.hint}>
            <a href="/mail/filters">Sort incoming mail with rules, or set up an automatic reply</a>
          </p>
        </section>
        <section className={styles.panel} aria-labelledby="settings-identities">
          <h2 id="settings-identities">Identities and signatures</h2>
          <p className={styles.hint}>
            <a href="/mail/identities">Manage the addresses you send as</a>
          </p>
        </section>
      </main>
    </div>
  );
}
