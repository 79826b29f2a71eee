import { match } from "@formatjs/intl-localematcher";
import { DEFAULT_LOCALE, LOCALES, PSEUDO_LOCALE } from "./locales";

/** Longest Accept-Language header read; a real browser's is well under 200 bytes. */
const MAX_HEADER = 1024;

/** The language tags of an Accept-Language header, most wanted first (RFC 9110 §12.5.4). */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  const ranges = header
    .slice(0, MAX_HEADER)
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(p)).find(Boolean);
      return { tag: tag.trim(), q: q ? Number(q[1]) : 1, index };
    })
    .filter((r) => r.q > 0 && r.tag !== "*" && isLanguageTag(r.tag));
  // A stable sort: equal weights keep the header's order.
  return ranges.sort((a, b) => b.q - a.q || a.index - b.index).map((r) => r.tag);
}

function isLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** The UI language for a browser's Accept-Language: `de-AT` → de, `th-TH` → th, anything else → en. */
export function negotiateLocale(header: string | null | undefined, opts: { pseudo?: boolean } = {}): string {
  const wanted = parseAcceptLanguage(header);
  if (opts.pseudo && wanted[0]?.toLowerCase() === PSEUDO_LOCALE.toLowerCase()) return PSEUDO_LOCALE;
  if (wanted.length === 0) return DEFAULT_LOCALE;
  return match(wanted, [...LOCALES], DEFAULT_LOCALE, { algorithm: "best fit" });
}
