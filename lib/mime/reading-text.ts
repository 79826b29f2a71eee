import type { Address, ParsedMessage } from "@/lib/mime/types";

/**
 * The plain text of a message as one reads it, for quoting and printing: its own text, then each
 * inline embedded message (a forward sent to be read in place) as a short header block and its
 * text. The view shows those as cards of their own; a reply or a printout has only text.
 */
export function readingText(msg: ParsedMessage): string | null {
  const inline = (msg.attachedMessages ?? []).filter((m) => m.inline);
  if (inline.length === 0) return msg.text;
  const asText = (message: ParsedMessage) => {
    const header = [
      ["From", addresses(message.from)],
      ["Subject", message.subject],
      ["Date", message.date ? new Date(message.date).toUTCString() : ""],
      ["To", addresses(message.to)],
    ]
      .filter(([, value]) => value)
      .map(([name, value]) => `${name}: ${value}`);
    return [...header, "", readingText(message) ?? ""].join("\n").trimEnd();
  };
  // in the sender's order where the flow is known (reading-flow.ts), else the text first
  const pieces = msg.flow
    ? msg.flow.map((item) => (item.kind === "text" ? item.text.trimEnd() : asText(inline.find((m) => m.partId === item.partId)?.message ?? msg)))
    : [msg.text?.trimEnd() ?? "", ...inline.map(({ message }) => asText(message))];
  return pieces.filter(Boolean).join("\n\n");
}

function addresses(list: Address[]): string {
  return list.map((a) => (a.name ? `${a.name} <${a.address}>` : a.address)).join(", ");
}
