import { z } from "zod";

/**
 * A whitelist/blacklist entry: an address ("ann@example.com"), a domain ("example.com", which
 * covers its subdomains too) or a wildcard ("*@*.example.com", "news-*@example.com"; `*` is any
 * run of characters, `?` one character).
 */
export const listPatternSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(320)
  .regex(/^[^\s<>"(),;:]+$/, "A pattern is an address, a domain or a wildcard such as *@example.com.");

function wildcardRegex(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${body}$`);
}

/** Whether a sender address matches one pattern (both compared in lower case). */
export function matchesPattern(address: string, pattern: string): boolean {
  const a = address.trim().toLowerCase();
  const p = pattern.trim().toLowerCase();
  if (!a || !p) return false;
  if (p.includes("*") || p.includes("?")) return wildcardRegex(p).test(a);
  if (p.includes("@")) return a === p;
  const domain = a.slice(a.lastIndexOf("@") + 1);
  return domain === p || domain.endsWith(`.${p}`);
}

export type ListEntry = { kind: "allow" | "block"; pattern: string };

/** Which list the sender is on. The blacklist wins over the whitelist: blocking is the more
 * specific, deliberate choice (a domain allowed, one address in it blocked). */
export function listVerdict(address: string, entries: ListEntry[]): ListEntry | null {
  return entries.find((e) => e.kind === "block" && matchesPattern(address, e.pattern)) ?? entries.find((e) => e.kind === "allow" && matchesPattern(address, e.pattern)) ?? null;
}
