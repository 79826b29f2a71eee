import type { ImapFlow } from "imapflow";
import { readSpamMessage, messageKey } from "./read-spam-message";
import { applyRules, type RuleHit } from "./heuristics";
import type { SpamMessage } from "./spam-message";
import { tokenize } from "./tokenize";

/** Bytes of a message the filter reads: the words that matter come first, attachments later, and
 * this bounds what one judgement costs. */
export const MAX_SPAM_READ_BYTES = 256 * 1024;

/** `rules`: the message's own rules (heuristics.ts; no blocklist lookups), which training learns
 * weights for beside the words. */
export type SpamSource = { uid: number; key: string; message: SpamMessage; tokens: string[]; rules: RuleHit[] };

/**
 * Fetches (BODY.PEEK: nothing is marked read) the start of each message in `uidSet` of the
 * selected folder, decodes and tokenizes it. In UID order.
 */
export async function fetchSpamSources(client: ImapFlow, uidSet: string): Promise<SpamSource[]> {
  const raws: { uid: number; raw: Buffer }[] = [];
  for await (const m of client.fetch(uidSet, { uid: true, source: { start: 0, maxLength: MAX_SPAM_READ_BYTES } }, { uid: true })) {
    if (m.source) raws.push({ uid: m.uid, raw: m.source });
  }
  const out: SpamSource[] = [];
  for (const { uid, raw } of raws.sort((a, b) => a.uid - b.uid)) out.push(await spamSourceOf(uid, raw));
  return out;
}

/** The filter's reading of a message from its bytes (the whole message, or its first
 * MAX_SPAM_READ_BYTES as fetchSpamSources fetches them: the same reading either way). */
export async function spamSourceOf(uid: number, raw: Buffer): Promise<SpamSource> {
  const start = raw.subarray(0, MAX_SPAM_READ_BYTES);
  const { message, messageId } = await readSpamMessage(start);
  return { uid, key: messageKey(start, messageId), message, tokens: tokenize(message), rules: applyRules(message) };
}
