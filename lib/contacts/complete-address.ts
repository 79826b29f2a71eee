import { formatMailbox } from "@/lib/compose/parse-addresses";
import type { Address } from "@/lib/mime/types";

/** The entry being typed in an address field: where it starts and ends, and its text. */
export type AddressToken = { start: number; end: number; text: string };

/**
 * The entry around the caret in "a@x.org, Bob <b@y.org>, car|": entries are separated by "," or
 * ";" outside quotes and angle brackets, so a quoted name with a comma stays one entry.
 */
export function tokenAt(value: string, caret: number): AddressToken {
  let start = 0;
  let quoted = false;
  let angle = false;
  for (let i = 0; i < caret; i++) {
    const c = value[i];
    if (c === "\\" && quoted) i++;
    else if (c === '"') quoted = !quoted;
    else if (!quoted && c === "<") angle = true;
    else if (!quoted && c === ">") angle = false;
    else if (!quoted && !angle && (c === "," || c === ";")) start = i + 1;
  }
  let end = value.length;
  for (let i = caret, q = quoted; i < value.length; i++) {
    if (value[i] === '"') q = !q;
    else if (!q && (value[i] === "," || value[i] === ";")) {
      end = i;
      break;
    }
  }
  const raw = value.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  return { start: start + lead, end, text: raw.trim() };
}

/** What to look up for the entry at the caret, or null when it is not worth asking (too short,
 * or already a complete "Name <address>"). */
export function completionQuery(value: string, caret: number): string | null {
  const { text } = tokenAt(value, caret);
  if (text.length < 2 || /<[^>]*>$/.test(text)) return null;
  return text.replace(/^"/, "");
}

/** The field with the entry at the caret replaced by the chosen contact (or a group's members,
 * one entry each), then ", " and the caret after it, ready for the next recipient. */
export function applyCompletion(value: string, caret: number, chosen: Address | readonly Address[]): { value: string; caret: number } {
  const { start, end } = tokenAt(value, caret);
  const before = value.slice(0, start);
  const after = value.slice(end).replace(/^\s*[,;]?\s*/, "");
  const inserted = `${[chosen].flat().map(formatMailbox).join(", ")}, `;
  return { value: before + inserted + after, caret: (before + inserted).length };
}
