// The warning bar above a message that shows phishing signs (lib/mime/detect-phishing.ts): what
// each suspicious link says against where it really goes, and senders pretending to be another
// domain. Targets are shown as text, not links: the bar must not be a way to open them.
import { useTranslations } from "next-intl";
import type { LinkWarning, PhishingWarning, SenderWarning } from "@/lib/mime/detect-phishing";

export function PhishingWarnings({ warnings }: { warnings: PhishingWarning[] }) {
  const t = useTranslations("phishing");
  if (warnings.length === 0) return null;
  return (
    <div className="notice warning" role="group" aria-label={t("label")} data-testid="phishing-warnings">
      <strong>⚠ {t("title")}</strong> {t("check")}
      <ul style={{ margin: "0.25rem 0 0", paddingLeft: "1.25rem" }}>
        {warnings.map((w, i) => (
          <li key={i} data-testid="phishing-warning">
            {w.kind === "link" ? <LinkItem w={w} /> : <SenderItem w={w} />}
          </li>
        ))}
      </ul>
    </div>
  );
}

function LinkItem({ w }: { w: LinkWarning }) {
  const t = useTranslations("phishing");
  return (
    <>
      {t.rich("link", {
        text: w.text || t("noText"),
        shown: (chunks) => <span data-testid="phishing-text" translate="no">{chunks}</span>,
        target: () => <code data-testid="phishing-target" translate="no" style={{ overflowWrap: "anywhere" }}>{w.target}</code>,
      })}{" "}
      {w.reasons.map((r) => t(`linkReason.${r}`, { shown: w.shownDomain ?? "", host: w.host })).join(" ")}
    </>
  );
}

function SenderItem({ w }: { w: SenderWarning }) {
  const t = useTranslations("phishing");
  return (
    <>
      {t.rich("sender", { name: w.name, address: () => <code translate="no">{w.address}</code> })}{" "}
      {w.reasons.map((r) => t(`senderReason.${r}`, { claimed: w.claimedDomain ?? "" })).join(" ")}
    </>
  );
}
