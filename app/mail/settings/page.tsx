import { requireMailSession } from "@/auth";
import { readNotice } from "@/lib/http/signed-notice";
import { preferPlainText } from "@/lib/mime/reading-settings";
import { getSettings } from "@/lib/settings/account-settings";
import styles from "../identities/identities.module.css";
import { saveReadingSettings } from "./actions";
import { SpamSection } from "./spam-section";

export const dynamic = "force-dynamic";

/** The account's preferences, a section per feature; each section's form posts its own action. */
export default async function SettingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const session = await requireMailSession();
  const notice = readNotice(await searchParams);
  const [plain] = await getSettings(session.email, [preferPlainText] as const);
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
        <SpamSection email={session.email} />
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
