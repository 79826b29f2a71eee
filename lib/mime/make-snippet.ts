import { htmlToPlainText } from "./html-to-text";
import type { ParsedMessage } from "./types";

/** Longest snippet, in characters: one line of a collapsed message in a conversation. */
export const SNIPPET_LENGTH = 160;

// The line that introduces a quoted reply, in the commonest clients' languages.
const ATTRIBUTION = /^\s*(?:on\b.*\bwrote|am\b.*\bschrieb\b.*|le\b.*\ba écrit|el\b.*\bescribió|-{2,}\s*original message\s*-{2,})\s*:?\s*$/i;

/**
 * A one-line preview of what the message itself says: quoted lines, the attribution before them
 * and the signature are left out, whitespace is collapsed, long text is cut with an ellipsis.
 */
export function makeSnippet(msg: Pick<ParsedMessage, "text" | "html">, max = SNIPPET_LENGTH): string {
  const text = msg.text ?? (msg.html ? htmlToPlainText(msg.html) : "");
  const own: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line === "-- " || ATTRIBUTION.test(line)) break;
    if (!/^\s*>/.test(line)) own.push(line);
  }
  const flat = own.join(" ").replace(/\s+/g, " ").trim();
  const chars = [...flat];
  return chars.length > max ? `${chars.slice(0, max - 1).join("").trimEnd()}…` : flat;
}
