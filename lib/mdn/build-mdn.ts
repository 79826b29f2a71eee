// A message disposition notification (RFC 8098): multipart/report with a sentence for people,
// the machine-readable message/disposition-notification part, and the original's header fields
// as text/rfc822-headers, so other mail programs recognise it as a read receipt.
import MimeNode from "nodemailer/lib/mime-node";
import type { Address } from "@/lib/mime/types";
import { newMessageId } from "@/lib/smtp/build-message";

export type MdnInput = {
  /** The user answering: From, and Final-Recipient. */
  reporter: Address;
  /** Where the receipt goes: the Disposition-Notification-To address. */
  to: Address;
  /** Original-Recipient field of the message, if it carried one (RFC 8098 3.2.3). */
  originalRecipient: string | null;
  original: { messageId: string | null; subject: string; date: string | null; headerBlock: string };
  /** Names the reporting mail program (Reporting-UA), e.g. Postern's host name. */
  reportingHost: string;
  now?: Date;
};

/** A field value must not break out of its line. */
const oneLine = (s: string) => s.replace(/[\r\n]+/g, " ").trim();

export function mdnFields(m: MdnInput): string {
  return [
    `Reporting-UA: ${oneLine(m.reportingHost)}; Postern`,
    ...(m.originalRecipient ? [`Original-Recipient: ${oneLine(m.originalRecipient)}`] : []),
    `Final-Recipient: rfc822;${oneLine(m.reporter.address)}`,
    ...(m.original.messageId ? [`Original-Message-ID: ${oneLine(m.original.messageId)}`] : []),
    // Sent because the user chose to, after seeing the message: never automatic.
    "Disposition: manual-action/MDN-sent-manually; displayed",
    "",
  ].join("\r\n");
}

export async function buildMdn(m: MdnInput): Promise<{ raw: Buffer; messageId: string }> {
  const now = m.now ?? new Date();
  const messageId = newMessageId(m.reporter.address);
  const subject = m.original.subject || "(no subject)";
  const root = new MimeNode("multipart/report; report-type=disposition-notification", { newline: "win" } as MimeNode.Options);
  root.setHeader({ From: m.reporter, To: m.to, Subject: `Read: ${subject}`, "Message-ID": messageId, Date: now });
  const sent = m.original.date ? ` on ${m.original.date}` : "";
  root
    .createChild("text/plain; charset=utf-8")
    .setContent(
      `This is a read receipt for the message you sent to ${m.reporter.address}${sent} with the subject “${subject}”.\r\n\r\n` +
        `It was displayed on ${now.toUTCString()}. This does not guarantee that it was read or understood.\r\n`,
    );
  root.createChild("message/disposition-notification").setContent(mdnFields(m));
  root.createChild("text/rfc822-headers").setContent(`${m.original.headerBlock.replace(/\r?\n/g, "\r\n").trimEnd()}\r\n`);
  return { raw: await root.build(), messageId };
}
