import { getTranslations } from "next-intl/server";
import { errorText } from "@/app/i18n/error-text";
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
  const [t, th] = await Promise.all([getTranslations("print"), getTranslations("headers")]);
  if (!params.uid) return <p className="print-page">{t("noMessage")}</p>;
  let opened;
  try {
    opened = await openMessage(session.imap, { folder: params.folder, uid: params.uid, markSeen: false });
  } catch (e) {
    if (isPosternError(e)) return <p className="print-page">{await errorText(e)}</p>;
    throw e;
  }
  const m = opened.message;
  if (!m) return <p className="print-page">{t("tooLarge")}</p>;
  // inline forwarded messages are cards on screen; on paper they follow as text
  const body = chooseBody({ ...m, text: readingText(m) }, { preferPlainText: true });
  const lines: Array<[string, string]> = [
    [th("from"), m.from.map(formatAddress).join(", ")],
    [th("to"), m.to.map(formatAddress).join(", ")],
    [th("cc"), m.cc.map(formatAddress).join(", ")],
  ];
  return (
    <main className="print-page">
      <PrintButton />
      {m.subject ? <h1 data-testid="print-subject" translate="no">{m.subject}</h1> : <h1 data-testid="print-subject">{t("noSubject")}</h1>}
      <dl>
        {lines
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd translate="no">{v}</dd>
            </div>
          ))}
        {m.date && (
          <div>
            <dt>{th("date")}</dt>
            <dd>
              <LocalDate iso={m.date} long />
            </dd>
          </div>
        )}
      </dl>
      {body.kind === "text" ? <pre data-testid="print-body" translate="no">{body.text}</pre> : <pre data-testid="print-body">{t("noText")}</pre>}
      {m.attachments.length > 0 && (
        <p className="print-attachments">{t("attachments")} <span translate="no">{m.attachments.map((a) => a.filename).join(", ")}</span></p>
      )}
    </main>
  );
}
