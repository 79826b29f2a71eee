import { getTranslations } from "next-intl/server";
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
  const t = await getTranslations("receipts");
  const receipts = await listReceipts(session.email);
  // Seeing this list is seeing the openings: the in-app notice has done its job.
  await markOpeningsSeen(session.email);
  return (
    <SettingsFrame email={session.email} title={t("title")} notice={notice} noticeTestId="receipts-notice" wide>
        <p className={styles.hint}>
          {t("intro")}
        </p>
        {receipts.length === 0 ? (
          <p className={styles.empty}>{t("none")}</p>
        ) : (
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{t("sent")}</th>
                <th scope="col">{t("subject")}</th>
                <th scope="col">{t("recipient")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col"><span className={styles.hidden}>{t("action")}</span></th>
              </tr>
            </thead>
            <tbody>
              {receipts.map((r) => (
                <tr key={r.id} data-testid="receipt" data-state={r.state}>
                  <td><LocalDate iso={r.createdAt.toISOString()} /></td>
                  <td className={styles.subject} translate={r.subject ? "no" : undefined}>{r.subject || t("noSubject")}</td>
                  <td translate="no">{r.recipient}</td>
                  <td><ReceiptStatus receipt={r} /></td>
                  <td>
                    {r.state === "waiting" && (
                      <form action={revokeReceipt}>
                        <CsrfField />
                        <input type="hidden" name="id" value={r.id} />
                        <button type="submit" className={styles.revoke}>{t("revoke")}</button>
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
