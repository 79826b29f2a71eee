import { headerValue, type SpamMessage } from "./spam-message";

// Tokens of a message's form rather than its words: which header fields it has (mail software
// leaves its fingerprint in the set of fields it writes) and its MIME shape. Tagged "Header*" and
// "Mime*" so they never meet a word of the same spelling.

export function structureTokens(message: SpamMessage): string[] {
  const out = new Set<string>();
  for (const h of message.headers) out.add(`Header*${h.name.toLowerCase()}`);
  const type = headerValue(message, "Content-Type").split(";")[0].trim().toLowerCase() || "text/plain";
  out.add(`Mime*${type}`);
  out.add(`Mime*${message.html ? "html" : "no-html"}${message.text ? "+text" : ""}`);
  out.add(`Mime*attachments-${Math.min(3, message.attachments.length)}`);
  return [...out];
}
