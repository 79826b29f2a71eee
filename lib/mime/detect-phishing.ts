// Phishing signs in a message: links that are not what they say, and senders who pretend to be
// someone else. Pure functions; the sanitizer marks links with them and the message view lists
// them above the body.
import { findNamedDomains } from "@/lib/mime/find-domains";
import { findLookAlike } from "@/lib/mime/look-alike-domain";
import { isIpAddress, normalizeHost, registrableDomain } from "@/lib/mime/registrable-domain";
import type { Address } from "@/lib/mime/types";

export type LinkReason =
  /** The link's words name another site than the one it opens. */
  | "text-mismatch"
  /** The target's name is an IDN made to look like another (Cyrillic "раураl.com"). */
  | "look-alike"
  /** The target is a bare IP address: real organizations link to their names. */
  | "ip-address"
  /** The URL hides its host behind a user name ("https://www.bank.test@evil.test/"). */
  | "userinfo";

export type LinkWarning = {
  kind: "link";
  reasons: LinkReason[];
  /** What the reader sees: the link's text, whitespace collapsed, shortened. */
  text: string;
  /** Where it really goes (the sanitized href). */
  target: string;
  /** The target's host, in Unicode when it is a look-alike (so the reader sees the disguise). */
  host: string;
  /** For "text-mismatch": the domain the words name. */
  shownDomain?: string;
};

export type SenderReason = "name-mismatch" | "look-alike";

export type SenderWarning = {
  kind: "sender";
  reasons: SenderReason[];
  name: string;
  address: string;
  /** For "name-mismatch": the domain the display name claims. */
  claimedDomain?: string;
};

export type PhishingWarning = LinkWarning | SenderWarning;

const MAX_SHOWN_TEXT = 160;

/** Checks one link: `href` as the sanitizer kept it (http(s), mailto: or tel:), `text` what the
 * link shows. Returns null for an honest-looking link. */
export function checkLink(href: string, text: string): LinkWarning | null {
  const target = linkTarget(href);
  if (!target) return null;
  const reasons: LinkReason[] = [];
  const shownDomain = findNamedDomains(text).find((d) => registrableDomain(d) !== registrableDomain(target.host));
  if (shownDomain) reasons.push("text-mismatch");
  const lookAlike = findLookAlike(target.host);
  if (lookAlike) reasons.push("look-alike");
  if (isIpAddress(target.host)) reasons.push("ip-address");
  if (target.userinfo) reasons.push("userinfo");
  if (reasons.length === 0) return null;
  return {
    kind: "link",
    reasons,
    text: shorten(text),
    target: href,
    host: lookAlike ? `${lookAlike.unicode} (${target.host})` : target.host,
    ...(shownDomain ? { shownDomain } : {}),
  };
}

/** Checks a From address: a display name that names another domain ("paypal.com",
 * "support@bank.test") than the address it comes from, or an address on a look-alike domain. */
export function checkSender(from: Address): SenderWarning | null {
  const at = from.address.lastIndexOf("@");
  const host = at < 0 ? null : normalizeHost(from.address.slice(at + 1));
  if (!host) return null;
  const reasons: SenderReason[] = [];
  const claimedDomain = findNamedDomains(from.name).find((d) => registrableDomain(d) !== registrableDomain(host));
  if (claimedDomain) reasons.push("name-mismatch");
  if (findLookAlike(host)) reasons.push("look-alike");
  if (reasons.length === 0) return null;
  return { kind: "sender", reasons, name: from.name, address: from.address, ...(claimedDomain ? { claimedDomain } : {}) };
}

function linkTarget(href: string): { host: string; userinfo: boolean } | null {
  if (/^mailto:/i.test(href)) {
    const address = decodeSafely(href.slice(7).split(/[?,]/)[0]);
    const at = address.lastIndexOf("@");
    const host = at < 0 ? null : normalizeHost(address.slice(at + 1));
    return host ? { host, userinfo: false } : null;
  }
  try {
    const url = new URL(href);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    return { host: url.hostname, userinfo: url.username !== "" || url.password !== "" };
  } catch {
    return null;
  }
}

function shorten(text: string): string {
  const clean = text.replace(/\s+/g, " ").trim();
  return clean.length > MAX_SHOWN_TEXT ? `${clean.slice(0, MAX_SHOWN_TEXT - 1)}…` : clean;
}

function decodeSafely(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
