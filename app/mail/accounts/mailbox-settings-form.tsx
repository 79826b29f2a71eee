import { useTranslations } from "next-intl";
import type { MailboxSettings } from "@/lib/accounts/mailbox-settings";
import { CsrfField } from "../csrf-field";
import { saveMailboxSettingsAction } from "./actions";
import styles from "../identities/identities.module.css";

/** An added account's own settings (issue 22), each "as in my Settings" until chosen. A plain
 * form: works without JavaScript. */
export function MailboxSettingsForm({ id, label, settings }: { id: string; label: string; settings: MailboxSettings }) {
  const t = useTranslations("mailboxSettings");
  return (
    <form action={saveMailboxSettingsAction} className={styles.form} aria-label={`${t("settings")}: ${label}`} data-testid="mailbox-settings">
      <CsrfField />
      <input type="hidden" name="id" value={id} />
      <label>
        {t("format")}
        <select name="format" defaultValue={settings.format}>
          <option value="inherit">{t("inherit")}</option>
          <option value="plain">{t("formatPlain")}</option>
          <option value="html">{t("formatRich")}</option>
        </select>
      </label>
      <label>
        {t("mdn")}
        <select name="mdn" defaultValue={settings.mdn}>
          <option value="inherit">{t("inherit")}</option>
          <option value="ignore">{t("mdnIgnore")}</option>
          <option value="ask">{t("mdnAsk")}</option>
        </select>
      </label>
      <button type="submit" className={styles.secondary}>
        {t("save")}
      </button>
    </form>
  );
}
