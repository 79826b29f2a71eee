import type { Receipt } from "@/lib/read-links/read-link-store";

/** The in-app notice of read links opened since the sender last looked at Receipts. */
export function OpeningNotice({ openings }: { openings: Receipt[] }) {
  if (!openings.length) return null;
  const [first] = openings;
  const more = openings.length - 1;
  return (
    <p className="mail-notice" role="status" data-testid="opening-notice">
      {first.recipient} opened “{first.subject || "(no subject)"}”{more > 0 ? ` (and ${more} more opening${more > 1 ? "s" : ""})` : ""}.{" "}
      <a href="/mail/receipts">See receipts</a>
    </p>
  );
}
