import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireMailSession } from "@/auth";
import { getPop3Account } from "@/lib/collect/pop3-account-store";
import { listFolders } from "@/lib/imap/list-folders";
import { CsrfField } from "../../csrf-field";
import { SettingsFrame } from "../../settings-frame";
import { editPop3AccountAction } from "../actions";
import styles from "../../identities/identities.module.css";

export const dynamic = "force-dynamic";

const idParam = z.object({ id: z.string().uuid() });

/** Settings › Collect mail › Change: a POP3 account's server, sign-in, folder and keeping, edited in
 * place (issue 22), so what it collected before is remembered. The password is never sent back. */
export default async function EditPop3Page({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const session = await requireMailSession();
  const t = await getTranslations("pop3Edit");
  const { id } = idParam.parse(await searchParams);
  const [a, folders] = await Promise.all([getPop3Account(session.email, id), listFolders(session.imap, { includeUnsubscribed: true })]);
  return (
    <SettingsFrame email={session.email} title={t("title")}>
      <p className={styles.hint}>
        {t("hint")} <a href="/mail/collect">{t("back")}</a>
      </p>
      <form action={editPop3AccountAction} className={styles.form} data-testid="pop3-edit">
        <CsrfField />
        <input type="hidden" name="id" value={a.id} />
        <label>
          {t("server")}
          <input name="host" required defaultValue={a.host} autoComplete="off" />
        </label>
        <label>
          {t("port")}
          <input name="port" type="number" min={1} max={65535} defaultValue={a.port} required />
        </label>
        <label>
          {t("security")}
          <select name="security" defaultValue={a.security}>
            <option value="tls">{t("tls")}</option>
            <option value="starttls">{t("starttls")}</option>
            <option value="none">{t("none")}</option>
          </select>
        </label>
        <label>
          {t("signIn")}
          <select name="auth" defaultValue={a.auth}>
            <option value="user">{t("userPass")}</option>
            <option value="apop">{t("apop")}</option>
          </select>
        </label>
        <label>
          {t("user")}
          <input name="user" required defaultValue={a.credentials.user} autoComplete="off" translate="no" />
        </label>
        <label>
          {t("password")}
          <input name="pass" type="password" autoComplete="new-password" aria-describedby="pop3-pass-keep" />
          <span className={styles.hint} id="pop3-pass-keep">{t("passwordKeep")}</span>
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
            <option value="keep">{t("keep")}</option>
            <option value="delete">{t("delete")}</option>
          </select>
        </label>
        <label>
          {t("days")}
          <input name="days" type="number" min={0} max={3650} defaultValue={a.deleteAfterDays ?? 7} />
        </label>
        <button type="submit" className={styles.button}>
          {t("save")}
        </button>
      </form>
    </SettingsFrame>
  );
}
