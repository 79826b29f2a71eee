import { useTranslations } from "next-intl";
import type { Receipt } from "@/lib/read-links/read-link-store";
import { revokeReceipt } from "./actions";
import { ReceiptStatus } from "./receipt-status";
import { CsrfField } from "../csrf-field";

/** The read-link status of a sent message, shown above it: one line per recipient. */
export function MessageReceipts({ receipts }: { receipts: Receipt[] }) {
  const t = useTranslations("receipts");
  if (!receipts.length) return null;
  return (
    <div className="notice" role="status" data-testid="message-receipts">
      <strong>{t("sentWithLinks")}</strong>{" "}
      <a href="/mail/receipts">{t("title")}</a>
      <ul className="receipt-lines">
        {receipts.map((r) => (
          <li key={r.id} data-state={r.state}>
            <span translate="no">{r.recipient}</span>: <ReceiptStatus receipt={r} />
            {r.state === "waiting" && (
              <form action={revokeReceipt} className="inline-form">
                <CsrfField />
                <input type="hidden" name="id" value={r.id} />
                <button type="submit" className="link-button-inline">{t("revoke")}</button>
              </form>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
