import { closedLinkSentence, type LinkState } from "./link-state";
import { formatUtcTime } from "./link-notice";

export type ClosedLink = { state: Exclude<LinkState, "waiting">; at: Date; senderName: string; senderAddress: string };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Served with it: nothing to run, nothing to load, nobody may frame it. */
export const CLOSED_LINK_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The page's words in the reader's language (app/i18n/closed-link-words.ts); `from` holds a
 * NUL where the sender goes. */
export type ClosedLinkWords = { lang: string; title: string; oneTime: string; from: string; sentence: string; hint: string };

function englishWords(link: ClosedLink): ClosedLinkWords {
  return {
    lang: "en",
    title: "A message for you — Postern",
    oneTime: "One-time message",
    from: "From \u0000",
    sentence: closedLinkSentence(link.state, formatUtcTime(link.at)),
    hint: `If you still need it, ask ${link.senderAddress} to send it again.`,
  };
}

/**
 * The page of a link that can no longer be opened, as a whole document: it is served with status
 * 410 before Next renders anything (proxy.ts), because a page of the App Router cannot choose its
 * status. Same words as the interactive page, plain HTML, no script.
 */
export function closedLinkDocument(link: ClosedLink, words: ClosedLinkWords = englishWords(link)): string {
  const sender = link.senderName ? `${link.senderName} <${link.senderAddress}>` : link.senderAddress;
  const [fromBefore, fromAfter = ""] = words.from.split("\u0000");
  return `<!DOCTYPE html>
<html lang="${escapeHtml(words.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow"><meta name="referrer" content="no-referrer">
<title>${escapeHtml(words.title)}</title>
<style>
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1f2933; background: #f5f7fa; }
header { background: #1f4e79; color: white; padding: 0.7rem 1.25rem; display: flex; justify-content: space-between; }
header b { font-size: 1.15rem; }
main { max-width: 860px; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
.closed { padding: 0.8rem 1rem; border-radius: 8px; background: #fff8e1; border: 1px solid #f0d58c; overflow-wrap: anywhere; }
.hint { color: #616e7c; font-size: 0.88rem; }
p { overflow-wrap: anywhere; }
</style></head>
<body><header><b>Postern</b><span>${escapeHtml(words.oneTime)}</span></header>
<main>
<p>${escapeHtml(fromBefore)}<span translate="no">${escapeHtml(sender)}</span>${escapeHtml(fromAfter)}</p>
<p class="closed" role="alert" data-testid="read-link-closed" data-state="${link.state}">${escapeHtml(words.sentence)}</p>
<p class="hint">${escapeHtml(words.hint)}</p>
</main></body></html>
`;
}
