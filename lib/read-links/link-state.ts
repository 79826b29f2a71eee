// The life of a read link: waiting → opened | expired | revoked, each final. Pure, so the
// store, the pages and the tests agree on what a row means at a given moment.

export type LinkState = "waiting" | "opened" | "expired" | "revoked";

export type LinkTimes = { expiresAt: Date; openedAt: Date | null; revokedAt: Date | null };

/** Opening and revoking are final and win over expiry: a link opened (or revoked) before it
 * expired stays "opened" (or "revoked") afterwards. */
export function linkState(link: LinkTimes, now: Date): LinkState {
  if (link.openedAt) return "opened";
  if (link.revokedAt) return "revoked";
  if (link.expiresAt.getTime() <= now.getTime()) return "expired";
  return "waiting";
}

/** Only a waiting link can be opened or revoked. */
export const canOpen = (link: LinkTimes, now: Date) => linkState(link, now) === "waiting";
export const canRevoke = canOpen;

/** The sentence a visitor sees for a link that can no longer be opened. */
export function closedLinkSentence(state: Exclude<LinkState, "waiting">, when: string): string {
  switch (state) {
    case "opened":
      return `This message was opened on ${when}. It could be read only once, and it is no longer stored.`;
    case "expired":
      return `This link expired on ${when}, unopened. The message is no longer stored.`;
    case "revoked":
      return `The sender withdrew this message on ${when}. It can no longer be read.`;
  }
}
