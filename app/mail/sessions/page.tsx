import { getTranslations } from "next-intl/server";
import { readerDates } from "@/app/i18n/reader-dates";
import { requireMailSession } from "@/auth";
import { listSessions } from "@/lib/auth/session-store";
import { readNotice } from "@/lib/http/signed-notice";
import { agentFacts } from "@/lib/read-links/agent-family";
import { sayAgent } from "@/app/i18n/agent-name";
import { showSessionNetworks } from "@/lib/auth/security-settings";
import { networkPrefix } from "@/lib/auth/network-prefix";
import { getSetting } from "@/lib/settings/account-settings";
import { CsrfField } from "../csrf-field";
import { SettingsFrame } from "../settings-frame";
import { endOtherSessionsAction, endSessionAction } from "./actions";
import styles from "../identities/identities.module.css";

export const dynamic = "force-dynamic";

/** Settings: the account's live sessions (browser family, times, and the network where the owner
 * turned that on in Sign-in security), and signing them out. */
export default async function SessionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const session = await requireMailSession();
  const notice = readNotice(await searchParams);
  const [sessions, showNetworks] = await Promise.all([listSessions(session.email), getSetting(session.email, showSessionNetworks)]);
  const [t, tAgent, when] = await Promise.all([getTranslations("sessions"), getTranslations("agent"), readerDates()]);
  return (
    <SettingsFrame email={session.email} title={t("title")} notice={notice} noticeTestId="sessions-notice">
      <ul className={styles.list}>
        {sessions.map((s) => (
          <li key={s.id} className={styles.panel} data-testid="session">
            <h2>
              {sayAgent(tAgent, agentFacts(s.userAgent))}
              {s.id === session.id && <span className={styles.badge}>{t("thisBrowser")}</span>}
            </h2>
            <p className={styles.hint}>
              {t("times", { signedIn: when(s.createdAt), lastUsed: when(s.lastSeenAt) })}
              {showNetworks && networkPrefix(s.clientIp) && <> · {t.rich("network", { network: () => <span translate="no">{networkPrefix(s.clientIp)}</span> })}</>}
            </p>
            {s.id !== session.id && (
              <form action={endSessionAction}>
                <CsrfField />
                <input type="hidden" name="id" value={s.id} />
                <button type="submit" className={styles.danger}>{t("endOne")}</button>
              </form>
            )}
          </li>
        ))}
      </ul>
      {sessions.length > 1 && (
        <form action={endOtherSessionsAction}>
          <CsrfField />
          <button type="submit" className={styles.danger}>{t("endOthers")}</button>
        </form>
      )}
    </SettingsFrame>
  );
}
