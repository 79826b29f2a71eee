import type { MessageView } from "@/lib/mime/message-view";
import type { Address } from "@/lib/mime/types";
import { formatAddress } from "./format";
import { LocalDate } from "./local-date";

const LABELS = { from: "From", to: "To", cc: "Cc", replyTo: "Reply-To" } as const;
type AddressField = keyof typeof LABELS;

/**
 * A message's header lines: the address fields named in `fields`, in that order and each only
 * when it has addresses, then the date when there is one. The reading pane, the conversation
 * reader and attached-message cards show the same lines, each its own choice of fields.
 */
export function HeaderLines({ view, fields }: { view: Pick<MessageView, AddressField | "date">; fields: AddressField[] }) {
  return (
    <dl>
      {fields.map((field) => (
        <AddressLine key={field} label={LABELS[field]} list={view[field]} />
      ))}
      {view.date && (
        <div className="header-line">
          <dt>Date</dt>
          <dd>
            <LocalDate iso={view.date} long />
          </dd>
        </div>
      )}
    </dl>
  );
}

function AddressLine({ label, list }: { label: string; list: Address[] }) {
  if (!list.length) return null;
  return (
    <div className="header-line">
      <dt>{label}</dt>
      <dd>{list.map(formatAddress).join(", ")}</dd>
    </div>
  );
}
