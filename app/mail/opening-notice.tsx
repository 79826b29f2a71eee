import { useTranslations } from "next-intl";
import type { Receipt } from "@/lib/read-links/read-link-store";

/** The in-app notice of read links opened since the sender last looked at Receipts. */
export function OpeningNotice({ openings }: { openings: Receipt[] }) {
  const t = useTranslations("receipts");
  if (!openings.length) return null;
  const [first] = openings;
  const more = openings.length - 1;
  return (
    <p className="mail-notice" role="status" data-testid="opening-notice">
      {t("opened", { recipient: first.recipient, subject: first.subject || t("noSubject"), more })}{" "}
      <a href="/mail/receipts">{t("seeReceipts")}</a>
    </p>
  );
}
