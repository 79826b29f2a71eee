/** Message-IDs kept in References: the first (the thread's root) and the most recent ones. Long
 * threads would otherwise grow the header without bound; RFC 5322 3.6.4 allows trimming. */
const MAX_REFERENCES = 20;

const MSG_ID = /<[^<>\s]+>/g;

/** Every `<id>` in a header value, in order. */
export function readMessageIds(value: string | null | undefined): string[] {
  return value?.match(MSG_ID) ?? [];
}

/**
 * In-Reply-To and References of a reply (RFC 5322 3.6.4): the parent's References (or, lacking
 * them, its In-Reply-To) followed by the parent's Message-ID.
 */
export function replyThreadHeaders(parent: {
  messageId: string | null;
  references: string | null;
  inReplyTo: string | null;
}): { inReplyTo: string | null; references: string[] } {
  const id = readMessageIds(parent.messageId)[0] ?? null;
  const before = readMessageIds(parent.references);
  const chain = [...(before.length ? before : readMessageIds(parent.inReplyTo).slice(0, 1)), ...(id ? [id] : [])];
  const unique = chain.filter((m, i) => chain.indexOf(m) === i);
  const trimmed = unique.length > MAX_REFERENCES ? [unique[0], ...unique.slice(-(MAX_REFERENCES - 1))] : unique;
  return { inReplyTo: id, references: trimmed };
}
