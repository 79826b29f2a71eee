import { useTranslations } from "next-intl";
import type { MessageView } from "@/lib/mime/message-view";
import type { Address } from "@/lib/mime/types";
import { formatAddress } from "./format";
import { LocalDate } from "./local-date";

type AddressField = "from" | "to" | "cc" | "replyTo";

/**
 * A message's header lines: the address fields named in `fields`, in that order and each only
 * when it has addresses, then the date when there is one. The reading pane, the conversation
 * reader and attached-message cards show the same lines, each its own choice of fields.
 */
export function HeaderLines({ view, fields }: { view: Pick<MessageView, AddressField | "date">; fields: AddressField[] }) {
  const t = useTranslations("headers");
  return (
    <dl>
      {fields.map((field) => (
        <AddressLine key={field} label={t(field)} list={view[field]} />
      ))}
      {view.date && (
        <div className="header-line">
          <dt>{t("date")}</dt>
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
      <dd translate="no">{list.map(formatAddress).join(", ")}</dd>
    </div>
  );
}
