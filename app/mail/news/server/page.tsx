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
  return (
    <main className="all-search" aria-label="News server">
      <h1>News server</h1>
      <p className="muted">
        {server.own ? "You read news from your own server." : "You read news from this installation's default server."} <a href="/mail/news">Back to news</a>
      </p>
      {notice && <p className={notice.kind === "error" ? "form-error" : "form-notice"} role="status">{notice.text}</p>}
      <form action={saveNewsServerSettings} className="login-form">
        <CsrfField />
        <label>
          Server
          <input name="host" defaultValue={server.host} required />
        </label>
        <label>
          Port
          <input name="port" type="number" min={1} max={65535} defaultValue={server.port} required />
        </label>
        <label>
          Security
          <select name="security" defaultValue={server.security}>
            <option value="starttls">STARTTLS</option>
            <option value="tls">TLS (port 563)</option>
            <option value="none">None (trusted networks only)</option>
          </select>
        </label>
        <label>
          User name <span className="muted">(empty: read without signing in)</span>
          <input name="user" defaultValue={server.credentials?.user ?? ""} autoComplete="off" />
        </label>
        <label>
          Password
          <input name="pass" type="password" autoComplete="new-password" placeholder={server.credentials ? "(unchanged unless you type one)" : ""} />
        </label>
        <button type="submit">Save</button>
      </form>
      {server.own && (
        <form action={useDefaultNewsServer} style={{ marginTop: "1rem" }}>
          <CsrfField />
          <button type="submit" className="text-button">Use the default server</button>
        </form>
      )}
    </main>
  );
}
