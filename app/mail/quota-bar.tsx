import { useLocale, useTranslations } from "next-intl";
import type { QuotaUsage } from "@/lib/imap/get-quota";
import { formatSize } from "./format";

export function QuotaBar({ quota }: { quota: QuotaUsage }) {
  const t = useTranslations("quota");
  const locale = useLocale();
  const pct = Math.min(100, Math.round((quota.usedBytes / quota.limitBytes) * 100));
  return (
    <div className="quota" data-testid="quota">
      <div
        className={pct >= 90 ? "quota-bar full" : "quota-bar"}
        role="meter"
        aria-label={t("label")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
      >
        <span style={{ width: `${pct}%` }} />
      </div>
      <span className="quota-text">
        {t("used", { used: formatSize(quota.usedBytes, locale), limit: formatSize(quota.limitBytes, locale), percent: pct / 100 })}
      </span>
    </div>
  );
}
