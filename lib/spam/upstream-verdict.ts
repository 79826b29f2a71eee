import { headerValue, type SpamMessage } from "./spam-message";

/** What a filter on the mail server (SpamAssassin, rspamd...) said, if anything. */
export type UpstreamVerdict = { flagged: boolean | null; score: number | null };

/** Reads X-Spam-Flag ("YES"), X-Spam-Score ("7.3") and X-Spam-Status ("Yes, score=7.3 required=5.0 ..."). */
export function readUpstreamVerdict(message: SpamMessage): UpstreamVerdict {
  const flag = headerValue(message, "X-Spam-Flag").trim();
  const status = headerValue(message, "X-Spam-Status");
  const scoreText = headerValue(message, "X-Spam-Score").trim() || status.match(/\b(?:score|hits)=(-?\d+(?:\.\d+)?)/i)?.[1] || "";
  const score = /^-?\d+(?:\.\d+)?$/.test(scoreText) ? Number(scoreText) : null;
  const flagged = flag ? /^yes$/i.test(flag) : status ? /^\s*yes\b/i.test(status) : null;
  return { flagged, score };
}
