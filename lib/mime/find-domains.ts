// Which domains a piece of text names: what a reader takes away from a link's words or a sender's
// display name ("Log in at www.examplebank.test", "support@bank.test", "PayPal.com").
import { hasKnownSuffix, normalizeHost } from "@/lib/mime/registrable-domain";

/** Dots that browsers and IDNA treat as the full stop between labels. */
const DOT_LIKE = /[\u3002\uFF0E\uFF61]/g;
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}-]*[\p{L}\p{N}\p{M}])?`;
// An address, a URL with a scheme, or a dotted name; an explicit form vouches for its host, a bare
// dotted word only when it ends in a real suffix (so "report.pdf" or "v1.2" name no domain).
const NAMED = new RegExp(
  String.raw`[\p{L}\p{N}._%+-]+@(?<mail>(?:${LABEL}\.)+${LABEL})` +
    String.raw`|\b[a-z][a-z0-9+.-]*:\/\/(?:[^\s/?#@]*@)?(?<url>\[[0-9a-f:.]+\]|[^\s/?#:<>"'()]+)` +
    String.raw`|(?<www>www\.(?:${LABEL}\.)*${LABEL})` +
    String.raw`|(?<bare>(?:${LABEL}\.)+${LABEL})`,
  "giu",
);

/** At most this much of a text is searched: link texts and names are short; a huge one is not
 * worth the time, and its start is what the reader sees. */
const MAX_TEXT = 2000;

/** The hosts a text names, normalized (lower case, punycode), in order, without repeats. */
export function findNamedDomains(text: string): string[] {
  const found: string[] = [];
  const clean = text.slice(0, MAX_TEXT).replace(DOT_LIKE, ".");
  for (const match of clean.matchAll(NAMED)) {
    const groups = match.groups ?? {};
    const explicit = groups.mail ?? groups.url ?? groups.www;
    const raw = (explicit ?? groups.bare ?? "").replace(/\.+$/, "");
    const host = raw ? normalizeHost(raw) : null;
    if (!host || (!explicit && !hasKnownSuffix(host))) continue;
    if (!found.includes(host)) found.push(host);
  }
  return found;
}
