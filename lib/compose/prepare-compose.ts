import { parseAddressHeader } from "mailparser";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import { convertAddresses } from "@/lib/mime/convert-addresses";
import { EMPTY_CONTEXT, type ComposeState, type MessageRef } from "./compose-types";
import { decodeDraftInfo, DRAFT_INFO_HEADER, restoreBody } from "./draft-info";
import { carriedAttachments, loadSource } from "./load-source";
import { formatAddressList } from "./parse-addresses";
import { forwardBody, forwardSubject, replyBody, replySubject } from "./quote-original";
import { replyRecipients } from "./reply-recipients";
import { readMessageIds, replyThreadHeaders } from "./thread-headers";

export type ComposeRequest =
  | { kind: "new"; to?: string }
  | { kind: "reply" | "replyAll" | "forward"; ref: MessageRef }
  | { kind: "draft"; ref: MessageRef };

const EMPTY: ComposeState = { to: "", cc: "", bcc: "", subject: "", body: "", attachments: [], context: EMPTY_CONTEXT, draft: null };

/**
 * What the composer opens with: empty, an answer to a message (recipients, "Re:", quote,
 * thread headers), an inline forward (its text and files), or a saved draft to continue.
 * @param ownAddresses the user's addresses, left out of Reply all
 * @throws PosternError NOT_FOUND | BAD_REQUEST | IMAP_UNAVAILABLE
 */
export async function prepareCompose(imap: ImapIdentity, ownAddresses: string[], req: ComposeRequest): Promise<ComposeState> {
  if (req.kind === "new") return { ...EMPTY, to: req.to ?? "" };
  if (req.kind === "draft") return loadDraft(imap, req.ref);
  const { message, headers } = await loadSource(imap, req.ref, ["references", "in-reply-to"]);
  if (req.kind === "forward") {
    return {
      ...EMPTY,
      subject: forwardSubject(message.subject),
      body: forwardBody(message, message.text),
      attachments: carriedAttachments(req.ref, message.attachments),
      context: { kind: "forward", original: req.ref, inReplyTo: null, references: [] },
    };
  }
  const { to, cc } = replyRecipients(message, ownAddresses, req.kind === "replyAll");
  const thread = replyThreadHeaders({ messageId: message.messageId, references: headers.references ?? null, inReplyTo: headers["in-reply-to"] ?? null });
  return {
    ...EMPTY,
    to: formatAddressList(to),
    cc: formatAddressList(cc),
    subject: replySubject(message.subject),
    body: replyBody(message),
    context: { kind: req.kind, original: req.ref, ...thread },
  };
}

/** A saved draft back in the composer: Postern's own drafts carry the fields exactly as typed;
 * drafts of other mail programs are read from their headers. */
async function loadDraft(imap: ImapIdentity, ref: MessageRef): Promise<ComposeState> {
  const { message, headers } = await loadSource(imap, ref, ["bcc", "references", "in-reply-to", DRAFT_INFO_HEADER]);
  const info = decodeDraftInfo(headers[DRAFT_INFO_HEADER.toLowerCase()]);
  const bcc = headers.bcc ? formatAddressList(convertAddresses(parseAddressHeader(headers.bcc))) : "";
  return {
    to: info?.to ?? formatAddressList(message.to),
    cc: info?.cc ?? formatAddressList(message.cc),
    bcc: info?.bcc ?? bcc,
    subject: message.subject,
    body: restoreBody(message.text ?? "", info),
    attachments: carriedAttachments(ref, message.attachments).filter((a) => !a.partId.includes(".")),
    context: {
      kind: info?.context.kind ?? "new",
      original: info?.context.original ?? null,
      inReplyTo: readMessageIds(headers["in-reply-to"])[0] ?? null,
      references: readMessageIds(headers.references),
    },
    draft: ref,
  };
}
