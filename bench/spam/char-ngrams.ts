// Character n-grams: every run of N bytes of the start of the raw message, hashed to a slot of the
// learner's table, beside the tokenizer's words. The features of the strongest TREC spam filters
// (Sculley & Wachman 2007; Cormack's logistic regression: 4-byte n-grams of the message's first
// 2,500–3,000 bytes). They see inside words ("V1agra", "mortgage-rates", "$$$"), across them and
// in the header's layout, where a word tokenizer has to guess what a word is. Bench code only:
// bench:spam:ngrams's yardstick picked them, but they miss the filer's budgets and the split did
// not bear them out (BENCHMARKS.md, fourth round), so Postern does not ship them.

/** n of the n-grams. */
export const NGRAM_LENGTH = 5;
/** Bytes of the raw message read (headers first: a spam's pitch and its sender's traces). */
export const NGRAM_HEAD_BYTES = 3000;

/** FNV-1a start for n-grams: FNV of "\u0001", so an n-gram never hashes like the word it spells
 * (tokens hold no control characters). */
const NGRAM_OFFSET = Math.imul(2166136261 ^ 1, 16777619);
const FNV_PRIME = 16777619;

/** The start of a raw message as the n-grams read it: one character per byte (Latin-1), so any
 * charset or broken encoding reads the same every time. */
export const messageHead = (raw: Uint8Array): string => Buffer.from(raw.subarray(0, NGRAM_HEAD_BYTES)).toString("latin1");

/** The same text for a message known only by its tokens (one space between): a fallback. */
export function ngramText(tokens: string[], maxChars = NGRAM_HEAD_BYTES): string {
  let text = "";
  for (const t of tokens) {
    if (text.length >= maxChars) break;
    text += text ? ` ${t}` : t;
  }
  return text.length > maxChars ? text.slice(0, maxChars) : text;
}

/** The slot of one n-gram (as addNgramSlots computes it). */
export function ngramSlot(gram: string, bits: number): number {
  let h = NGRAM_OFFSET;
  for (let i = 0; i < gram.length; i++) h = Math.imul(h ^ gram.charCodeAt(i), FNV_PRIME);
  return (h >>> 0) & ((1 << bits) - 1);
}

/** The distinct slots of the text's n-grams, added to `into`. */
export function addNgramSlots(text: string, bits: number, into: Set<number>, n = NGRAM_LENGTH): Set<number> {
  const mask = (1 << bits) - 1;
  for (let i = 0; i + n <= text.length; i++) {
    let h = NGRAM_OFFSET;
    for (let k = i; k < i + n; k++) h = Math.imul(h ^ text.charCodeAt(k), FNV_PRIME);
    into.add((h >>> 0) & mask);
  }
  return into;
}
