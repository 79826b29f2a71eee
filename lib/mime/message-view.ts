import { chooseBody } from "@/lib/mime/choose-body";
import { checkLink, checkSender, type LinkWarning, type PhishingWarning } from "@/lib/mime/detect-phishing";
import { buildFrameDocument } from "@/lib/mime/frame-document";
import { linkifyText, type TextSegment } from "@/lib/mime/linkify-text";
import { sanitizeEmailHtml } from "@/lib/mime/sanitize-html";
import type { CalendarEvent, DeliveryReport, ParsedMessage, SecurityMarker } from "@/lib/mime/types";

export type MessageBodyView =
  /** `frameDocument` is served by the message frame route (app/api/messages/html) into a
   * sandboxed iframe, nowhere else. `allowRemoteContent` says what it was built with. */
  | { kind: "html"; frameDocument: string; blockedRemoteCount: number; allowRemoteContent: boolean; originalColors?: boolean }
  | { kind: "text"; segments: TextSegment[] }
  | { kind: "empty" };

/** An attached message, shown as a message of its own inside the one that carries it; an
 * `inline` one in the reading flow after the body, and not in the list of files. */
export type AttachedMessageView = { partId: string; filename: string; size: number; inline: boolean; view: MessageView };

/** A text body read in document order with the inline messages between its parts. */
export type FlowItemView = { kind: "text"; segments: TextSegment[] } | { kind: "message"; partId: string };

/** What the browser gets for one message: no raw HTML and no image buffers, only safe data. */
export type MessageView = Omit<ParsedMessage, "text" | "html" | "inlineImages" | "attachedMessages" | "calendar" | "report" | "security" | "flow"> & {
  body: MessageBodyView;
  /** Set with a text body whose parts have inline messages between them: show this instead of
   * `body`, each message card where it stands. */
  flow: FlowItemView[] | null;
  attachedMessages: AttachedMessageView[];
  calendar: CalendarEvent[];
  report: DeliveryReport | null;
  security: SecurityMarker[];
  /** Phishing signs: a sender pretending to be another domain, links that are not what they say
   * (marked in the frame document too). Sender warnings first, then links in body order. */
  warnings: PhishingWarning[];
};

/** More warnings than this say nothing more: the bar shows the first ones. */
const MAX_WARNINGS = 20;

// Parts a view shows in another form: a report's machine-readable parts (the report summary
// shows them), and PGP/MIME's "Version: 1" control part.
const SHOWN_OTHERWISE = /^(?:message\/(?:global-)?(?:delivery-status|disposition-notification)|text\/rfc822-headers|message\/global-headers)$/;

/** `originalColors`: the reader asked for the sender's colours in dark mode too (its frame says so). */
type ViewOptions = { allowRemoteContent: boolean; preferPlainText?: boolean; originalColors?: boolean };

/** Turns a parsed message into display data: picks the body, sanitizes HTML into a frame document,
 * or splits plain text into text and link segments; attached messages get views of their own. */
export function buildMessageView(msg: ParsedMessage, opts: ViewOptions): MessageView {
  const { text: _text, html: _html, inlineImages, attachedMessages = [], calendar = [], report = null, security = [], flow = null, ...rest } = msg;
  const choice = chooseBody(msg, { preferPlainText: opts.preferPlainText ?? false });
  let body: MessageBodyView;
  let linkWarnings: LinkWarning[] = [];
  if (choice.kind === "html") {
    const safe = sanitizeEmailHtml(choice.html, { allowRemoteContent: opts.allowRemoteContent, inlineImages });
    body = {
      kind: "html",
      frameDocument: buildFrameDocument(safe.html, { allowRemoteContent: opts.allowRemoteContent }),
      blockedRemoteCount: safe.blockedRemoteCount,
      allowRemoteContent: opts.allowRemoteContent,
      ...(opts.originalColors ? { originalColors: true } : {}),
    };
    linkWarnings = safe.linkWarnings;
  } else if (choice.kind === "text") {
    body = { kind: "text", segments: linkifyText(choice.text) };
    // a plain-text link shows its own URL: only the target's own signs (IP, look-alike) apply
    linkWarnings = body.segments.flatMap((s) => (s.kind === "link" ? (checkLink(s.value, s.value) ?? []) : []));
  } else {
    body = { kind: "empty" };
  }
  // Pictures of the HTML body are shown in it; listing them as attachments too is noise (Gmail
  // and Roundcube hide them the same way). Unreferenced inline parts stay downloadable. So is
  // what is shown otherwise: a winmail.dat whose files are listed, a signature part (the marker
  // says it is signed), another rendering of the body, a report's machine-readable parts.
  const shownHtml = choice.kind === "html" ? choice.html.toLowerCase() : "";
  const signatures = new Set(security.filter((m) => m.kind === "signed").map((m) => m.partId));
  const inlineMessages = new Set(attachedMessages.filter((m) => m.inline).map((m) => m.partId));
  const attachments = rest.attachments.filter(
    (a) =>
      !(a.contentId && a.contentId in inlineImages && shownHtml.includes(`cid:${a.contentId.toLowerCase()}`)) &&
      !a.unpacked &&
      !a.alternative &&
      !(signatures.has(a.partId) && !a.member) &&
      !(inlineMessages.has(a.partId) && !a.member) &&
      !(report && SHOWN_OTHERWISE.test(a.contentType)) &&
      a.contentType !== "application/pgp-encrypted",
  );
  const sizes = new Map(rest.attachments.filter((a) => !a.member).map((a) => [a.partId, a]));
  return {
    ...rest,
    attachments,
    body,
    flow:
      body.kind === "text" && flow
        ? flow.map((item) => (item.kind === "text" ? { kind: "text" as const, segments: linkifyText(item.text) } : item))
        : null,
    attachedMessages: attachedMessages.map(({ partId, message, inline }) => ({
      partId,
      filename: sizes.get(partId)?.filename ?? `part-${partId}.eml`,
      size: sizes.get(partId)?.size ?? 0,
      inline: inline ?? false,
      view: buildMessageView(message, opts),
    })),
    calendar,
    report,
    security,
    warnings: listWarnings(rest.from, linkWarnings),
  };
}

function listWarnings(from: ParsedMessage["from"], links: LinkWarning[]): PhishingWarning[] {
  const senders = from.flatMap((a) => checkSender(a) ?? []);
  const seen = new Set<string>();
  const unique = links.filter((w) => {
    const key = `${w.target}\n${w.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return [...senders, ...unique].slice(0, MAX_WARNINGS);
}
