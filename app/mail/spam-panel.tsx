"use client";
import { lazy, Suspense, use, useState } from "react";
import { useTranslations } from "next-intl";
import type { MessageSpamReport } from "@/lib/spam/message-report";
import type { SenderAuth } from "@/lib/spam/sender-auth";
import styles from "./spam-panel.module.css";
import { usePercent } from "./use-percent";

// The "why" is read by few and only on asking: its code loads, and it renders, once its details
// are opened, not with every message (the page's first load and each open stay lighter).
const Why = lazy(() => import("./spam-why").then((m) => ({ default: m.Why })));

/** SPF/DKIM/DMARC as the receiving server recorded them; nothing when it recorded nothing. */
function AuthBadge({ auth }: { auth: SenderAuth }) {
  const entries = (["spf", "dkim", "dmarc"] as const).filter((k) => auth[k] !== null);
  if (!entries.length) return null;
  return (
    <span data-testid="sender-auth">
      {entries.map((k) => (
        <span key={k} className={`${styles.badge} ${auth[k] === "pass" ? styles.pass : auth[k] === "fail" || auth[k] === "softfail" ? styles.fail : ""}`}>
          <span translate="no">{k.toUpperCase()} {auth[k]}</span>
        </span>
      ))}
    </span>
  );
}

/**
 * The sender-authentication badge and the spam filter's "why" for the open message. The report
 * comes with the page that opened the message (a promise streamed in the same response, so the
 * message shows first and no second request is made); null when it could not be made.
 */
export function SpamPanel({ report }: { report: Promise<MessageSpamReport | null> }) {
  return (
    <Suspense fallback={<div className={styles.panel} aria-busy="true" />}>
      <SpamPanelContent report={report} />
    </Suspense>
  );
}

function SpamPanelContent({ report: pending }: { report: Promise<MessageSpamReport | null> }) {
  const t = useTranslations("spamPanel");
  const percent = usePercent();
  const report = use(pending);
  const [open, setOpen] = useState(false);
  if (!report) return null;
  return (
    <div className={styles.panel} data-testid="spam-panel">
      <AuthBadge auth={report.auth} />
      <details className={styles.details} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          {t.rich("summary", {
            unsure: report.unsure ? "yes" : "no",
            score: () => <span className={report.isSpam || report.unsure ? styles.spam : undefined}>{percent(report.score)}</span>,
          })}
        </summary>
        {open && (
          <Suspense fallback={<p aria-busy="true" />}>
            <Why r={report} />
          </Suspense>
        )}
      </details>
    </div>
  );
}
