import { getLocale, getTranslations } from "next-intl/server";
import { ReloadOnNewLanguage } from "@/app/i18n/reload-on-new-language";
import { requireMailSession } from "@/auth";
import { SettingsFrame } from "../settings-frame";
import { readNotice } from "@/lib/http/signed-notice";
import { getReadingPreferences } from "@/lib/mime/reading-settings";
import { getSettings } from "@/lib/settings/account-settings";
import styles from "../identities/identities.module.css";
import { readLinkExpiryDays, readLinkInboxNotice, readLinkShowSubject } from "@/lib/read-links/read-link-settings";
import { mdnPolicy } from "@/lib/mdn/mdn-settings";
import { saveAppearanceSettings, saveComposeSettings, saveMdnSettings, saveReadingSettings, saveReadLinkSettings } from "./actions";
import { UI_LANGUAGES, uiLanguage, uiTheme } from "@/lib/settings/appearance-settings";
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
  const t = await getTranslations("settings");
  const [expiryDays, inboxNotice, mdn, notify, format, showSubject, theme, language] = await getSettings(session.email, [
    readLinkExpiryDays,
    readLinkInboxNotice,
    mdnPolicy,
    desktopNotifications,
    composeFormat,
    readLinkShowSubject,
    uiTheme,
    uiLanguage,
  ] as const);
  return (
    <SettingsFrame email={session.email} title={t("title")} notice={notice} noticeTestId="settings-notice">
        <ReloadOnNewLanguage lang={await getLocale()} />
        <section className={styles.panel} aria-labelledby="settings-reading">
          <h2 id="settings-reading">{t("reading")}</h2>
          <form action={saveReadingSettings} className={styles.form}>
            <CsrfField />
            <label className={`${styles.check} ${styles.wide}`}>
              <input type="checkbox" name="preferPlainText" value="yes" defaultChecked={reading.preferPlainText} />
              {t("preferPlainText")}
            </label>
            <label className={`${styles.check} ${styles.wide}`}>
              <input type="checkbox" name="useImageProxy" value="yes" defaultChecked={reading.useImageProxy} />
              {t("useImageProxy")}
            </label>
            <button type="submit" className={styles.button}>{t("save")}</button>
          </form>
          <h3 className={styles.subheading}>{t("trustedSenders")}</h3>
          {reading.trustedImageSenders.length === 0 ? (
            <p className={styles.hint}>{t("trustedNobody")}</p>
          ) : (
            <ul className={styles.senders} data-testid="trusted-image-senders">
              {reading.trustedImageSenders.map((a) => (
                <li key={a}>
                  <span translate="no">{a}</span>
                  <form action={stopShowingImagesFrom}>
                    <CsrfField />
                    <input type="hidden" name="address" value={a} />
                    <button type="submit" className={styles.danger} aria-label={t("stopShowingFrom", { sender: a })}>{t("stop")}</button>
                  </form>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className={styles.panel} aria-labelledby="settings-appearance">
          <h2 id="settings-appearance">{t("appearance")}</h2>
          <form action={saveAppearanceSettings} className={styles.form}>
            <CsrfField />
            <fieldset className={`${styles.choices} ${styles.wide}`}>
              <legend>{t("theme")}</legend>
              {(["system", "light", "dark"] as const).map((value) => (
                <label key={value} className={`${styles.check} ${styles.wide}`}>
                  <input type="radio" name="theme" value={value} defaultChecked={theme === value} />
                  {t(`themes.${value}`)}
                </label>
              ))}
            </fieldset>
            <label className={styles.wide}>
              {t("language")}
              <select name="language" defaultValue={language} data-testid="language-select">
                {UI_LANGUAGES.map((value) => (
                  <option key={value} value={value} lang={value === "auto" ? undefined : value}>
                    {t(`languages.${value}`)}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className={styles.button}>{t("save")}</button>
          </form>
        </section>
        <section className={styles.panel} aria-labelledby="settings-compose">
          <h2 id="settings-compose">{t("writing")}</h2>
          <form action={saveComposeSettings} className={styles.form}>
            <CsrfField />
            <label className={`${styles.check} ${styles.wide}`}>
              <input type="radio" name="format" value="plain" defaultChecked={format === "plain"} />
              {t("writePlain")}
            </label>
            <label className={`${styles.check} ${styles.wide}`}>
              <input type="radio" name="format" value="html" defaultChecked={format === "html"} />
              {t("writeRich")}
            </label>
            <p className={`${styles.hint} ${styles.wide}`}>{t("writeHint")}</p>
            <button type="submit" className={styles.button}>{t("save")}</button>
          </form>
        </section>
        <section className={styles.panel} aria-labelledby="settings-read-links">
          <h2 id="settings-read-links">{t("readLinks")}</h2>
          <form action={saveReadLinkSettings} className={styles.form}>
            <CsrfField />
            <label>
              {t("linkDays")}
              <input type="number" name="expiryDays" min={1} max={365} required defaultValue={expiryDays} />
            </label>
            <label className={`${styles.check} ${styles.wide}`}>
              <input type="checkbox" name="inboxNotice" value="yes" defaultChecked={inboxNotice} />
              {t("inboxNotice")}
            </label>
            <label className={`${styles.check} ${styles.wide}`}>
              <input type="checkbox" name="showSubject" value="yes" defaultChecked={showSubject} />
              {t("showSubject")}
            </label>
            <p className={`${styles.hint} ${styles.wide}`}>
              {t.rich("readLinksHint", { receipts: (chunks) => <a href="/mail/receipts">{chunks}</a> })}
            </p>
            <button type="submit" className={styles.button}>{t("save")}</button>
          </form>
        </section>
        <section className={styles.panel} aria-labelledby="settings-mdn">
          <h2 id="settings-mdn">{t("mdn")}</h2>
          <form action={saveMdnSettings} className={styles.form}>
            <CsrfField />
            <label className={`${styles.check} ${styles.wide}`}>
              <input type="radio" name="policy" value="ignore" defaultChecked={mdn === "ignore"} />
              {t("mdnIgnore")}
            </label>
            <label className={`${styles.check} ${styles.wide}`}>
              <input type="radio" name="policy" value="ask" defaultChecked={mdn === "ask"} />
              {t("mdnAsk")}
            </label>
            <p className={`${styles.hint} ${styles.wide}`}>
              {t("mdnHint")}
            </p>
            <button type="submit" className={styles.button}>{t("save")}</button>
          </form>
        </section>
        <section className={styles.panel} aria-labelledby="settings-notifications">
          <h2 id="settings-notifications">{t("notifications")}</h2>
          <form action={saveNotificationSettings} className={styles.form}>
            <CsrfField />
            <label className={`${styles.check} ${styles.wide}`}>
              <input type="checkbox" name="desktopNotifications" value="yes" defaultChecked={notify} />
              {t("desktopNotifications")}
            </label>
            <button type="submit" className={styles.button}>{t("save")}</button>
          </form>
          <NotificationPermission />
        </section>
        <section className={styles.panel} aria-labelledby="settings-filters">
          <h2 id="settings-filters">{t("filters")}</h2>
          <p className={styles.hint}>
            <a href="/mail/filters">{t("filtersLink")}</a>
          </p>
        </section>
        <SpamSection email={session.email} />
        <section className={styles.panel} aria-labelledby="settings-security">
          <h2 id="settings-security">{t("security")}</h2>
          <p className={styles.hint}>
            <a href="/mail/security">{t("securityLink")}</a>
          </p>
          <p className={styles.hint}>
            <a href="/mail/sessions">{t("sessionsLink")}</a>
          </p>
        </section>
        <section className={styles.panel} aria-labelledby="settings-identities">
          <h2 id="settings-identities">{t("identities")}</h2>
          <p className={styles.hint}>
            <a href="/mail/identities">{t("identitiesLink")}</a>
          </p>
        </section>
        <section className={styles.panel} aria-labelledby="settings-accounts">
          <h2 id="settings-accounts">{t("otherAccounts")}</h2>
          <p className={styles.hint}>
            <a href="/mail/accounts">{t("otherAccountsLink")}</a>
          </p>
        </section>
        <section className={styles.panel} aria-labelledby="settings-collect">
          <h2 id="settings-collect">{t("collect")}</h2>
          <p className={styles.hint}>
            <a href="/mail/collect">{t("collectLink")}</a>
          </p>
        </section>
    </SettingsFrame>
  );
}
