export type TextSegment = { kind: "text" | "link"; value: string };

/** Longer URLs stay text: no real link is this long, and it bounds what one link may carry. */
const MAX_URL_LENGTH = 2048;

// Stops at whitespace and at characters that cannot appear in a URL or commonly delimit one
// in prose (<>"); linear, so hostile text cannot make it backtrack.
const URL_CANDIDATE = /\bhttps?:\/\/[^\s<>"]+/gi;

const TRAILING_PUNCTUATION = /[.,;:!?'*_~]+$/;

const CLOSERS: Record<string, string> = { ")": "(", "]": "[", "}": "{" };

/**
 * Splits plain text into text and http(s) link segments, so the app can render it with React
 * (text as text, links as <a>) and never as an HTML string. Joined, the values are the input.
 */
export function linkifyText(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_CANDIDATE)) {
    const start = match.index ?? 0;
    const url = trimUrl(match[0]);
    if (url.length > MAX_URL_LENGTH || !isHttpUrl(url)) continue;
    if (start > last) segments.push({ kind: "text", value: text.slice(last, start) });
    segments.push({ kind: "link", value: url });
    last = start + url.length;
  }
  if (last < text.length) segments.push({ kind: "text", value: text.slice(last) });
  return mergeText(segments);
}

/** Drops what prose puts after a URL: "see https://x.org/a." ends the sentence, not the path, and
 * "(https://x.org/a)" closes a parenthesis the URL did not open. */
function trimUrl(candidate: string): string {
  let url = candidate;
  for (;;) {
    const before = url;
    url = url.replace(TRAILING_PUNCTUATION, "");
    const last = url.at(-1);
    if (last && CLOSERS[last] && count(url, last) > count(url, CLOSERS[last])) url = url.slice(0, -1);
    if (url === before) return url;
  }
}

function count(text: string, ch: string): number {
  return text.split(ch).length - 1;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

function mergeText(segments: TextSegment[]): TextSegment[] {
  const merged: TextSegment[] = [];
  for (const segment of segments) {
    const previous = merged.at(-1);
    if (previous && previous.kind === "text" && segment.kind === "text") previous.value += segment.value;
    else merged.push({ ...segment });
  }
  return merged;
}
