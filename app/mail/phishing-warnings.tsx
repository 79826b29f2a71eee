// The warning bar above a message that shows phishing signs (lib/mime/detect-phishing.ts): what
// each suspicious link says against where it really goes, and senders pretending to be another
// domain. Targets are shown as text, not links: the bar must not be a way to open them.
import type { LinkWarning, PhishingWarning, SenderWarning } from "@/lib/mime/detect-phishing";

export function PhishingWarnings({ warnings }: { warnings: PhishingWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <div className="notice warning" role="group" aria-label="Phishing warnings" data-testid="phishing-warnings">
      <strong>⚠ This message may be a phishing attempt.</strong> Check before you click or reply.
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
  return (
    <>
      A link showing “<span data-testid="phishing-text">{w.text || "(no text)"}</span>” really goes to{" "}
      <code data-testid="phishing-target" style={{ overflowWrap: "anywhere" }}>{w.target}</code>.{" "}
      {w.reasons.map((r) => LINK_REASONS[r](w)).join(" ")}
    </>
  );
}

function SenderItem({ w }: { w: SenderWarning }) {
  return (
    <>
      The sender “{w.name}” writes from <code>{w.address}</code>. {w.reasons.map((r) => SENDER_REASONS[r](w)).join(" ")}
    </>
  );
}

const LINK_REASONS: Record<LinkWarning["reasons"][number], (w: LinkWarning) => string> = {
  "text-mismatch": (w) => `Its text names ${w.shownDomain}, but it opens ${w.host}.`,
  "look-alike": (w) => `The site's name, ${w.host}, uses letters that look like others.`,
  "ip-address": (w) => `It opens a bare IP address (${w.host}) instead of a site name.`,
  userinfo: (w) => `Its address puts a fake site name before the real one, ${w.host}.`,
};

const SENDER_REASONS: Record<SenderWarning["reasons"][number], (w: SenderWarning) => string> = {
  "name-mismatch": (w) => `The name claims ${w.claimedDomain}, a different domain.`,
  "look-alike": () => "The address's domain uses letters that look like others.",
};
