import type { Receipt } from "@/lib/read-links/read-link-store";
import { LocalDate } from "../local-date";

/** A receipt's state in words: waiting (until when) / opened at … / expired / revoked. */
export function ReceiptStatus({ receipt: r }: { receipt: Pick<Receipt, "state" | "expiresAt" | "openedAt" | "openedAgent" | "openedIp" | "revokedAt"> }) {
  switch (r.state) {
    case "waiting":
      return (
        <span data-testid="receipt-status">
          Waiting, until <LocalDate iso={r.expiresAt.toISOString()} />
        </span>
      );
    case "opened":
      return (
        <span data-testid="receipt-status">
          <strong>Opened</strong> <LocalDate iso={r.openedAt?.toISOString() ?? null} long />
          {r.openedAgent ? ` in ${r.openedAgent}` : ""}
          {r.openedIp ? ` from ${r.openedIp}` : ""}
        </span>
      );
    case "expired":
      return (
        <span data-testid="receipt-status">
          Expired unopened <LocalDate iso={r.expiresAt.toISOString()} />
        </span>
      );
    case "revoked":
      return (
        <span data-testid="receipt-status">
          Revoked <LocalDate iso={r.revokedAt?.toISOString() ?? null} />
        </span>
      );
  }
}
