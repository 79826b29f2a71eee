import { getTranslations } from "next-intl/server";
import { NoticeText } from "@/app/i18n/notice-text";
import { requireMailSession } from "@/auth";
import { readNotice } from "@/lib/http/signed-notice";
import { getNewsServer } from "@/lib/news/news-server-store";
import { CsrfField } from "../../csrf-field";
import { saveNewsServerSettings, useDefaultNewsServer } from "../actions";

export const dynamic = "force-dynamic";

/** The user's news server; the password is never sent back to the browser. */
export default async function NewsServerPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const session = await requireMailSession();
  const notice = readNotice(await searchParams);
  const server = await getNewsServer(session.email);
  const t = await getTranslations("news");
  return (
    <main className="all-search" aria-label={t("server")}>
      <h1>{t("server")}</h1>
      <p className="muted">
        {server.own ? t("ownServer") : t("defaultServer")} <a href="/mail/news">{t("backToNews")}</a>
      </p>
      {notice && <p className={notice.kind === "error" ? "form-error" : "form-notice"} role="status"><NoticeText text={notice.text} /></p>}
      <form action={saveNewsServerSettings} className="login-form">
        <CsrfField />
        <label>
          {t("host")}
          <input name="host" defaultValue={server.host} required />
        </label>
        <label>
          {t("port")}
          <input name="port" type="number" min={1} max={65535} defaultValue={server.port} required />
        </label>
        <label>
          {t("security")}
          <select name="security" defaultValue={server.security}>
            <option value="starttls" translate="no">STARTTLS</option>
            <option value="tls">{t("securityTls")}</option>
            <option value="none">{t("securityNone")}</option>
          </select>
        </label>
        <label>
          {t("user")} <span className="muted">{t("userHint")}</span>
          <input name="user" defaultValue={server.credentials?.user ?? ""} autoComplete="off" />
        </label>
        <label>
          {t("password")}
          <input name="pass" type="password" autoComplete="new-password" placeholder={server.credentials ? t("passwordKept") : ""} />
        </label>
        <button type="submit">{t("save")}</button>
      </form>
      {server.own && (
        <form action={useDefaultNewsServer} style={{ marginTop: "1rem" }}>
          <CsrfField />
          <button type="submit" className="text-button">{t("useDefault")}</button>
        </form>
      )}
    </main>
  );
}
