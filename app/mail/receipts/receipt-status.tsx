import { useTranslations } from "next-intl";
import type { Receipt } from "@/lib/read-links/read-link-store";
import { sayStoredAgent } from "@/app/i18n/agent-name";
import { LocalDate } from "../local-date";

/** A receipt's state in words: waiting (until when) / opened at … / expired / revoked. */
export function ReceiptStatus({ receipt: r }: { receipt: Pick<Receipt, "state" | "expiresAt" | "openedAt" | "openedAgent" | "openedIp" | "revokedAt"> }) {
  const t = useTranslations("receipts");
  const tAgent = useTranslations("agent");
  const until = () => <LocalDate iso={r.expiresAt.toISOString()} />;
  switch (r.state) {
    case "waiting":
      return (
        <span data-testid="receipt-status">
          {t.rich("waiting", { until })}
        </span>
      );
    case "opened":
      return (
        <span data-testid="receipt-status">
          {t.rich("openedAt", {
            strong: (chunks) => <strong>{chunks}</strong>,
            at: () => <LocalDate iso={r.openedAt?.toISOString() ?? null} long />,
          })}
          {r.openedAgent ? ` ${t("openedIn", { agent: sayStoredAgent(tAgent, r.openedAgent) })}` : ""}
          {r.openedIp ? ` ${t("openedFrom", { ip: r.openedIp })}` : ""}
        </span>
      );
    case "expired":
      return (
        <span data-testid="receipt-status">
          {t.rich("expired", { at: until })}
        </span>
      );
    case "revoked":
      return (
        <span data-testid="receipt-status">
          {t.rich("revoked", { at: () => <LocalDate iso={r.revokedAt?.toISOString() ?? null} /> })}
        </span>
      );
  }
}
