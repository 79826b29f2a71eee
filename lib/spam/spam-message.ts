/** What the spam filter reads of a message: decoded header fields (in order, repeats kept) and
 * decoded body text. Built by read-spam-message.ts; everything in lib/spam works on this. */
import type { Address } from "@/lib/mime/types";

export type SpamMessage = {
  headers: { name: string; value: string }[];
  /** The plain-text body, when the message has no HTML. */
  text: string | null;
  /** The raw HTML body (never shown to anyone: only tokenized). */
  html: string | null;
  attachments: { filename: string; contentType: string }[];
  /** Decoded addresses (for lists, the auto-whitelist and the From/Reply-To rule). Optional so a
   * test can build a message from headers and text alone. */
  from?: Address[];
  replyTo?: Address[];
};

/** Value of the first header field called `name` (case-insensitive), or "". */
export function headerValue(message: SpamMessage, name: string): string {
  const lower = name.toLowerCase();
  return message.headers.find((h) => h.name.toLowerCase() === lower)?.value ?? "";
}

/** Values of every header field called `name`, in order. */
export function headerValues(message: SpamMessage, name: string): string[] {
  const lower = name.toLowerCase();
  return message.headers.filter((h) => h.name.toLowerCase() === lower).map((h) => h.value);
}
