import type { Address, ParsedMessage } from "@/lib/mime/types";

/**
 * The plain text of a message as one reads it, for quoting and printing: its own text, then each
 * inline embedded message (a forward sent to be read in place) as a short header block and its
 * text. The view shows those as cards of their own; a reply or a printout has only text.
 */
export function readingText(msg: ParsedMessage): string | null {
  const inline = (msg.attachedMessages ?? []).filter((m) => m.inline);
  if (inline.length === 0) return msg.text;
  const blocks = inline.map(({ message }) => {
    const header = [
      ["From", addresses(message.from)],
      ["Subject", message.subject],
      ["Date", message.date ? new Date(message.date).toUTCString() : ""],
      ["To", addresses(message.to)],
    ]
      .filter(([, value]) => value)
      .map(([name, value]) => `${name}: ${value}`);
    return [...header, "", readingText(message) ?? ""].join("\n").trimEnd();
  });
  return [msg.text?.trimEnd() ?? "", ...blocks].filter(Boolean).join("\n\n");
}

function addresses(list: Address[]): string {
  return list.map((a) => (a.name ? `${a.name} <${a.address}>` : a.address)).join(", ");
}
