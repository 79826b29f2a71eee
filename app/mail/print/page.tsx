import { requireMailSession } from "@/auth";
import { isPosternError } from "@/lib/http/errors";
import { openMessage } from "@/lib/imap/open-message";
import { chooseBody } from "@/lib/mime/choose-body";
import { readingText } from "@/lib/mime/reading-text";
import { formatAddress } from "../format";
import { LocalDate } from "../local-date";
import { mailParamsSchema } from "../search-params";
import { PrintButton } from "./print-button";

export const dynamic = "force-dynamic";

/**
 * A printable page for one message. It prints the text rendition (the text/plain part, or the
 * text derived from the HTML): mail HTML stays inside its sandboxed frame, which does not paginate.
 */
export default async function PrintPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const session = await requireMailSession();
  const params = mailParamsSchema.parse(await searchParams);
  if (!params.uid) return <p className="print-page">No message chosen.</p>;
  let opened;
  try {
    opened = await openMessage(session.imap, { folder: params.folder, uid: params.uid, markSeen: false });
  } catch (e) {
    if (isPosternError(e)) return <p className="print-page">{e.message}</p>;
    throw e;
  }
  const m = opened.message;
  if (!m) return <p className="print-page">This message is too large to print from Postern.</p>;
  // inline forwarded messages are cards on screen; on paper they follow as text
  const body = chooseBody({ ...m, text: readingText(m) }, { preferPlainText: true });
  const lines: Array<[string, string]> = [
    ["From", m.from.map(formatAddress).join(", ")],
    ["To", m.to.map(formatAddress).join(", ")],
    ["Cc", m.cc.map(formatAddress).join(", ")],
  ];
  return (
    <main className="print-page">
      <PrintButton />
      <h1 data-testid="print-subject">{m.subject || "(no subject)"}</h1>
      <dl>
        {lines
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        {m.date && (
          <div>
            <dt>Date</dt>
            <dd>
              <LocalDate iso={m.date} long />
            </dd>
          </div>
        )}
      </dl>
      <pre data-testid="print-body">{body.kind === "text" ? body.text : "This message has no text to print."}</pre>
      {m.attachments.length > 0 && (
        <p className="print-attachments">Attachments: {m.attachments.map((a) => a.filename).join(", ")}</p>
      )}
    </main>
  );
}
