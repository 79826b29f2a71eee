import type { Address } from "@/lib/mime/types";

export type ReplySource = { from: Address[]; replyTo: Address[]; to: Address[]; cc: Address[] };

const key = (a: Address) => a.address.trim().toLowerCase();

function unique(list: Address[], exclude: Set<string>): Address[] {
  const seen = new Set(exclude);
  return list.filter((a) => {
    const k = key(a);
    if (!k || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Who a reply goes to. Reply: the Reply-To, else the sender. Reply all: also everyone in To and
 * Cc, without the user's own addresses and without duplicates (an address in To is not repeated
 * in Cc). Replying to one's own message (from Sent) goes to its recipients, not back to oneself.
 * @param own the user's addresses, compared case-insensitively
 */
export function replyRecipients(source: ReplySource, own: string[], all: boolean): { to: Address[]; cc: Address[] } {
  const self = new Set(own.map((a) => a.trim().toLowerCase()));
  const isOwn = (a: Address) => self.has(key(a));
  const author = source.replyTo.length ? source.replyTo : source.from;
  const fromSelf = author.length > 0 && author.every(isOwn);
  const primary = fromSelf ? source.to : author;
  if (!all) {
    const to = unique(primary.filter((a) => !isOwn(a)), new Set());
    // A note to oneself (everyone in it is the user): answer it to oneself rather than to no one.
    return { to: to.length ? to : unique(primary, new Set()), cc: [] };
  }
  const to = unique([...primary, ...(fromSelf ? [] : source.to)].filter((a) => !isOwn(a)), new Set());
  const cc = unique(source.cc.filter((a) => !isOwn(a)), new Set(to.map(key)));
  if (to.length === 0 && cc.length === 0) return { to: unique(primary, new Set()), cc: [] };
  // A message needs someone in To: when only Cc recipients are left, they become the To.
  return to.length ? { to, cc } : { to: cc, cc: [] };
}
