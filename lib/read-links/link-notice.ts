// The ordinary email a recipient gets instead of the message: who sent it, the link, until when
// it works, and what "once" means. Plain text and HTML, no Disposition-Notification-To.
import { escapeHtml } from "@/lib/mime/escape-html";
import type { Address } from "@/lib/mime/types";

export type LinkNoticeInput = { sender: Address; url: string; expiresAt: Date };

const who = (a: Address) => (a.name ? `${a.name} <${a.address}>` : a.address);

/** "Tuesday 23 December 2025 at 18:00 UTC": the reader's time zone is unknown on the server. */
export function formatUtcTime(d: Date): string {
  return `${d.toLocaleString("en-GB", { timeZone: "UTC", weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" })} UTC`;
}

/** The notice's Subject: neutral, unless the sender chose to show the message's own. */
export function linkNoticeSubject(sender: Address, subject: string, showSubject: boolean): string {
  return showSubject && subject.trim() ? subject : `A message from ${sender.name || sender.address}`;
}

export function linkNoticeText({ sender, url, expiresAt }: LinkNoticeInput): string {
  return [
    `${who(sender)} sent you a message that you can read once, by opening this link:`,
    "",
    url,
    "",
    `The link works until ${formatUtcTime(expiresAt)}. The message can be opened only once: after that it is deleted from the server, and the sender learns when it was opened.`,
    "",
    "The link holds the key to the message; do not forward this email unless you want someone else to read it instead of you.",
    "",
  ].join("\n");
}

export function linkNoticeHtml({ sender, url, expiresAt }: LinkNoticeInput): string {
  const link = escapeHtml(url);
  return [
    `<p>${escapeHtml(who(sender))} sent you a message that you can read once.</p>`,
    `<p><a href="${link}"><strong>Open the message</strong></a></p>`,
    `<p>The link works until ${escapeHtml(formatUtcTime(expiresAt))}. The message can be opened only once: after that it is deleted from the server, and the sender learns when it was opened.</p>`,
    "<p>The link holds the key to the message; do not forward this email unless you want someone else to read it instead of you.</p>",
    `<p>If the button does not work, copy this address into your browser:<br>${link}</p>`,
  ].join("\n");
}
