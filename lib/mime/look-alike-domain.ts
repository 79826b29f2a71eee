// IDN homographs: host names that render like another, familiar one ("раураl.com" in Cyrillic
// letters for "paypal.com"). The rules follow the spirit of Unicode TS #39 ("highly restrictive"
// mixed-script detection) and of Chromium's IDN display policy, reduced to what a link check
// needs: a name that would make a careful reader believe it is a different, Latin one.
import { domainToUnicode } from "node:url";

const SCRIPTS = [
  "Latin", "Cyrillic", "Greek", "Armenian", "Hebrew", "Arabic", "Syriac", "Thaana", "Devanagari", "Bengali",
  "Gurmukhi", "Gujarati", "Oriya", "Tamil", "Telugu", "Kannada", "Malayalam", "Sinhala", "Thai", "Lao", "Tibetan",
  "Myanmar", "Georgian", "Hangul", "Ethiopic", "Cherokee", "Khmer", "Mongolian", "Hiragana", "Katakana", "Bopomofo",
  "Han", "Canadian_Aboriginal", "Runic", "Ogham", "Coptic", "Glagolitic", "Tifinagh", "Vai", "Lisu",
].map((name) => ({ name, pattern: new RegExp(`\\p{Script=${name}}`, "u") }));

const NEUTRAL = /[\p{Script=Common}\p{Script=Inherited}]/u;

/** Script sets a single name may legitimately mix (UTS #39 "highly restrictive"): Japanese,
 * Chinese with Bopomofo, Korean, each with Latin. */
const ALLOWED_MIXES = [
  new Set(["Latin", "Han", "Hiragana", "Katakana"]),
  new Set(["Latin", "Han", "Bopomofo"]),
  new Set(["Latin", "Han", "Hangul"]),
];

/** Letters that look like Latin ones (after Chromium's list of Cyrillic Latin look-alikes, plus
 * the Greek ones): a name made only of them reads as a Latin name. */
const LATIN_LOOKING = /^[асԁеһіјӏорԛѕԝхуъьҽпгѵѡαικνορυχϲϳ\d-]+$/u;

/** Latin letters that exist to be mistaken for others: dotless i, long s, IPA and small
 * capitals (e.g. "ɑ" for "a", "ʟ" for "l"). No language writes domain names with them. */
const DECEPTIVE_LATIN = /[\u0131\u0138\u017F\u0237\u0250-\u02AF\u1D00-\u1DBF\uA730-\uA7FF]/u;

export type LookAlike = { hostname: string; unicode: string; why: "mixed-scripts" | "latin-look-alike" | "deceptive-letters" | "bad-punycode" };

/**
 * Checks an ASCII (punycode) host name. Returns what it looks like in Unicode and why it is
 * deceptive, or null for plain ASCII names and for IDNs written in one script the way that
 * script's users write them ("bücher.de", "пример.рф", "日本語.jp").
 */
export function findLookAlike(hostname: string): LookAlike | null {
  const labels = hostname.toLowerCase().split(".");
  if (!labels.some((l) => l.startsWith("xn--") || /[^\x00-\x7f]/.test(l))) return null;
  const unicode = domainToUnicode(hostname);
  if (!unicode) return { hostname, unicode: hostname, why: "bad-punycode" };
  const parts = unicode.split(".");
  if (parts.length !== labels.length) return { hostname, unicode, why: "bad-punycode" };
  const tldScripts = scriptsOf(parts[parts.length - 1]);
  for (const [i, label] of parts.entries()) {
    // "xn--zz-" decodes to plain "zz": not valid IDNA, and shown decoded it would read as "zz"
    const undecoded = label.startsWith("xn--") || (labels[i].startsWith("xn--") && /^[\x00-\x7f]*$/.test(label));
    if (undecoded) return { hostname, unicode, why: "bad-punycode" };
    const why = judgeLabel(label, tldScripts);
    if (why) return { hostname, unicode, why };
  }
  return null;
}

function judgeLabel(label: string, tldScripts: Set<string>): LookAlike["why"] | null {
  if (/^[\x00-\x7f]*$/.test(label)) return null;
  if (DECEPTIVE_LATIN.test(label)) return "deceptive-letters";
  const scripts = scriptsOf(label);
  if (scripts.size > 1 && !ALLOWED_MIXES.some((allowed) => [...scripts].every((s) => allowed.has(s)))) return "mixed-scripts";
  // Under a top-level domain of the same script (".рф") the reader expects that script: Russian
  // words made of Latin-looking letters ("сор") are not disguises there.
  const sameScriptTld = scripts.size === 1 && tldScripts.size === 1 && [...scripts][0] === [...tldScripts][0];
  if (!scripts.has("Latin") && !sameScriptTld && LATIN_LOOKING.test(label)) return "latin-look-alike";
  return null;
}

function scriptsOf(label: string): Set<string> {
  const scripts = new Set<string>();
  for (const ch of label) {
    if (NEUTRAL.test(ch)) continue;
    const script = SCRIPTS.find((s) => s.pattern.test(ch));
    // an unlisted script still counts as one of its own, so mixing it with Latin is noticed
    scripts.add(script?.name ?? `other-${ch.codePointAt(0)! >> 7}`);
  }
  return scripts;
}
