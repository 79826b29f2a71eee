// The parts of a message view below its header, shared by the reading pane (message-view.tsx)
// and the conversation reader (conversation/page.tsx): markers, report, invitations,
// attachments, the body (HTML only in the sandboxed iframe, loaded from app/api/messages/html)
// and attached messages; phishing warnings above all of it.
import { useLocale, useTranslations } from "next-intl";
import type { MessageBodyView, MessageView } from "@/lib/mime/message-view";
import type { AttachmentInfo, CalendarEvent, DeliveryReport, SecurityMarker } from "@/lib/mime/types";
import { formatAddress, formatSize } from "./format";
import { HeaderLines } from "./header-lines";
import { LocalDate } from "./local-date";
import { PhishingWarnings } from "./phishing-warnings";
import { TextWithLinks } from "./text-with-links";

/** `name` is the file name the reader shows: the download is saved under it (the route cleans it
 * again), since the server's own view of a part often has no name or another one. */
export function partUrl(
  kind: "attachment" | "source" | "derived-attachment" | "html",
  folder: string,
  uid: number,
  part?: string,
  extra: { member?: string; name?: string; account?: string } = {},
): string {
  const q = new URLSearchParams({ folder, uid: String(uid), ...(part ? { part } : {}), ...(extra.member ? { member: extra.member } : {}), ...(extra.name ? { name: extra.name } : {}), ...(extra.account ? { account: extra.account } : {}) });
  return `/api/messages/${kind}?${q}`;
}

/** Where a message's parts are served: mail's by folder and UID (partUrl); a news article's by
 * group and number (app/mail/news). */
export type PartHref = (kind: "attachment" | "derived-attachment" | "html", part?: string, extra?: { member?: string; name?: string }) => string;

/** The document of an HTML body's frame (the message's own, or attached message `part`'s), with
 * remote images only when the view was built with them. */
function frameUrl(at: PartHref, body: MessageBodyView, part?: string): string | null {
  if (body.kind !== "html") return null;
  return at("html", part) + (body.allowRemoteContent ? "&images=1" : "") + (body.originalColors ? "&colors=original" : "");
}

/** Everything of a message below its header, for the message at `folder`/`uid` (or at `href`). */
export function MessageContent({ folder, uid, view, href, account }: { folder: string; uid: number; view: MessageView; href?: PartHref; account?: string }) {
  const at: PartHref = href ?? ((kind, part, extra) => partUrl(kind, folder, uid, part, { ...extra, account }));
  return (
    <>
      <PhishingWarnings warnings={view.warnings} />
      <SecurityNotice markers={view.security} />
      {view.report && <ReportSummary report={view.report} />}
      {view.calendar.map((event, i) => (
        <CalendarCard key={i} event={event} href={calendarUrl(at, event, view.attachments)} />
      ))}
      <AttachmentList at={at} attachments={view.attachments} />
      {view.flow ? (
        <ReadingFlow at={at} view={view} />
      ) : (
        <MessageBody body={view.body} frameSrc={frameUrl(at, view.body)} quiet={view.attachedMessages.some((m) => m.inline)} />
      )}
      <AttachedMessages at={at} view={view} />
    </>
  );
}

/** The invitation's .ics, saved under the name the attachment list shows for its part. */
function calendarUrl(at: PartHref, event: CalendarEvent, attachments: AttachmentInfo[]): string {
  const name = attachments.find((a) => a.partId === event.partId && !a.member)?.filename ?? "invite.ics";
  return at("attachment", event.partId, { name });
}

// Issue 10: attachments unpacked from a part, attached messages, invitations, reports, markers.

function AttachmentList({ at, attachments }: { at: PartHref; attachments: AttachmentInfo[] }) {
  const t = useTranslations("message");
  const locale = useLocale();
  if (attachments.length === 0) return null;
  return (
    <ul className="attachments" aria-label={t("attachments")}>
      {attachments.map((a) => (
        <li key={`${a.partId}/${a.member ?? ""}`}>
          <a
            href={a.member ? at("derived-attachment", a.partId, { member: a.member }) : at("attachment", a.partId, { name: a.filename })}
            download={a.filename}
            data-testid="attachment-link"
          >
            {/* a PNG/JPEG/GIF/WebP by its bytes: the route serves exactly those inline */}
            {a.previewType && !a.member && (
              <img src={at("attachment", a.partId)} alt="" className="attachment-preview" loading="lazy" data-testid="attachment-preview" />
            )}
            <span className="attachment-name" translate="no">{a.filename}</span>
          </a>{" "}
          <span className="attachment-meta">
            {a.contentType} · {formatSize(a.size, locale)}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** `quiet`: say nothing of an empty body, the message being read in place below it. */
function MessageBody({ body, frameSrc, nested = false, quiet = false }: { body: MessageBodyView; frameSrc: string | null; nested?: boolean; quiet?: boolean }) {
  const t = useTranslations("message");
  if (body.kind === "empty" && quiet) return null;
  return (
    // a text body above messages read in place keeps no room for a frame: they follow right below
    <div className="message-body" style={nested ? { minHeight: 0 } : quiet && body.kind === "text" ? { minHeight: 0, flex: "none" } : undefined}>
      {frameSrc && (
        <iframe
          title={t("content")}
          className="html-body"
          sandbox="allow-popups allow-popups-to-escape-sandbox"
          referrerPolicy="no-referrer"
          src={frameSrc}
          data-testid="html-body"
          style={nested ? { minHeight: 240 } : undefined}
        />
      )}
      {body.kind === "text" && (
        <TextWithLinks segments={body.segments} testId="text-body" />
      )}
      {body.kind === "empty" && <p className="notice">{t("noText")}</p>}
    </div>
  );
}

/** A text body and the inline messages between its parts, each where the sender put it. */
function ReadingFlow({ at, view }: { at: PartHref; view: MessageView }) {
  return (view.flow ?? []).map((item, i) => {
    if (item.kind === "text") {
      return (
        <div key={i} className="message-body" style={{ minHeight: 0, flex: "none" }}>
          <TextWithLinks segments={item.segments} testId="text-body" />
        </div>
      );
    }
    const m = view.attachedMessages.find((a) => a.partId === item.partId);
    return m ? <AttachedMessageCard key={i} at={at} m={m} /> : null;
  });
}

/** Each embedded message as a message of its own, in document order after the body (those not
 * already shown in the reading flow). */
function AttachedMessages({ at, view }: { at: PartHref; view: MessageView }) {
  const inFlow = new Set((view.flow ?? []).flatMap((item) => (item.kind === "message" ? [item.partId] : [])));
  return view.attachedMessages.filter((m) => !inFlow.has(m.partId)).map((m) => <AttachedMessageCard key={m.partId} at={at} m={m} />);
}

/** An embedded message: headers, markers, attachments, body. An inline one (not in the list of
 * files) has its download here. */
function AttachedMessageCard({ at, m }: { at: PartHref; m: MessageView["attachedMessages"][number] }) {
  const t = useTranslations("message");
  return (
    <section className="attached-message" aria-label={t(m.inline ? "forwardedMessage" : "attachedMessage", { subject: m.view.subject })}
      data-testid="attached-message" data-inline={m.inline ? "true" : undefined}
      style={{ margin: "0 1.25rem 1rem", border: "1px solid var(--border)", borderRadius: 8 }}>
      <header className="message-header">
        <h3 data-testid="attached-subject" style={{ margin: "0 0 0.5rem" }}>{m.view.subject || t("noSubject")}</h3>
        <HeaderLines view={m.view} fields={["from", "to"]} />
        {m.inline && (
          <a href={at("attachment", m.partId, { name: m.filename })} download={m.filename} data-testid="attached-download" style={{ fontSize: "0.85rem" }}>
            {t("downloadFile", { name: m.filename })}
          </a>
        )}
      </header>
      <PhishingWarnings warnings={m.view.warnings} />
      <SecurityNotice markers={m.view.security} />
      {m.view.report && <ReportSummary report={m.view.report} />}
      {m.view.calendar.map((event, i) => (
        <CalendarCard key={i} event={event} href={calendarUrl(at, event, m.view.attachments)} />
      ))}
      <AttachmentList at={at} attachments={m.view.attachments} />
      {m.view.flow ? (
        <ReadingFlow at={at} view={m.view} />
      ) : (
        <MessageBody body={m.view.body} frameSrc={frameUrl(at, m.view.body, m.partId)} nested />
      )}
      <AttachedMessages at={at} view={m.view} />
    </section>
  );
}

const SCHEMES = { smime: "S/MIME", pgp: "OpenPGP" } as const;

function SecurityNotice({ markers }: { markers: SecurityMarker[] }) {
  const encrypted = markers.find((m) => m.kind === "encrypted");
  const signed = markers.find((m) => m.kind === "signed");
  const t = useTranslations("message");
  if (encrypted) {
    return (
      <p className="notice warning" role="status" data-testid="encrypted-marker">
        🔒 {t("encrypted", { scheme: SCHEMES[encrypted.scheme] })}
      </p>
    );
  }
  if (!signed) return null;
  return (
    <p className="notice" role="status" data-testid="signed-marker">
      ✍ {t("signed", { scheme: SCHEMES[signed.scheme] })}
      {signed.signer && (
        <span data-testid="signer">
          {" "}
          {t("signer", {
            signer: signed.signer.email && !signed.signer.subject.includes(signed.signer.email) ? `${signed.signer.subject} <${signed.signer.email}>` : signed.signer.subject,
          })}
        </span>
      )}
    </p>
  );
}

function CalendarCard({ event, href }: { event: CalendarEvent; href: string }) {
  const t = useTranslations("calendar");
  const label = event.method === "CANCEL" ? t("cancelled") : event.method === "REQUEST" ? t("invitation") : t("event");
  return (
    <div className="notice" role="group" aria-label={t("label")} data-testid="calendar-event">
      <strong>{label}: <span translate={event.summary ? "no" : undefined}>{event.summary || t("noTitle")}</span></strong>
      <dl style={{ margin: "0.25rem 0 0" }}>
        <div className="header-line">
          <dt>{t("when")}</dt>
          <dd>
            {event.allDay ? event.start : <LocalDate iso={event.start} long />}
            {event.end && !event.allDay && <> – <LocalDate iso={event.end} long /></>}
            {event.recurring && ` ${t("repeats")}`}
          </dd>
        </div>
        {event.location && (
          <div className="header-line">
            <dt>{t("where")}</dt>
            <dd translate="no">{event.location}</dd>
          </div>
        )}
        {event.organizer && (
          <div className="header-line">
            <dt>{t("organizer")}</dt>
            <dd translate="no">{formatAddress(event.organizer)}</dd>
          </div>
        )}
      </dl>
      <a href={href} download>{t("download")}</a>
    </div>
  );
}

function ReportSummary({ report }: { report: DeliveryReport }) {
  const t = useTranslations("report");
  const receipt = report.kind === "disposition-notification";
  return (
    <div className="notice warning" role="group" aria-label={receipt ? t("readReceipt") : t("deliveryReport")} data-testid="delivery-report">
      <strong>{receipt ? t("readReceiptSaid", { disposition: report.disposition || "processed" }) : t("deliveryReport")}</strong>
      {report.original && (
        <div>
          {report.original.to.length > 0
            ? t("aboutTo", { subject: report.original.subject || t("noSubject"), to: report.original.to.map(formatAddress).join(", ") })
            : t("about", { subject: report.original.subject || t("noSubject") })}
        </div>
      )}
      {!receipt && (
        <ul style={{ margin: "0.25rem 0 0", paddingLeft: "1.25rem" }}>
          {report.recipients.map((r, i) => (
            <li key={i}>
              <strong>{r.recipient}</strong>: {r.statusText || r.action || t("unknown")}
              {r.status && ` (${r.status})`}
              {r.diagnostic && <div>{t("serverSaid", { text: r.diagnostic })}</div>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
