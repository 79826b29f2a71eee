import type { ParsedMessage } from "@/lib/mime/types";

export type BodyChoice = { kind: "html"; html: string } | { kind: "text"; text: string } | { kind: "empty" };

/**
 * Decides which body to show. HTML wins when there is any, unless the user prefers plain text and
 * the message has text (a text/plain part, or text mailparser derived from the HTML). A body of
 * only whitespace counts as none.
 */
export function chooseBody(msg: Pick<ParsedMessage, "html" | "text">, opts: { preferPlainText: boolean }): BodyChoice {
  const html = msg.html !== null && msg.html.trim() !== "" ? msg.html : null;
  const text = msg.text !== null && msg.text.trim() !== "" ? msg.text : null;
  if (text !== null && (html === null || opts.preferPlainText)) return { kind: "text", text };
  if (html !== null) return { kind: "html", html };
  return { kind: "empty" };
}
