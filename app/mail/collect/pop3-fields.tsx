import { getTranslations } from "next-intl/server";
import type { Pop3AccountSummary } from "@/lib/collect/pop3-account-store";
import type { FolderInfo } from "@/lib/imap/list-folders";
import styles from "../identities/identities.module.css";

type Shown = Pick<Pop3AccountSummary, "host" | "port" | "security" | "auth" | "user" | "folder" | "deleteAfterDays">;

/** A new account's starting values: TLS from the first byte on 995, into INBOX, left on the server. */
const NEW_ACCOUNT: Shown = { host: "", port: 995, security: "tls", auth: "user", user: "", folder: "INBOX", deleteAfterDays: null };

/**
 * The fields of a POP3 account, for adding one (`account` absent) and for changing one, where the
 * password may stay empty (`passwordHint` says it keeps the stored one: it is never sent back).
 */
export async function Pop3Fields({ folders, account, passwordHint }: { folders: FolderInfo[]; account?: Shown; passwordHint?: string }) {
  const t = await getTranslations("collect");
  const a = account ?? NEW_ACCOUNT;
  return (
    <>
      <label>
        {t("server")}
        <input name="host" required defaultValue={a.host} placeholder={account ? undefined : t("serverPlaceholder")} autoComplete="off" />
      </label>
      <label>
        {t("port")}
        <input name="port" type="number" min={1} max={65535} defaultValue={a.port} required />
      </label>
      <label>
        {t("security")}
        <select name="security" defaultValue={a.security}>
          <option value="tls">{t("securityTls")}</option>
          <option value="starttls">{t("securityStarttls")}</option>
          <option value="none">{t("securityNone")}</option>
        </select>
      </label>
      <label>
        {t("signIn")}
        <select name="auth" defaultValue={a.auth}>
          <option value="user">{t("authUser")}</option>
          <option value="apop" translate="no">
            APOP
          </option>
        </select>
      </label>
      <label>
        {t("user")}
        <input name="user" required defaultValue={a.user} autoComplete="off" translate="no" />
      </label>
      <label>
        {t("password")}
        {passwordHint ? (
          <>
            <input name="pass" type="password" autoComplete="new-password" aria-describedby="pop3-pass-keep" />
            <span className={styles.hint} id="pop3-pass-keep">
              {passwordHint}
            </span>
          </>
        ) : (
          <input name="pass" type="password" required autoComplete="new-password" />
        )}
      </label>
      <label>
        {t("folder")}
        <select name="folder" defaultValue={a.folder}>
          {folders
            .filter((f) => f.selectable || f.path === a.folder)
            .map((f) => (
              <option key={f.path} value={f.path} translate="no">
                {f.path}
              </option>
            ))}
        </select>
      </label>
      <label>
        {t("after")}
        <select name="keep" defaultValue={a.deleteAfterDays === null ? "keep" : "delete"}>
          <option value="keep">{t("afterKeep")}</option>
          <option value="delete">{t("afterDelete")}</option>
        </select>
      </label>
      <label>
        {t("days")}
        <input name="days" type="number" min={0} max={3650} defaultValue={a.deleteAfterDays ?? 7} />
      </label>
    </>
  );
}
