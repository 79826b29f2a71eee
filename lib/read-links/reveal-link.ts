// The public side of a read link, for the page (GET, never spends the link) and the reveal
// endpoint (POST, spends it). Unknown tokens count against the client's address, so nobody can
// try tokens at speed; known ones never do (a recipient reloading the page is not guessing).
import { getConfig } from "@/lib/env";
import { agentFamily } from "./agent-family";
import type { ClosedLink } from "./closed-link-document";
import { guessKey, linkGuessLimiter } from "./guess-limiter";
import type { LinkState } from "./link-state";
import { isLinkToken } from "./link-token";
import { findLinkForVisitor, openReadLink, type LinkForVisitor } from "./read-link-store";

export type Visitor = { ip: string | null; userAgent: string | null };

type Refused = { kind: "unknown" } | { kind: "limited"; retryAfter: number };

export type VisitResult = { kind: "link"; link: LinkForVisitor } | Refused;

export type RevealResult =
  | { kind: "content"; ciphertext: Uint8Array }
  | { kind: "closed"; state: Exclude<LinkState, "waiting">; at: Date }
  | Refused;

async function guarded<T>(token: string, visitor: Visitor, lookup: () => Promise<T | null>): Promise<T | Refused> {
  const limiter = linkGuessLimiter();
  const key = [guessKey(visitor.ip)];
  const retryAfter = limiter.retryAfter(key);
  if (retryAfter > 0) return { kind: "limited", retryAfter };
  const found = isLinkToken(token) ? await lookup() : null;
  if (found === null) {
    limiter.recordFailure(key);
    return { kind: "unknown" };
  }
  return found;
}

/** What the link's page shows. Reads only: mail scanners and link previews fetch URLs. */
export async function visitReadLink(token: string, visitor: Visitor, now = new Date()): Promise<VisitResult> {
  return guarded<VisitResult>(token, visitor, async () => {
    const link = await findLinkForVisitor(token, now);
    return link ? { kind: "link", link } : null;
  });
}

/** Opens the link: its ciphertext, exactly once (again only to the browser holding `retry`, for a
 * short time: read-link-store.ts), or why not. */
export async function revealReadLink(token: string, visitor: Visitor, now = new Date(), retry: string | null = null): Promise<RevealResult> {
  return guarded<RevealResult>(token, visitor, async () => {
    const opener = { agent: agentFamily(visitor.userAgent), ip: getConfig().READ_LINK_RECORD_IP ? visitor.ip : null, retry };
    const outcome = await openReadLink(token, opener, now);
    if (!outcome) return null;
    return outcome.ok ? { kind: "content", ciphertext: outcome.ciphertext } : { kind: "closed", state: outcome.state, at: outcome.at };
  });
}

/**
 * The link behind `token` when it can no longer be opened (opened, expired, revoked), for the
 * 410 answer; null for a waiting or unknown one, which the page itself handles (and counts).
 */
export async function closedLink(token: string, now = new Date()): Promise<ClosedLink | null> {
  if (!isLinkToken(token)) return null;
  const link = await findLinkForVisitor(token, now);
  if (!link || link.state === "waiting") return null;
  const at = link.state === "opened" ? link.openedAt : link.state === "revoked" ? link.revokedAt : link.expiresAt;
  return { state: link.state, at: at ?? link.expiresAt, senderName: link.senderName, senderAddress: link.senderAddress };
}
