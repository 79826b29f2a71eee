import { decodeText } from "@/lib/mime/decode-text";
import type { DeliveryRecipient, DeliveryReport } from "@/lib/mime/types";

/** Recipients listed from one report: a list server's bounce may carry thousands. */
const MAX_RECIPIENTS = 50;
/** Longest field value kept, in characters: a diagnostic is a line or two. */
const MAX_VALUE_CHARS = 1000;

// RFC 3463 subject.detail codes, in words a user understands; the class (2, 4, 5) says whether
// it worked, is still being tried, or failed for good.
const STATUS_DETAILS: Record<string, string> = {
  "1.1": "the mailbox does not exist",
  "1.2": "the recipient's domain does not exist or does not accept mail",
  "1.3": "the address is not valid",
  "1.6": "the mailbox has moved",
  "1.10": "the recipient's domain does not accept mail",
  "2.1": "the mailbox is disabled",
  "2.2": "the mailbox is full",
  "2.3": "the message is too large for the mailbox",
  "2.4": "the mailing list could not be expanded",
  "3.1": "the receiving system is out of storage",
  "3.4": "the message is too large for the receiving system",
  "4.1": "the receiving server did not answer",
  "4.2": "the connection to the receiving server failed",
  "4.4": "no route to the recipient's server was found",
  "4.7": "delivery was given up after trying for too long",
  "5.3": "too many recipients",
  "7.1": "the receiving server refused the message",
  "7.26": "the message failed the receiving server's authentication checks",
};
const CLASSES: Record<string, string> = { "2": "Delivered", "4": "Delayed", "5": "Failed" };

type Fields = Map<string, string>;

/** Reads a message/delivery-status part (RFC 3464). */
export function readDeliveryStatus(content: Buffer): Pick<DeliveryReport, "reportingMta" | "recipients"> {
  const [message = new Map(), ...recipients] = readFieldGroups(content);
  return {
    reportingMta: stripType(message.get("reporting-mta") ?? ""),
    recipients: recipients
      .filter((fields) => fields.has("final-recipient") || fields.has("original-recipient"))
      .slice(0, MAX_RECIPIENTS)
      .map(readRecipient),
  };
}

/** Reads a message/disposition-notification part (RFC 8098): who saw the message, and how. */
export function readDispositionNotification(content: Buffer): Pick<DeliveryReport, "reportingMta" | "recipients" | "disposition"> {
  const fields = new Map(readFieldGroups(content).flatMap((group) => [...group]));
  const recipient = stripType(fields.get("final-recipient") ?? fields.get("original-recipient") ?? "");
  // "manual-action/MDN-sent-manually; displayed": the disposition type follows the semicolon
  const disposition = (fields.get("disposition") ?? "").split(";").pop()?.split("/")[0].trim().toLowerCase() ?? "";
  return {
    reportingMta: stripType(fields.get("reporting-ua") ?? ""),
    recipients: recipient ? [{ recipient, action: disposition, status: "", statusText: "", diagnostic: "", remoteMta: "" }] : [],
    disposition,
  };
}

/** A status code ("5.1.1") in words: "Failed: the mailbox does not exist". */
export function describeStatus(status: string): string {
  const match = /^([245])\.(\d{1,3})\.(\d{1,3})/.exec(status);
  if (!match) return "";
  const detail = STATUS_DETAILS[`${match[2]}.${match[3]}`];
  return detail ? `${CLASSES[match[1]]}: ${detail}` : CLASSES[match[1]];
}

function readRecipient(fields: Fields): DeliveryRecipient {
  const status = (fields.get("status") ?? "").split(/\s/)[0];
  return {
    recipient: stripType(fields.get("final-recipient") ?? fields.get("original-recipient") ?? ""),
    action: (fields.get("action") ?? "").toLowerCase(),
    status,
    statusText: describeStatus(status),
    diagnostic: stripType(fields.get("diagnostic-code") ?? ""),
    remoteMta: stripType(fields.get("remote-mta") ?? ""),
  };
}

/** Header-style field groups separated by blank lines, folded lines joined, names lower case. */
function readFieldGroups(content: Buffer): Fields[] {
  const text = decodeText(content, "utf-8").replace(/\r\n?/g, "\n").replace(/\n[ \t]+/g, " ");
  return text
    .split(/\n\s*\n/)
    .map((block) => {
      const fields: Fields = new Map();
      for (const line of block.split("\n")) {
        const colon = line.indexOf(":");
        if (colon <= 0) continue;
        const name = line.slice(0, colon).trim().toLowerCase();
        if (!fields.has(name)) fields.set(name, clean(line.slice(colon + 1)));
      }
      return fields;
    })
    .filter((fields) => fields.size > 0);
}

/** "rfc822; bob@example.test" -> "bob@example.test" (the address or name type is noise here). */
function stripType(value: string): string {
  return value.replace(/^\s*(?:rfc822|dns|smtp|x-[\w-]+|utf-8|unknown)\s*;\s*/i, "").trim();
}

function clean(value: string): string {
  return value.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "").trim().slice(0, MAX_VALUE_CHARS);
}
