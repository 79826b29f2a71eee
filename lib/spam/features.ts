import { featureSlots } from "./feature-hash";

// The evidence the default learner (logistic.ts) weighs: the tokenizer's words (tokenize.ts) and
// orthogonal sparse bigrams of them (CRM114 / OSBF-Lua): each word paired with each of the next
// OSB_WINDOW − 1 words, the gap kept in the name ("Free 2 money" = "Free", one word, "money").
// Pairs catch phrases ("click here", "remove you") whose single words are harmless; the gap makes
// a pair survive a word inserted to dodge filters, which contiguous bigrams do not.

/** Whether the default learner reads OSB pairs beside the words. Chosen by bench/spam on training
 * mail only (BENCHMARKS.md, third round): the words alone learn faster from few messages and did
 * as well on later mail of the training half, so pairs are off. */
export const LEARNER_PAIRS = false;

/** A word and the next 4 (OSB's usual window of 5). */
export const OSB_WINDOW = 5;
/** Features read per message: spam puts its pitch first, and this bounds the cost. */
export const MAX_FEATURES_TOKENS = 3000;

/** A feature's name; pairs as "first␣gap␣second" (the gap in words between them). */
export const pairName = (a: string, gap: number, b: string) => `${a} ${gap} ${b}`;

/** The distinct features of a message's tokens (in tokenize order), unigrams and OSB pairs.
 * Pairs are made only between words of the same part (same `Field*` prefix, or both body): a
 * header word followed by the first body word says nothing. */
export function messageFeatures(tokens: string[]): Set<string> {
  const out = new Set<string>();
  const words = tokens.length > MAX_FEATURES_TOKENS ? tokens.slice(0, MAX_FEATURES_TOKENS) : tokens;
  const parts = words.map(partOf);
  for (let i = 0; i < words.length; i++) {
    out.add(words[i]);
    for (let j = i + 1; j < Math.min(words.length, i + OSB_WINDOW); j++) {
      if (parts[j] !== parts[i]) break;
      out.add(pairName(words[i], j - i - 1, words[j]));
    }
  }
  return out;
}

const FNV_OFFSET = 2166136261;
const FNV_PRIME = 16777619;
const SPACE = 32;
const DIGIT_ZERO = 48;

function fnvContinue(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

/**
 * The same slots as featureSlots(messageFeatures(tokens), bits), without making a string per pair:
 * FNV-1a reads a name left to right, so a pair's hash continues from its first word's. This is the
 * judging path (most of a message's features are pairs); names are made only to explain a verdict.
 */
export function messageSlots(tokens: string[], bits: number): Uint32Array {
  const mask = (1 << bits) - 1;
  const words = tokens.length > MAX_FEATURES_TOKENS ? tokens.slice(0, MAX_FEATURES_TOKENS) : tokens;
  const parts = words.map(partOf);
  const slots = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    const word = fnvContinue(FNV_OFFSET, words[i]);
    slots.add((word >>> 0) & mask);
    // "word␣" once; then per gap "g␣" and the second word (OSB_WINDOW − 1 ≤ 9: one digit)
    const prefix = Math.imul(word ^ SPACE, FNV_PRIME);
    for (let j = i + 1; j < Math.min(words.length, i + OSB_WINDOW); j++) {
      if (parts[j] !== parts[i]) break;
      const gap = Math.imul(Math.imul(prefix ^ (DIGIT_ZERO + j - i - 1), FNV_PRIME) ^ SPACE, FNV_PRIME);
      slots.add((fnvContinue(gap, words[j]) >>> 0) & mask);
    }
  }
  return Uint32Array.from(slots);
}

/** "Subject*" of "Subject*FREE", "" for a body word. */
function partOf(token: string): string {
  const star = token.indexOf("*");
  return star < 0 ? "" : token.slice(0, star + 1);
}

/** The default learner's features: words and OSB pairs, or the words alone (LEARNER_PAIRS). */
export const learnerFeatures = (tokens: string[]): Set<string> => (LEARNER_PAIRS ? messageFeatures(tokens) : new Set(tokens));

/** Their slots (the same as featureSlots(learnerFeatures(tokens), bits)). */
export const learnerSlots = (tokens: string[], bits: number): Uint32Array => (LEARNER_PAIRS ? messageSlots(tokens, bits) : featureSlots(new Set(tokens), bits));
