import { requireMailSession } from "@/auth";
import { listSessions } from "@/lib/auth/session-store";
import { readNotice } from "@/lib/http/signed-notice";
import { agentFamily } from "@/lib/read-links/agent-family";
import { showSessionNetworks } from "@/lib/auth/security-settings";
import { networkPrefix } from "@/lib/auth/network-prefix";
import { getSetting } from "@/lib/settings/account-settings";
import { CsrfField } from "../csrf-field";
import { SettingsFrame } from "../settings-frame";
import { endOtherSessionsAction, endSessionAction } from "./actions";
import styles from "../identities/identities.module.css";

export const dynamic = "force-dynamic";

const when = (d: Date) => `${d.toLocaleString("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" })} UTC`;

/** Settings: the account's live sessions (browser family, times, and the network where the owner
 * turned that on in Sign-in security), and signing them out. */
export default async function SessionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const session = await requireMailSession();
  const notice = readNotice(await searchParams);
  const [sessions, showNetworks] = await Promise.all([listSessions(session.email), getSetting(session.email, showSessionNetworks)]);
  return (
    <SettingsFrame email={session.email} title="Devices and sessions" notice={notice} noticeTestId="sessions-notice">
      <ul className={styles.list}>
        {sessions.map((s) => (
          <li key={s.id} className={styles.panel} data-testid="session">
            <h2>
              {agentFamily(s.userAgent)}
              {s.id === session.id && <span className={styles.badge}>this browser</span>}
            </h2>
            <p className={styles.hint}>
              Signed in {when(s.createdAt)} · last used {when(s.lastSeenAt)}
              {showNetworks && networkPrefix(s.clientIp) && <> · from network {networkPrefix(s.clientIp)}</>}
            </p>
            {s.id !== session.id && (
              <form action={endSessionAction}>
                <CsrfField />
                <input type="hidden" name="id" value={s.id} />
                <button type="submit" className={styles.danger}>Sign out this session</button>
              </form>
            )}
          </li>
        ))}
      </ul>
      {sessions.length > 1 && (
        <form action={endOtherSessionsAction}>
          <CsrfField />
          <button type="submit" className={styles.danger}>Sign out everywhere else</button>
        </form>
      )}
    </SettingsFrame>
  );
}
