import { requireMailSession } from "@/auth";
import { SettingsFrame } from "../settings-frame";
import { readNotice } from "@/lib/http/signed-notice";
import { getReadingPreferences } from "@/lib/mime/reading-settings";
import { getSettings } from "@/lib/settings/account-settings";
import styles from "../identities/identities.module.css";
import { readLinkExpiryDays, readLinkInboxNotice, readLinkShowSubject } from "@/lib/read-links/read-link-settings";
import { mdnPolicy } from "@/lib/mdn/mdn-settings";
import { saveAppearanceSettings, saveComposeSettings, saveMdnSettings, saveReadingSettings, saveReadLinkSettings } from "./actions";
import { uiTheme } from "@/lib/settings/appearance-settings";
import { composeFormat } from "@/lib/compose/compose-settings";
import { stopShowingImagesFrom } from "./reading-actions";
import { desktopNotifications } from "@/lib/live/live-settings";
import { saveNotificationSettings } from "./actions";
import { NotificationPermission } from "./notification-permission";
import { SpamSection } from "./spam-section";
import { CsrfField } from "../csrf-field";

export const dynamic = "force-dynamic";

/** The account's preferences, a section per feature; each section's form posts its own action. */
export default async function SettingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const session = await requireMailSession();
  const notice = readNotice(await searchParams);
  const reading = await getReadingPreferences(session.email);
  const [expiryDays, inboxNotice, mdn, notify, format, showSubject, theme] = await getSettings(session.email, [
    readLinkExpiryDays,
    readLinkInboxNotice,
    mdnPolicy,
    desktopNotifications,
    composeFormat,
    readLinkShowSubject,
    uiTheme,
  ] as const);
  return (
    <SettingsFrame email={session.email} title="Settings" notice={notice} noticeTestId="settings-notice">
        <section className={styles.panel} aria-labelledby="settings-reading">
          <h2 id="settings-reading">Reading</h2>
          <form action={saveReadingSettings} className={styles.form}>
            <CsrfField />
            <label className={`${styles.check} ${styles.wide}`}>
              <input type="checkbox" name="preferPlainText" value="yes" defaultChecked={reading.preferPlainText} />
              Show the plain-text version of a message when it has one
            </label>
            <label className={`${styles.check} ${styles.wide}`}>
              <input type="checkbox" name="useImageProxy" value="yes" defaultChecked={reading.useImageProxy} />
              Load shown images through Postern, so senders do not see my IP address
            </label>
            <button type="submit" className={styles.button}>Save</button>
          </form>
          <h3 className={styles.subheading}>Remote images always shown from</h3>
          {reading.trustedImageSenders.length === 0 ? (
            <p className={styles.hint}>Nobody. Choose “Always show images from …” above a message to add its sender.</p>
          ) : (
            <ul className={styles.senders} data-testid="trusted-image-senders">
              {reading.trustedImageSenders.map((a) => (
                <li key={a}>
                  <span>{a}</span>
                  <form action={stopShowingImagesFrom}>
                    <CsrfField />
                    <input type="hidden" name="address" value={a} />
                    <button type="submit" className={styles.danger} aria-label={`Stop showing images from ${a}`}>Stop</button>
                  </form>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className={styles.panel} aria-labelledby="settings-appearance">
          <h2 id="settings-appearance">Appearance</h2>
          <form action={saveAppearanceSettings} className={styles.form}>
            <CsrfField />
            {(
              [
                ["system", "As my device's system setting says"],
                ["light", "Light"],
                ["dark", "Dark"],
              ] as const
            ).map(([value, label]) => (
              <label key={value} className={`${styles.check} ${styles.wide}`}>
                <input type="radio" name="theme" value={value} defaultChecked={theme === value} />
                {label}
              </label>
            ))}
            <button type="submit" className={styles.button}>Save</button>
          </form>
        </section>
        <section className={styles.panel} aria-labelledby="settings-compose">
          <h2 id="settings-compose">Writing</h2>
          <form action={saveComposeSettings} className={styles.form}>
            <CsrfField />
            <label className={`${styles.check} ${styles.wide}`}>
              <input type="radio" name="format" value="plain" defaultChecked={format === "plain"} />
              Write new messages, replies and forwards as plain text
            </label>
            <label className={`${styles.check} ${styles.wide}`}>
              <input type="radio" name="format" value="html" defaultChecked={format === "html"} />
              Write them as rich text (bold, lists, links, pasted images), sent with a plain-text version
            </label>
            <p className={`${styles.hint} ${styles.wide}`}>The composer can switch between the two for any message.</p>
            <button type="submit" className={styles.button}>Save</button>
          </form>
        </section>
        <section className={styles.panel} aria-labelledby="settings-read-links">
          <h2 id="settings-read-links">Read confirmation by one-time link</h2>
          <form action={saveReadLinkSettings} className={styles.form}>
            <CsrfField />
            <label>
              Links expire after (days)
              <input type="number" name="expiryDays" min={1} max={365} required defaultValue={expiryDays} />
            </label>
            <label className={`${styles.check} ${styles.wide}`}>
              <input type="checkbox" name="inboxNotice" value="yes" defaultChecked={inboxNotice} />
              Also put a short message in my Inbox when a link is opened
            </label>
            <label className={`${styles.check} ${styles.wide}`}>
              <input type="checkbox" name="showSubject" value="yes" defaultChecked={showSubject} />
              Show the message&apos;s subject in the email with the link (otherwise “A message from …”: subjects travel unencrypted)
            </label>
            <p className={`${styles.hint} ${styles.wide}`}>
              Openings always show in Postern and in <a href="/mail/receipts">Receipts</a>. The Inbox message is delivered the next time you
              use Postern after the opening. An unopened link&apos;s message is deleted from the server when it expires.
            </p>
            <button type="submit" className={styles.button}>Save</button>
          </form>
        </section>
        <section className={styles.panel} aria-labelledby="settings-mdn">
          <h2 id="settings-mdn">Read receipts others ask for</h2>
          <form action={saveMdnSettings} className={styles.form}>
            <CsrfField />
            <label className={`${styles.check} ${styles.wide}`}>
              <input type="radio" name="policy" value="ignore" defaultChecked={mdn === "ignore"} />
              Ignore requests for read receipts
            </label>
            <label className={`${styles.check} ${styles.wide}`}>
              <input type="radio" name="policy" value="ask" defaultChecked={mdn === "ask"} />
              Ask me each time (a receipt is sent only if I say so)
            </label>
            <p className={`${styles.hint} ${styles.wide}`}>
              Some mail asks to be told when you read it (Disposition-Notification-To). Postern never answers on its own.
            </p>
            <button type="submit" className={styles.button}>Save</button>
          </form>
        </section>
        <section className={styles.panel} aria-labelledby="settings-notifications">
          <h2 id="settings-notifications">Notifications</h2>
          <form action={saveNotificationSettings} className={styles.form}>
            <CsrfField />
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
        <SpamSection email={session.email} />
        <section className={styles.panel} aria-labelledby="settings-security">
          <h2 id="settings-security">Sign-in security</h2>
          <p className={styles.hint}>
            <a href="/mail/security">Two-factor sign-in with an authenticator app, and recovery codes</a>
          </p>
          <p className={styles.hint}>
            <a href="/mail/sessions">Devices and sessions: where you are signed in, and signing them out</a>
          </p>
        </section>
        <section className={styles.panel} aria-labelledby="settings-identities">
          <h2 id="settings-identities">Identities and signatures</h2>
          <p className={styles.hint}>
            <a href="/mail/identities">Manage the addresses you send as</a>
          </p>
        </section>
        <section className={styles.panel} aria-labelledby="settings-collect">
          <h2 id="settings-collect">Collect mail</h2>
          <p className={styles.hint}>
            <a href="/mail/collect">Fetch mail from other mailboxes (POP3) into a folder here</a>
          </p>
        </section>
    </SettingsFrame>
  );
}
