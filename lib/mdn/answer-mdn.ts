import type { MailCredentials } from "@/lib/auth/credentials";
import type { MessageRef } from "@/lib/compose/compose-types";
import { getConfig } from "@/lib/env";
import { PosternError } from "@/lib/http/errors";
import { addFlag } from "@/lib/imap/add-flag";
import type { ImapIdentity } from "@/lib/imap/session-pool";
import type { Address } from "@/lib/mime/types";
import { toSendError } from "@/lib/smtp/smtp-error";
import { createSmtpTransport } from "@/lib/smtp/transport";
import { buildMdn } from "./build-mdn";
import { fetchMdnRequest, MDN_SENT } from "./mdn-request";

export type MdnAnswer = "send" | "decline";

async function submitMdn(creds: MailCredentials, to: string, raw: Buffer): Promise<void> {
  const transport = createSmtpTransport(getConfig(), creds);
  try {
    // RFC 8098 3: an MDN's envelope sender is null, so that it never causes a notification itself.
    await transport.sendMail({ envelope: { from: "", to: [to] }, raw });
  } finally {
    transport.close();
  }
}

/**
 * The user's answer to a message's read-receipt request: "send" submits an RFC 8098 receipt to
 * the requested address; both answers set $MDNSent (RFC 3503), so neither Postern nor another
 * mail program asks again.
 * @throws PosternError NOT_FOUND (no request) | CONFLICT (already answered) | SMTP errors as for sending
 */
export async function answerMdnRequest(imap: ImapIdentity, reporter: Address, ref: MessageRef, answer: MdnAnswer, reportingHost: string): Promise<void> {
  const request = await fetchMdnRequest(imap, ref);
  if (!request) throw new PosternError("NOT_FOUND", "This message does not ask for a read receipt.");
  if (request.answered) throw new PosternError("CONFLICT", "A read receipt was already sent or declined for this message.");
  if (answer === "send") {
    const { raw } = await buildMdn({
      reporter,
      to: request.notifyTo,
      originalRecipient: request.originalRecipient,
      original: { messageId: request.messageId, subject: request.subject, date: request.date, headerBlock: request.headerBlock },
      reportingHost,
    });
    try {
      await submitMdn(imap.credentials, request.notifyTo.address, raw);
    } catch (e) {
      throw toSendError(e);
    }
  }
  await addFlag(imap, { folder: ref.folder, uid: ref.uid, flag: MDN_SENT });
}
