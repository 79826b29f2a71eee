import { requireMailSession } from "@/auth";
import { SettingsFrame } from "../settings-frame";
import { readNotice } from "@/lib/http/signed-notice";
import { markOpeningsSeen } from "@/lib/read-links/opening-notices";
import { listReceipts } from "@/lib/read-links/read-link-store";
import { LocalDate } from "../local-date";
import { ReceiptStatus } from "./receipt-status";
import { revokeReceipt } from "./actions";
import styles from "./receipts.module.css";
import { CsrfField } from "../csrf-field";

export const dynamic = "force-dynamic";

/** Every message sent with one-time read links, one line per recipient: waiting, opened (when,
 * in what browser family), expired or revoked; unopened links can be revoked. */
export default async function ReceiptsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const session = await requireMailSession();
  const notice = readNotice(await searchParams);
  const receipts = await listReceipts(session.email);
  // Seeing this list is seeing the openings: the in-app notice has done its job.
  await markOpeningsSeen(session.email);
  return (
    <SettingsFrame email={session.email} title="Receipts" notice={notice} noticeTestId="receipts-notice" wide>
        <p className={styles.hint}>
          Messages you sent with “Confirm reading with a one-time link”. Each recipient got a link that opens once; what is recorded is the time
          and the browser family, nothing else.
        </p>
        {receipts.length === 0 ? (
          <p className={styles.empty}>No messages sent with read confirmation yet.</p>
        ) : (
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Sent</th>
                <th scope="col">Subject</th>
                <th scope="col">Recipient</th>
                <th scope="col">Status</th>
                <th scope="col"><span className={styles.hidden}>Action</span></th>
              </tr>
            </thead>
            <tbody>
              {receipts.map((r) => (
                <tr key={r.id} data-testid="receipt" data-state={r.state}>
                  <td><LocalDate iso={r.createdAt.toISOString()} /></td>
                  <td className={styles.subject}>{r.subject || "(no subject)"}</td>
                  <td>{r.recipient}</td>
                  <td><ReceiptStatus receipt={r} /></td>
                  <td>
                    {r.state === "waiting" && (
                      <form action={revokeReceipt}>
                        <CsrfField />
                        <input type="hidden" name="id" value={r.id} />
                        <button type="submit" className={styles.revoke}>Revoke</button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
    </SettingsFrame>
  );
}
